using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaasCrm.Migrations.MySql.Migrations
{
    /// <inheritdoc />
    public partial class BilingualWorkflowsAndCommentFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ArgsJson",
                table: "WorkflowJournal",
                type: "varchar(4000)",
                maxLength: 4000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "WorkflowJournal",
                type: "varchar(100)",
                maxLength: 100,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "WorkflowDefinitions",
                type: "varchar(1000)",
                maxLength: 1000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "WorkflowDefinitions",
                type: "varchar(200)",
                maxLength: 200,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<Guid>(
                name: "CommentId",
                table: "TicketAttachments",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ArgsJson",
                table: "WorkflowJournal");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "WorkflowJournal");

            migrationBuilder.DropColumn(
                name: "DescriptionZh",
                table: "WorkflowDefinitions");

            migrationBuilder.DropColumn(
                name: "NameZh",
                table: "WorkflowDefinitions");

            migrationBuilder.DropColumn(
                name: "CommentId",
                table: "TicketAttachments");
        }
    }
}
