using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Notifications;

namespace SaasCrm.Api.Tests.Pool;

/// <summary>Seeds and reads customers inside a tenant straight through the DbContext (the customer API lands separately).</summary>
internal sealed class PoolTestKit(ApiFixture api, TenantScenario tenant)
{
    public DateTime Now => api.Factory.Clock.GetUtcNow().UtcDateTime;

    public async Task<Guid> SeedCustomerAsync(string name, Guid ownerId, string? level = "b", bool locked = false, Action<Customer>? configure = null)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenant.Id);
        var db = scope.Services.GetRequiredService<PlatformDbContext>();
        var customer = new Customer
        {
            Name = name, NormalizedName = name.ToLowerInvariant(), OwnerId = ownerId, OwnedSince = Now, LevelCode = level, IsLocked = locked,
            CreatedAt = Now,
        };
        configure?.Invoke(customer);
        db.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    public async Task UpdateCustomerAsync(Guid id, Action<Customer> change)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenant.Id);
        var db = scope.Services.GetRequiredService<PlatformDbContext>();
        change(await db.Set<Customer>().SingleAsync(c => c.Id == id));
        await db.SaveChangesAsync();
    }

    public async Task<Customer> CustomerAsync(Guid id)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenant.Id);
        return await scope.Services.GetRequiredService<PlatformDbContext>().Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public async Task<List<OwnershipRecord>> HistoryAsync(Guid customerId)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenant.Id);
        return await scope.Services.GetRequiredService<PlatformDbContext>().Set<OwnershipRecord>().AsNoTracking()
            .Where(r => r.CustomerId == customerId).OrderBy(r => r.At).ThenBy(r => r.Id).ToListAsync();
    }

    public async Task<List<Notification>> NotificationsAsync(Guid userId, string kind)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenant.Id);
        return await scope.Services.GetRequiredService<PlatformDbContext>().Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == userId && n.Kind == kind).ToListAsync();
    }

    public async Task<Guid> CreatePoolAsync(object body) =>
        (await tenant.Admin.PostOk("/api/customer-pools", body, HttpStatusCode.Created))["id"]!.GetValue<Guid>();

    public static object Pool(string name, Guid[]? users = null, Guid[]? departments = null, object[]? rules = null, int warnDays = 0,
        int? maxHeld = null, int? maxDaily = null, int? cooldown = null) => new
    {
        name,
        memberUserIds = users ?? [],
        memberDepartmentIds = departments ?? [],
        rules = rules ?? [new { levelCode = (string?)null, daysWithoutFollowUp = 30 }],
        warnDaysBefore = warnDays,
        maxCustomersPerRep = maxHeld,
        maxClaimsPerDay = maxDaily,
        reclaimCooldownDays = cooldown,
    };

    public static List<Guid> Ids(JsonNode page) => page["items"]!.AsArray().Select(i => (i!["customerId"] ?? i["id"])!.GetValue<Guid>()).ToList();

    /// <summary>Moving the clock past the token lifetime signs clients out: sign them in again.</summary>
    public async Task SignInAgainAsync(params (ApiClient Client, string UserName)[] clients)
    {
        await tenant.Admin.LoginAsync(tenant.Name, "admin", CrmApiFactory.Password);
        foreach (var (client, userName) in clients) await client.LoginAsync(tenant.Name, userName, CrmApiFactory.Password);
    }

    public async Task PutIntoPoolAsync(Guid poolId, params Guid[] customerIds) =>
        await tenant.Admin.PostOk($"/api/customer-pools/{poolId}/release", new { customerIds, reason = "test setup" });
}
