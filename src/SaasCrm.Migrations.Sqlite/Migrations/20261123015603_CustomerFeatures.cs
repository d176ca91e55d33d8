using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaasCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CustomerFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Channels",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "EmailSentAt",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PushedAt",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SmsSentAt",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CustomerExports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Columns = table.Column<string>(type: "TEXT", nullable: false),
                    Filter = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerExports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerHandovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LevelCodes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CustomerIds = table.Column<string>(type: "TEXT", nullable: true),
                    IncludeReminders = table.Column<bool>(type: "INTEGER", nullable: false),
                    IncludeOpenRecords = table.Column<bool>(type: "INTEGER", nullable: false),
                    KeepCollaboratorUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Moved = table.Column<int>(type: "INTEGER", nullable: false),
                    RemindersMoved = table.Column<int>(type: "INTEGER", nullable: false),
                    CollaboratorsAdded = table.Column<int>(type: "INTEGER", nullable: false),
                    Batches = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
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
                    table.PrimaryKey("PK_CustomerHandovers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerImportMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeaderKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Mapping = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerImportMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Mapping = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactsCreated = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FailureCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevertedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reverted = table.Column<int>(type: "INTEGER", nullable: false),
                    RevertKept = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerMergeItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MergeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromCustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WasPrimary = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerMergeItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerMergeLosers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MergeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerMergeLosers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerMerges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MergedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MergedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevertedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevertedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    SurvivorBefore = table.Column<string>(type: "TEXT", nullable: false),
                    SurvivorAfter = table.Column<string>(type: "TEXT", nullable: false),
                    CustomFieldChanges = table.Column<string>(type: "TEXT", nullable: false),
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
                    table.PrimaryKey("PK_CustomerMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerPoolMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerPoolMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerPoolRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LevelCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DaysWithoutFollowUp = table.Column<int>(type: "INTEGER", nullable: true),
                    DaysWithoutDeal = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerPoolRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerPools",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WarnDaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxCustomersPerRep = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxClaimsPerDay = table.Column<int>(type: "INTEGER", nullable: true),
                    ReclaimCooldownDays = table.Column<int>(type: "INTEGER", nullable: true),
                    LastRunAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastRunReleased = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRunWarned = table.Column<int>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_CustomerPools", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NotificationPreferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channels = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationPreferences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedViews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Columns = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedViews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchIndexPositions",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RebuildStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RebuildTotal = table.Column<int>(type: "INTEGER", nullable: true),
                    RebuildDone = table.Column<int>(type: "INTEGER", nullable: true),
                    RebuiltAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchIndexPositions", x => new { x.TenantId, x.NodeId });
                });

            migrationBuilder.CreateTable(
                name: "SearchIndexRebuildRequests",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchIndexRebuildRequests", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "SmsMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StorageName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFiles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerExports_TenantId_CreatedBy_CreatedAt",
                table: "CustomerExports",
                columns: new[] { "TenantId", "CreatedBy", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerHandovers_TenantId_FromUserId",
                table: "CustomerHandovers",
                columns: new[] { "TenantId", "FromUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerHandovers_TenantId_RequestedAt",
                table: "CustomerHandovers",
                columns: new[] { "TenantId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerHandovers_TenantId_ToUserId",
                table: "CustomerHandovers",
                columns: new[] { "TenantId", "ToUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerImportMappings_TenantId_UserId_HeaderKey",
                table: "CustomerImportMappings",
                columns: new[] { "TenantId", "UserId", "HeaderKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerImports_TenantId_CreatedBy_CreatedAt",
                table: "CustomerImports",
                columns: new[] { "TenantId", "CreatedBy", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMergeItems_TenantId_MergeId_Kind",
                table: "CustomerMergeItems",
                columns: new[] { "TenantId", "MergeId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMergeLosers_TenantId_CustomerId",
                table: "CustomerMergeLosers",
                columns: new[] { "TenantId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMergeLosers_TenantId_MergeId",
                table: "CustomerMergeLosers",
                columns: new[] { "TenantId", "MergeId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMerges_TenantId_MergedAt",
                table: "CustomerMerges",
                columns: new[] { "TenantId", "MergedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMerges_TenantId_SurvivorId_MergedAt",
                table: "CustomerMerges",
                columns: new[] { "TenantId", "SurvivorId", "MergedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerPoolMembers_TenantId_PoolId",
                table: "CustomerPoolMembers",
                columns: new[] { "TenantId", "PoolId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerPoolMembers_TenantId_UserId",
                table: "CustomerPoolMembers",
                columns: new[] { "TenantId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerPoolRules_TenantId_PoolId",
                table: "CustomerPoolRules",
                columns: new[] { "TenantId", "PoolId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerPools_TenantId_Name",
                table: "CustomerPools",
                columns: new[] { "TenantId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationPreferences_TenantId_UserId_Kind",
                table: "NotificationPreferences",
                columns: new[] { "TenantId", "UserId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavedViews_TenantId_UserId_RecordType",
                table: "SavedViews",
                columns: new[] { "TenantId", "UserId", "RecordType" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_TenantId_CreatedAt",
                table: "SmsMessages",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_TenantId_IdempotencyKey",
                table: "SmsMessages",
                columns: new[] { "TenantId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_TenantId_CreatedBy_CreatedAt",
                table: "StoredFiles",
                columns: new[] { "TenantId", "CreatedBy", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerExports");

            migrationBuilder.DropTable(
                name: "CustomerHandovers");

            migrationBuilder.DropTable(
                name: "CustomerImportMappings");

            migrationBuilder.DropTable(
                name: "CustomerImports");

            migrationBuilder.DropTable(
                name: "CustomerMergeItems");

            migrationBuilder.DropTable(
                name: "CustomerMergeLosers");

            migrationBuilder.DropTable(
                name: "CustomerMerges");

            migrationBuilder.DropTable(
                name: "CustomerPoolMembers");

            migrationBuilder.DropTable(
                name: "CustomerPoolRules");

            migrationBuilder.DropTable(
                name: "CustomerPools");

            migrationBuilder.DropTable(
                name: "NotificationPreferences");

            migrationBuilder.DropTable(
                name: "SavedViews");

            migrationBuilder.DropTable(
                name: "SearchIndexPositions");

            migrationBuilder.DropTable(
                name: "SearchIndexRebuildRequests");

            migrationBuilder.DropTable(
                name: "SmsMessages");

            migrationBuilder.DropTable(
                name: "StoredFiles");

            migrationBuilder.DropColumn(
                name: "Channels",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "EmailSentAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "PushedAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "SmsSentAt",
                table: "Notifications");
        }
    }
}
