using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaasCrm.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "WorkflowJournal",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "WorkflowDefinitions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "WorkflowDefinitions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CommentId",
                table: "TicketAttachments",
                type: "TEXT",
                nullable: true);
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
