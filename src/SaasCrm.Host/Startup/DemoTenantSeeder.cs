using Microsoft.AspNetCore.Identity;
using SaasCrm.Platform.Departments;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Seeding;
using SaasCrm.Platform.Tenants;

namespace SaasCrm.Host.Startup;

/// <summary>The "demo" tenant: an org tree with a manager, sales reps and a service rep, plus each module's sample data.</summary>
public sealed class DemoTenantSeeder(TenantService tenants, ITenantScopeFactory tenantScopes)
{
    public const string TenantName = "demo";

    public async Task SeedAsync(string password, CancellationToken ct)
    {
        var tenant = await tenants.CreateAsync(new CreateTenantRequest(TenantName, "演示公司 Demo Co.", "admin", password, "admin@demo.local"), ct);
        await using var scope = tenantScopes.Create(tenant.Id, tenant.Name);
        var services = scope.Services;
        var departments = services.GetRequiredService<DepartmentService>();
        var users = services.GetRequiredService<UserManager<AppUser>>();

        var sales = await departments.CreateAsync(new CreateDepartmentRequest("销售部 Sales", null), ct);
        var east = await departments.CreateAsync(new CreateDepartmentRequest("华东销售组 East", sales.Id), ct);
        var south = await departments.CreateAsync(new CreateDepartmentRequest("华南销售组 South", sales.Id), ct);
        var service = await departments.CreateAsync(new CreateDepartmentRequest("客服部 Service", null), ct);

        var manager = await CreateUserAsync(users, "wangfang", "王芳", SeededRoles.Manager, password);
        var zhang = await CreateUserAsync(users, "zhangwei", "张伟", SeededRoles.Sales, password);
        var li = await CreateUserAsync(users, "lina", "李娜", SeededRoles.Sales, password);
        var liu = await CreateUserAsync(users, "liuyang", "刘洋", SeededRoles.Service, password);

        await departments.AddMembersAsync(sales.Id, [manager.Id], ct);
        await departments.SetHeadAsync(sales.Id, manager.Id, ct);
        await departments.AddMembersAsync(east.Id, [zhang.Id], ct);
        await departments.AddMembersAsync(south.Id, [li.Id], ct);
        await departments.AddMembersAsync(service.Id, [liu.Id], ct);
        await departments.SetHeadAsync(service.Id, liu.Id, ct);

        foreach (var seeder in services.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(password, ct);
        }
    }

    private static async Task<AppUser> CreateUserAsync(UserManager<AppUser> users, string userName, string name, string role, string password)
    {
        var user = new AppUser { UserName = userName, Name = name, Email = $"{userName}@demo.local", LockoutEnabled = true };
        (await users.CreateAsync(user, password)).ThrowIfFailed();
        (await users.AddToRoleAsync(user, role)).ThrowIfFailed();
        return user;
    }
}
