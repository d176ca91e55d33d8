using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaasCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Customers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WeChat = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    QQ = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Birthday = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsPrimary = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportBatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModifiedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerCollaborators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Until = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerCollaborators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerOwnershipRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerOwnershipRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LevelCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IndustryCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Province = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    District = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Phones = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Emails = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Website = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnedSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ServiceRepId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PooledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsLocked = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastFollowUpAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextFollowUpAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastDealAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReleaseWarnedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MergedIntoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImportBatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModifiedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnmergeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckInMaxDistanceMeters = table.Column<int>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MethodCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckIn_Latitude = table.Column<double>(type: "REAL", nullable: true),
                    CheckIn_Longitude = table.Column<double>(type: "REAL", nullable: true),
                    CheckIn_AccuracyMeters = table.Column<double>(type: "REAL", nullable: true),
                    CheckIn_Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CheckIn_At = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckIn_PhotoNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CheckIn_DistanceMeters = table.Column<double>(type: "REAL", nullable: true),
                    CheckIn_IsFar = table.Column<bool>(type: "INTEGER", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModifiedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FollowUpId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Channels = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FiredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModifiedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchIndexOperations",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchIndexOperations", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_CustomerId",
                table: "Contacts",
                columns: new[] { "TenantId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_ImportBatchId",
                table: "Contacts",
                columns: new[] { "TenantId", "ImportBatchId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerCollaborators_TenantId_CustomerId",
                table: "CustomerCollaborators",
                columns: new[] { "TenantId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerCollaborators_TenantId_UserId_Until",
                table: "CustomerCollaborators",
                columns: new[] { "TenantId", "UserId", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerKeys_TenantId_CustomerId",
                table: "CustomerKeys",
                columns: new[] { "TenantId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerKeys_TenantId_Kind_Value",
                table: "CustomerKeys",
                columns: new[] { "TenantId", "Kind", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerOwnershipRecords_TenantId_CustomerId_At",
                table: "CustomerOwnershipRecords",
                columns: new[] { "TenantId", "CustomerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerOwnershipRecords_TenantId_ToUserId_Action_At",
                table: "CustomerOwnershipRecords",
                columns: new[] { "TenantId", "ToUserId", "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_ImportBatchId",
                table: "Customers",
                columns: new[] { "TenantId", "ImportBatchId" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_MergedIntoId",
                table: "Customers",
                columns: new[] { "TenantId", "MergedIntoId" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_ServiceRepId",
                table: "Customers",
                columns: new[] { "TenantId", "ServiceRepId" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_Status_LastFollowUpAt",
                table: "Customers",
                columns: new[] { "TenantId", "Status", "LastFollowUpAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_Status_NextFollowUpAt",
                table: "Customers",
                columns: new[] { "TenantId", "Status", "NextFollowUpAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_Status_OwnerId_CreatedAt_Id",
                table: "Customers",
                columns: new[] { "TenantId", "Status", "OwnerId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_TenantId_Status_PoolId_PooledAt",
                table: "Customers",
                columns: new[] { "TenantId", "Status", "PoolId", "PooledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSettings_TenantId",
                table: "CustomerSettings",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_TenantId_CustomerId_At",
                table: "FollowUps",
                columns: new[] { "TenantId", "CustomerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_TenantId_OwnerId_At",
                table: "FollowUps",
                columns: new[] { "TenantId", "OwnerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId_IdempotencyKey",
                table: "Notifications",
                columns: new[] { "TenantId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId_UserId_ReadAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "TenantId", "UserId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_TenantId_CustomerId",
                table: "Reminders",
                columns: new[] { "TenantId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_TenantId_OwnerId_Status_DueAt",
                table: "Reminders",
                columns: new[] { "TenantId", "OwnerId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchIndexOperations_TenantId_Sequence",
                table: "SearchIndexOperations",
                columns: new[] { "TenantId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "CustomerCollaborators");

            migrationBuilder.DropTable(
                name: "CustomerKeys");

            migrationBuilder.DropTable(
                name: "CustomerOwnershipRecords");

            migrationBuilder.DropTable(
                name: "Customers");

            migrationBuilder.DropTable(
                name: "CustomerSettings");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Reminders");

            migrationBuilder.DropTable(
                name: "SearchIndexOperations");
        }
    }
}
