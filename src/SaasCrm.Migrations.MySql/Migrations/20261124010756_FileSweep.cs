using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaasCrm.Migrations.MySql.Migrations
{
    /// <inheritdoc />
    public partial class FileSweep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TicketAttachments_TenantId_FileId",
                table: "TicketAttachments",
                columns: new[] { "TenantId", "FileId" });

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_TenantId_Purpose_CreatedAt",
                table: "StoredFiles",
                columns: new[] { "TenantId", "Purpose", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticleAttachments_TenantId_FileId",
                table: "KnowledgeArticleAttachments",
                columns: new[] { "TenantId", "FileId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpAttachments_TenantId_FileId",
                table: "FollowUpAttachments",
                columns: new[] { "TenantId", "FileId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TicketAttachments_TenantId_FileId",
                table: "TicketAttachments");

            migrationBuilder.DropIndex(
                name: "IX_StoredFiles_TenantId_Purpose_CreatedAt",
                table: "StoredFiles");

            migrationBuilder.DropIndex(
                name: "IX_KnowledgeArticleAttachments_TenantId_FileId",
                table: "KnowledgeArticleAttachments");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpAttachments_TenantId_FileId",
                table: "FollowUpAttachments");
        }
    }
}
