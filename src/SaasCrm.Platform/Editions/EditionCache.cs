using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Platform.Editions;

public sealed record EditionInfo(Guid Id, string Name, int? MaxUsers, int? MaxCustomers, IReadOnlySet<string> EnabledModules)
{
    public int? Limit(string resource) => resource switch
    {
        EditionLimits.Users => MaxUsers,
        EditionLimits.Customers => MaxCustomers,
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Unknown edition limit."),
    };
}

/// <summary>The current tenant's edition, cached briefly (read on every permission check).</summary>
public sealed class EditionCache(IServiceScopeFactory scopes, ICurrentTenant currentTenant, ITenantStore tenants, IMemoryCache cache)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    /// <summary>Null for the host and for a tenant on no edition (no limits, every module).</summary>
    public async Task<EditionInfo?> ForCurrentTenantAsync(CancellationToken ct)
    {
        if (currentTenant.Id is not { } tenantId) return null;
        var editionId = tenants.Find(tenantId)?.EditionId;
        if (editionId is null) return null;
        return await cache.GetOrCreateAsync(("edition", editionId.Value), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Ttl;
            using var host = currentTenant.Change(null);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
            return edition is null ? null : new EditionInfo(edition.Id, edition.Name, edition.MaxUsers, edition.MaxCustomers, edition.EnabledModules.ToHashSet());
        });
    }

    public void Invalidate(Guid editionId) => cache.Remove(("edition", editionId));
}
