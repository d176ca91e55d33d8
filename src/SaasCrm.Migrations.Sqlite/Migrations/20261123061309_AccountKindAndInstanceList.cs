using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaasCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccountKindAndInstanceList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_TenantId_StartedAt",
                table: "WorkflowInstances",
                columns: new[] { "TenantId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_TenantId_StartedAt",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "AspNetUsers");
        }
    }
}
