using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaasCrm.Migrations.MySql.Migrations
{
    /// <inheritdoc />
    public partial class CustomerOwnerIndexCoversCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_TenantId_Status_OwnerId_CreatedAt_Id",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_Status_OwnerId_CreatedAt_Id_LevelCode_IsD~",
                table: "Customers",
                columns: new[] { "TenantId", "Status", "OwnerId", "CreatedAt", "Id", "LevelCode", "IsDeleted" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_TenantId_Status_OwnerId_CreatedAt_Id_LevelCode_IsD~",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_Status_OwnerId_CreatedAt_Id",
                table: "Customers",
                columns: new[] { "TenantId", "Status", "OwnerId", "CreatedAt", "Id" });
        }
    }
}
