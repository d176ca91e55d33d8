using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Seeding;

namespace SaasCrm.Host.Startup;

public sealed class SeedOptions
{
    /// <summary>Password of the host admin (and of the demo tenant's users) when they are first created.</summary>
    public string AdminPassword { get; set; } = "1q2w3E*";
    /// <summary>Creates the "demo" tenant with sample departments and users at first start.</summary>
    public bool DemoTenant { get; set; } = true;
}

/// <summary>Start-up: schema of the shared database and of tenants with their own, host admin, default grants, file sweeps, demo tenant.</summary>
public sealed partial class DatabaseInitializer(
    PlatformDbContext db,
    IDatabaseSchemaManager schema,
    UserManager<AppUser> users,
    RoleManager<AppRole> roles,
    ITenantScopeFactory tenantScopes,
    DemoTenantSeeder demo,
    IOptions<SeedOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        await schema.EnsureSchemaAsync(ct);
        await EnsureHostAdminAsync();

        var tenants = await db.Tenants.AsNoTracking().Select(t => new { t.Id, t.Name, HasOwnDatabase = t.ConnectionString != null }).ToListAsync(ct);
        foreach (var tenant in tenants)
        {
            await using var scope = tenantScopes.Create(tenant.Id, tenant.Name);
            if (tenant.HasOwnDatabase) await scope.Services.GetRequiredService<IDatabaseSchemaManager>().EnsureSchemaAsync(ct);
            // Permissions added by modules since the last start reach existing tenants' seeded roles.
            await scope.Services.GetRequiredService<PermissionSeeder>().SeedDefaultsAsync(ct);
            await scope.Services.GetRequiredService<SaasCrm.Platform.Dictionaries.DictionarySeeder>().SeedMissingAsync(ct);
            await scope.Services.GetRequiredService<PlatformDbContext>().SaveChangesAsync(ct);
            // Tenants holding attachments get their daily file sweep (also those whose files predate it).
            await scope.Services.GetRequiredService<SaasCrm.Platform.Files.FileSweepScheduler>().EnsureStartedIfFilesAsync(ct);
        }

        if (options.Value.DemoTenant && tenants.All(t => t.Name != DemoTenantSeeder.TenantName))
        {
            await demo.SeedAsync(options.Value.AdminPassword, ct);
            LogDemoTenant(logger, DemoTenantSeeder.TenantName, options.Value.AdminPassword);
        }
    }

    private async Task EnsureHostAdminAsync()
    {
        if (await roles.FindByNameAsync(SeededRoles.Admin) is null)
        {
            (await roles.CreateAsync(new AppRole { Name = SeededRoles.Admin, DataScope = DataScope.All, IsStatic = true, IsAdministrator = true })).ThrowIfFailed();
        }
        if (await users.FindByNameAsync("admin") is not null) return;
        var admin = new AppUser { UserName = "admin", Name = "SaaS operator", LockoutEnabled = true };
        (await users.CreateAsync(admin, options.Value.AdminPassword)).ThrowIfFailed();
        (await users.AddToRoleAsync(admin, SeededRoles.Admin)).ThrowIfFailed();
        LogHostAdmin(logger, options.Value.AdminPassword);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First start: host admin created. Sign in with tenant blank, user 'admin', password '{Password}'. Change it.")]
    private static partial void LogHostAdmin(ILogger logger, string password);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo tenant '{Tenant}' created: users admin, wangfang (manager), zhangwei, lina (sales), liuyang (service); password '{Password}'.")]
    private static partial void LogDemoTenant(ILogger logger, string tenant, string password);
}

public static class DatabaseInitializerExtensions
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var tenantScopes = services.GetRequiredService<ITenantScopeFactory>();
        await using var scope = tenantScopes.Create(null);
        await scope.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
    }
}
