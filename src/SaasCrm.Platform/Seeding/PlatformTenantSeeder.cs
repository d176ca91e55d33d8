using Microsoft.AspNetCore.Identity;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Seeding;

/// <summary>Seeded roles (admin, sales, service, manager) with their data scopes, the admin user, default grants.</summary>
public sealed class PlatformTenantSeeder(
    PlatformDbContext db,
    UserManager<AppUser> users,
    RoleManager<AppRole> roles,
    PermissionSeeder permissions) : ITenantDataSeeder
{
    public int Order => 0;

    public async Task SeedAsync(TenantSeedContext context, CancellationToken cancellationToken)
    {
        await EnsureRoleAsync(SeededRoles.Admin, DataScope.All, administrator: true);
        await EnsureRoleAsync(SeededRoles.Manager, DataScope.DepartmentAndChildren);
        await EnsureRoleAsync(SeededRoles.Sales, DataScope.Self);
        await EnsureRoleAsync(SeededRoles.Service, DataScope.Self);

        if (await users.FindByNameAsync(context.AdminUserName) is null)
        {
            var admin = new AppUser { UserName = context.AdminUserName, Name = context.AdminUserName, Email = context.AdminEmail, LockoutEnabled = true };
            (await users.CreateAsync(admin, context.AdminPassword)).ThrowIfFailed("adminPassword");
            (await users.AddToRoleAsync(admin, SeededRoles.Admin)).ThrowIfFailed();
        }
        await permissions.SeedDefaultsAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureRoleAsync(string name, DataScope scope, bool administrator = false)
    {
        if (await roles.FindByNameAsync(name) is not null) return;
        (await roles.CreateAsync(new AppRole { Name = name, DataScope = scope, IsStatic = true, IsAdministrator = administrator })).ThrowIfFailed();
    }
}
