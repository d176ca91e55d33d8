using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Records;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;

namespace SaasCrm.Api.Tests.Handover;

/// <summary>Writes and reads customer records straight through the DbContext inside a tenant (optionally as a user), for arranging and checking state.</summary>
public static class CustomerSeed
{
    public static async Task<T> InTenantAsync<T>(ApiFixture api, Guid tenantId, Func<PlatformDbContext, IServiceProvider, Task<T>> work, Guid? asUser = null)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        var user = api.Factory.Services.GetRequiredService<ICurrentUser>();
        using var _ = user.Change(asUser is null ? null : new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PlatformClaims.UserId, asUser.Value.ToString()), new Claim(PlatformClaims.TenantId, tenantId.ToString())], "test")));
        return await work(scope.Services.GetRequiredService<PlatformDbContext>(), scope.Services);
    }

    public static Task InTenantAsync(ApiFixture api, Guid tenantId, Func<PlatformDbContext, Task> work) =>
        InTenantAsync(api, tenantId, async (db, _) => { await work(db); return true; });

    public static Task<List<Guid>> CustomersAsync(ApiFixture api, Guid tenantId, Guid? ownerId, int count, string? level = null, string[]? tags = null, string prefix = "Customer") =>
        InTenantAsync(api, tenantId, async (db, services) =>
        {
            var keys = services.GetRequiredService<CustomerKeyWriter>();
            var ids = new List<Guid>();
            for (var i = 0; i < count; i++)
            {
                var customer = new Customer { Name = $"{prefix} {Guid.NewGuid():N}", OwnerId = ownerId, LevelCode = level, Tags = [.. tags ?? []] };
                keys.AddFor(customer);
                db.Add(customer);
                ids.Add(customer.Id);
            }
            await db.SaveChangesAsync();
            return ids;
        });
}
