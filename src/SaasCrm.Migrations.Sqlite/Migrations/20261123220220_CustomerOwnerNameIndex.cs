using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaasCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CustomerOwnerNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_Status_OwnerId_NormalizedName_Id",
                table: "Customers",
                columns: new[] { "TenantId", "Status", "OwnerId", "NormalizedName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_TenantId_Status_OwnerId_NormalizedName_Id",
                table: "Customers");
        }
    }
}
