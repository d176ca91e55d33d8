namespace SaasCrm.Platform.MultiTenancy;

/// <summary>AsyncLocal-backed, so a change flows into awaited calls and never leaks to other requests.</summary>
public sealed class CurrentTenant : ICurrentTenant
{
    private static readonly AsyncLocal<TenantSnapshot?> Current = new();

    public Guid? Id => Current.Value?.Id;
    public string? Name => Current.Value?.Name;

    public IDisposable Change(Guid? id, string? name = null)
    {
        var previous = Current.Value;
        Current.Value = new TenantSnapshot(id, name);
        return new RestoreScope(() => Current.Value = previous);
    }

    private sealed record TenantSnapshot(Guid? Id, string? Name);
}
