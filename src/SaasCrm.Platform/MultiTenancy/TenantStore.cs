using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Data;

namespace SaasCrm.Platform.MultiTenancy;

public sealed record TenantInfo(Guid Id, string Name, string DisplayName, bool IsActive, string? SuspensionReason, string? ConnectionString, Guid? EditionId);

/// <summary>Tenant look-ups for every request, cached briefly; changes on this node invalidate at once.</summary>
public interface ITenantStore
{
    TenantInfo? Find(Guid id);
    TenantInfo? FindByName(string name);
    void Invalidate(Guid id);
}

public sealed class TenantStore(IServiceScopeFactory scopes, ICurrentTenant currentTenant, IMemoryCache cache) : ITenantStore
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    public TenantInfo? Find(Guid id) =>
        cache.GetOrCreate(("tenant", id), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Ttl;
            return Load(t => t.Id == id);
        });

    public TenantInfo? FindByName(string name)
    {
        var normalized = name.Trim().ToLowerInvariant();
        var id = cache.GetOrCreate(("tenant-name", normalized), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Ttl;
            return Load(t => t.Name == normalized)?.Id;
        });
        return id is { } found ? Find(found) : null;
    }

    public void Invalidate(Guid id)
    {
        if (cache.Get<TenantInfo>(("tenant", id)) is { } info) cache.Remove(("tenant-name", info.Name));
        cache.Remove(("tenant", id));
    }

    // Synchronous on purpose: the DbContext options of a request need the tenant's connection string while
    // the context is being constructed. The tenants table always lives in the shared (host) database.
    private TenantInfo? Load(System.Linq.Expressions.Expression<Func<Tenants.Tenant, bool>> predicate)
    {
        using var host = currentTenant.Change(null);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return db.Tenants.AsNoTracking().Where(predicate)
            .Select(t => new TenantInfo(t.Id, t.Name, t.DisplayName, t.IsActive, t.SuspensionReason, t.ConnectionString, t.EditionId))
            .FirstOrDefault();
    }
}
