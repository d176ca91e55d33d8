using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Auditing;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Departments;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Tenants;

namespace SaasCrm.Platform.Data;

/// <summary>
/// The one DbContext base: platform tables plus what every module contributes, with the tenant and
/// soft-delete filters combined into one expression per entity. The filters read the current tenant and
/// the filter switches from this instance, so EF turns them into query parameters.
/// </summary>
public abstract class PlatformDbContext(
    DbContextOptions options,
    ICurrentTenant currentTenant,
    IDataFilter dataFilter,
    ModuleCatalog modules) : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    public ModuleCatalog Modules { get; } = modules;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Editions.Edition> Editions => Set<Editions.Edition>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<PermissionGrant> PermissionGrants => Set<PermissionGrant>();
    public DbSet<PermissionSeed> PermissionSeeds => Set<PermissionSeed>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<CustomFields.CustomFieldDefinition> CustomFieldDefinitions => Set<CustomFields.CustomFieldDefinition>();
    public DbSet<CustomFields.CustomFieldValue> CustomFieldValues => Set<CustomFields.CustomFieldValue>();
    public DbSet<Dictionaries.DictionaryType> DictionaryTypes => Set<Dictionaries.DictionaryType>();
    public DbSet<Dictionaries.DictionaryItem> DictionaryItems => Set<Dictionaries.DictionaryItem>();
    public DbSet<UserDepartment> UserDepartments => Set<UserDepartment>();
    public DbSet<EntityChange> EntityChanges => Set<EntityChange>();
    public DbSet<SecurityLog> SecurityLogs => Set<SecurityLog>();
    public DbSet<BackgroundJobRecord> BackgroundJobs => Set<BackgroundJobRecord>();

    // Read by the query filters at execution time (parameters, not constants).
    protected Guid? CurrentTenantId => currentTenant.Id;
    protected bool IsMultiTenantFilterEnabled => dataFilter.IsEnabled<IMultiTenant>();
    protected bool IsSoftDeleteFilterEnabled => dataFilter.IsEnabled<ISoftDelete>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        foreach (var module in Modules.Modules)
        {
            module.ConfigureModel(builder);
        }
        ApplyConventions(builder);
    }

    private void ApplyConventions(ModelBuilder builder)
    {
        var sqlite = Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned()))
        {
            var clr = entityType.ClrType;
            if (sqlite)
            {
                // SQLite cannot compare, order or aggregate decimals; the embedded database stores them as REAL
                // (15 significant digits). MariaDB/MySQL keep exact DECIMAL columns.
                foreach (var property in entityType.GetProperties().Where(p => p.ClrType == typeof(decimal) || p.ClrType == typeof(decimal?)))
                {
                    builder.Entity(clr).Property(property.Name).HasConversion(property.ClrType == typeof(decimal) ? typeof(double) : typeof(double?));
                }
            }
            if (typeof(IHasConcurrencyStamp).IsAssignableFrom(clr))
            {
                builder.Entity(clr).Property(nameof(IHasConcurrencyStamp.ConcurrencyStamp)).IsConcurrencyToken().HasMaxLength(40);
            }
            if (typeof(IMultiTenant).IsAssignableFrom(clr))
            {
                builder.Entity(clr).Property(nameof(IMultiTenant.TenantId)).IsConcurrencyToken();
            }
            var filter = BuildFilter(clr);
            if (filter is not null)
            {
                builder.Entity(clr).HasQueryFilter(filter);
            }
        }
    }

    private LambdaExpression? BuildFilter(Type clr)
    {
        var e = Expression.Parameter(clr, "e");
        var self = Expression.Constant(this);
        Expression? body = null;
        if (typeof(ISoftDelete).IsAssignableFrom(clr))
        {
            // !IsSoftDeleteFilterEnabled || !e.IsDeleted
            body = Expression.OrElse(
                Expression.Not(Expression.Property(self, nameof(IsSoftDeleteFilterEnabled))),
                Expression.Not(Expression.Property(e, nameof(ISoftDelete.IsDeleted))));
        }
        if (typeof(IMultiTenant).IsAssignableFrom(clr))
        {
            // !IsMultiTenantFilterEnabled || e.TenantId == CurrentTenantId
            var tenant = Expression.OrElse(
                Expression.Not(Expression.Property(self, nameof(IsMultiTenantFilterEnabled))),
                Expression.Equal(Expression.Property(e, nameof(IMultiTenant.TenantId)), Expression.Property(self, nameof(CurrentTenantId))));
            body = body is null ? tenant : Expression.AndAlso(body, tenant);
        }
        return body is null ? null : Expression.Lambda(body, e);
    }
}
