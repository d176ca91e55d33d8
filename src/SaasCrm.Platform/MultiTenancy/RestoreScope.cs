namespace SaasCrm.Platform.MultiTenancy;

/// <summary>Restores an AsyncLocal value when disposed (once), for the Change/Disable scopes.</summary>
public sealed class RestoreScope(Action restore) : IDisposable
{
    private Action? _restore = restore;
    public void Dispose() => Interlocked.Exchange(ref _restore, null)?.Invoke();
}
