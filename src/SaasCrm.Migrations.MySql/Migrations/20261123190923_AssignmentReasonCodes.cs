using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaasCrm.Migrations.MySql.Migrations
{
    /// <inheritdoc />
    public partial class AssignmentReasonCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReasonArgsJson",
                table: "WorkflowAssignmentDecisions",
                type: "varchar(1000)",
                maxLength: 1000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "ReasonCode",
                table: "WorkflowAssignmentDecisions",
                type: "varchar(50)",
                maxLength: 50,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReasonArgsJson",
                table: "WorkflowAssignmentDecisions");

            migrationBuilder.DropColumn(
                name: "ReasonCode",
                table: "WorkflowAssignmentDecisions");
        }
    }
}
