using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SaasCrm.Platform.Auditing;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Departments;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Tenants;

namespace SaasCrm.Platform.Data.Configurations;

// Every index on a tenant table starts with TenantId (DESIGN.md).

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.ToTable("Tenants");
        b.Property(x => x.Name).HasMaxLength(64).IsRequired();
        b.Property(x => x.DisplayName).HasMaxLength(128).IsRequired();
        b.Property(x => x.SuspensionReason).HasMaxLength(500);
        b.Property(x => x.ConnectionString).HasMaxLength(1000);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class EditionConfiguration : IEntityTypeConfiguration<Editions.Edition>
{
    public void Configure(EntityTypeBuilder<Editions.Edition> b)
    {
        b.ToTable("Editions");
        b.Property(x => x.Name).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.Language).HasMaxLength(8);
        // Identity's own unique index is global; ours is per tenant (the same user name may exist in two tenants).
        b.HasIndex(x => x.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique(false);
        b.HasIndex(x => new { x.TenantId, x.NormalizedUserName }).IsUnique().HasDatabaseName("IX_Users_Tenant_UserName");
        b.HasIndex(x => new { x.TenantId, x.NormalizedEmail });
        foreach (var secret in new[] { nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
                     nameof(AppUser.NormalizedUserName), nameof(AppUser.NormalizedEmail), nameof(AppUser.AccessFailedCount) })
        {
            b.Property(secret).HasAnnotation(ChangeLogAnnotations.NotLogged, true);
        }
    }
}

internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> b)
    {
        b.HasIndex(x => x.NormalizedName).HasDatabaseName("RoleNameIndex").IsUnique(false);
        b.HasIndex(x => new { x.TenantId, x.NormalizedName }).IsUnique().HasDatabaseName("IX_Roles_Tenant_Name");
        b.Property(x => x.ConcurrencyStamp).HasAnnotation(ChangeLogAnnotations.NotLogged, true);
        b.Property(x => x.NormalizedName).HasAnnotation(ChangeLogAnnotations.NotLogged, true);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> b)
    {
        b.ToTable("RefreshTokens");
        b.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.RevokedReason).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique(); // looked up before the tenant is known: the hash is the secret
        b.HasIndex(x => new { x.TenantId, x.UserId });
    }
}

internal sealed class PermissionGrantConfiguration : IEntityTypeConfiguration<PermissionGrant>
{
    public void Configure(EntityTypeBuilder<PermissionGrant> b)
    {
        b.ToTable("PermissionGrants");
        b.Property(x => x.Name).HasMaxLength(128).IsRequired();
        b.Property(x => x.ProviderName).HasMaxLength(4).IsRequired();
        b.HasIndex(x => new { x.TenantId, x.ProviderName, x.ProviderKey, x.Name }).IsUnique();
    }
}

internal sealed class PermissionSeedConfiguration : IEntityTypeConfiguration<PermissionSeed>
{
    public void Configure(EntityTypeBuilder<PermissionSeed> b)
    {
        b.ToTable("PermissionSeeds");
        b.Property(x => x.Name).HasMaxLength(128).IsRequired();
        b.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("Departments");
        b.Property(x => x.Name).HasMaxLength(128).IsRequired();
        b.Property(x => x.Code).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.TenantId, x.Code });
        b.HasIndex(x => new { x.TenantId, x.ParentId });
    }
}

internal sealed class DictionaryTypeConfiguration : IEntityTypeConfiguration<Dictionaries.DictionaryType>
{
    public void Configure(EntityTypeBuilder<Dictionaries.DictionaryType> b)
    {
        b.ToTable("DictionaryTypes");
        b.Property(x => x.Code).HasMaxLength(64).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(128).IsRequired();
        b.Property(x => x.NameZh).HasMaxLength(128).IsRequired();
        b.Property(x => x.NumericValueName).HasMaxLength(64);
        b.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
    }
}

internal sealed class DictionaryItemConfiguration : IEntityTypeConfiguration<Dictionaries.DictionaryItem>
{
    public void Configure(EntityTypeBuilder<Dictionaries.DictionaryItem> b)
    {
        b.ToTable("DictionaryItems");
        b.Property(x => x.Code).HasMaxLength(64).IsRequired();
        b.Property(x => x.LabelEn).HasMaxLength(128).IsRequired();
        b.Property(x => x.LabelZh).HasMaxLength(128).IsRequired();
        b.Property(x => x.Color).HasMaxLength(7);
        b.Property(x => x.NumericValue).HasPrecision(18, 4);
        b.HasIndex(x => new { x.TenantId, x.TypeId, x.Code }).IsUnique();
    }
}

internal sealed class CustomFieldDefinitionConfiguration : IEntityTypeConfiguration<CustomFields.CustomFieldDefinition>
{
    public void Configure(EntityTypeBuilder<CustomFields.CustomFieldDefinition> b)
    {
        b.ToTable("CustomFieldDefinitions");
        b.Property(x => x.EntityType).HasMaxLength(64).IsRequired();
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.LabelEn).HasMaxLength(128).IsRequired();
        b.Property(x => x.LabelZh).HasMaxLength(128).IsRequired();
        b.Property(x => x.DictionaryTypeCode).HasMaxLength(64);
        b.Property(x => x.DefaultValue).HasMaxLength(1000);
        b.Property(x => x.HelpEn).HasMaxLength(500);
        b.Property(x => x.HelpZh).HasMaxLength(500);
        b.HasIndex(x => new { x.TenantId, x.EntityType, x.Name }).IsUnique();
    }
}

internal sealed class CustomFieldValueConfiguration : IEntityTypeConfiguration<CustomFields.CustomFieldValue>
{
    public void Configure(EntityTypeBuilder<CustomFields.CustomFieldValue> b)
    {
        b.ToTable("CustomFieldValues");
        b.Property(x => x.EntityType).HasMaxLength(64).IsRequired();
        b.Property(x => x.TextValue).HasMaxLength(4000);
        b.Property(x => x.NumberValue).HasPrecision(28, 8);
        // Reads by record; filters seek by field and typed value (text is prefix-indexed on MySQL by length).
        b.HasIndex(x => new { x.TenantId, x.EntityType, x.EntityId });
        b.HasIndex(x => new { x.TenantId, x.FieldId, x.NumberValue });
        b.HasIndex(x => new { x.TenantId, x.FieldId, x.DateValue });
    }
}

internal sealed class UserDepartmentConfiguration : IEntityTypeConfiguration<UserDepartment>
{
    public void Configure(EntityTypeBuilder<UserDepartment> b)
    {
        b.ToTable("UserDepartments");
        b.HasIndex(x => new { x.TenantId, x.UserId, x.DepartmentId }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.DepartmentId });
    }
}

internal sealed class EntityChangeConfiguration : IEntityTypeConfiguration<EntityChange>
{
    public void Configure(EntityTypeBuilder<EntityChange> b)
    {
        b.ToTable("EntityChanges");
        b.Property(x => x.EntityType).HasMaxLength(128).IsRequired();
        b.Property(x => x.EntityId).HasMaxLength(64).IsRequired();
        b.Property(x => x.UserName).HasMaxLength(256);
        b.HasIndex(x => new { x.TenantId, x.EntityType, x.EntityId, x.ChangedAt });
        b.HasIndex(x => new { x.TenantId, x.ChangedAt });
        b.HasMany(x => x.PropertyChanges).WithOne().HasForeignKey(x => x.EntityChangeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EntityPropertyChangeConfiguration : IEntityTypeConfiguration<EntityPropertyChange>
{
    public void Configure(EntityTypeBuilder<EntityPropertyChange> b)
    {
        b.ToTable("EntityPropertyChanges");
        b.Property(x => x.PropertyName).HasMaxLength(128).IsRequired();
        b.Property(x => x.OldValue).HasMaxLength(2000);
        b.Property(x => x.NewValue).HasMaxLength(2000);
    }
}

internal sealed class SecurityLogConfiguration : IEntityTypeConfiguration<SecurityLog>
{
    public void Configure(EntityTypeBuilder<SecurityLog> b)
    {
        b.ToTable("SecurityLogs");
        b.Property(x => x.Action).HasMaxLength(64).IsRequired();
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.ClientIp).HasMaxLength(64);
        b.Property(x => x.Detail).HasMaxLength(2000);
        b.HasIndex(x => new { x.TenantId, x.CreatedAt });
    }
}

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJobRecord>
{
    public void Configure(EntityTypeBuilder<BackgroundJobRecord> b)
    {
        b.ToTable("BackgroundJobs");
        b.Property(x => x.JobName).HasMaxLength(128).IsRequired();
        b.Property(x => x.IdempotencyKey).HasMaxLength(256);
        b.Property(x => x.LeaseOwner).HasMaxLength(128);
        b.Property(x => x.LastError).HasMaxLength(4000);
        b.Property(x => x.UserName).HasMaxLength(256);
        // Polled across tenants by every node: the claim query seeks on (Status, NextRunAt).
        b.HasIndex(x => new { x.Status, x.NextRunAt });
        b.HasIndex(x => new { x.TenantId, x.Status });
        b.HasIndex(x => x.IdempotencyKey).IsUnique();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notifications.Notification>
{
    public void Configure(EntityTypeBuilder<Notifications.Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(x => x.Kind).HasMaxLength(64).IsRequired();
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Body).HasMaxLength(2000);
        b.Property(x => x.Link).HasMaxLength(500);
        b.Property(x => x.IdempotencyKey).HasMaxLength(200);
        b.HasIndex(x => new { x.TenantId, x.UserId, x.ReadAt, x.CreatedAt });
        b.HasIndex(x => new { x.TenantId, x.IdempotencyKey }).IsUnique();
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<Files.StoredFile>
{
    public void Configure(EntityTypeBuilder<Files.StoredFile> b)
    {
        b.ToTable("StoredFiles");
        b.Property(x => x.StorageName).HasMaxLength(100).IsRequired();
        b.Property(x => x.OriginalName).HasMaxLength(200).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        b.Property(x => x.Format).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.Purpose).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.TenantId, x.CreatedBy, x.CreatedAt });
        // The daily sweep reads a tenant's files of one purpose in creation order.
        b.HasIndex(x => new { x.TenantId, x.Purpose, x.CreatedAt });
    }
}
