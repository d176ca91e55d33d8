using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaasCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContactNumberDigits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MobileDigits",
                table: "Contacts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneDigits",
                table: "Contacts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_MobileDigits",
                table: "Contacts",
                columns: new[] { "TenantId", "MobileDigits" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_PhoneDigits",
                table: "Contacts",
                columns: new[] { "TenantId", "PhoneDigits" });

            foreach (var statement in SaasCrm.Customers.Data.ContactDigitsBackfill.Statements()) migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_MobileDigits",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_PhoneDigits",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "MobileDigits",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "PhoneDigits",
                table: "Contacts");
        }
    }
}
