using Microsoft.Extensions.DependencyInjection;

namespace SaasCrm.Platform.MultiTenancy;

/// <summary>
/// Runs code inside a tenant with services of its own. A DbContext picks its connection (shared or the
/// tenant's own database) when it is created, so switching tenant needs a new scope: use this, not a bare
/// <see cref="ICurrentTenant.Change"/>, whenever the switch is to another tenant.
/// </summary>
public interface ITenantScopeFactory
{
    TenantScope Create(Guid? tenantId, string? tenantName = null);
}

public sealed class TenantScopeFactory(IServiceScopeFactory scopes, ICurrentTenant currentTenant) : ITenantScopeFactory
{
    public TenantScope Create(Guid? tenantId, string? tenantName = null)
    {
        var change = currentTenant.Change(tenantId, tenantName);
        return new TenantScope(scopes.CreateAsyncScope(), change);
    }
}

public sealed class TenantScope(AsyncServiceScope scope, IDisposable tenantChange) : IAsyncDisposable
{
    public IServiceProvider Services => scope.ServiceProvider;

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        tenantChange.Dispose();
    }
}
