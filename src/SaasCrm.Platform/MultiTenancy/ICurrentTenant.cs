namespace SaasCrm.Platform.MultiTenancy;

/// <summary>The tenant the current code runs for; null is the host (SaaS operator) side.</summary>
public interface ICurrentTenant
{
    Guid? Id { get; }
    string? Name { get; }
    bool IsAvailable => Id.HasValue;

    /// <summary>Runs the following code as <paramref name="id"/> until the returned scope is disposed.</summary>
    IDisposable Change(Guid? id, string? name = null);
}
