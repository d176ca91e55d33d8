namespace SaasCrm.Platform.BackgroundJobs;

/// <summary>Wakes this node's worker after a commit that queued jobs; other nodes find them on their next poll.</summary>
public interface IJobSignal
{
    void Notify();
    Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken);
}

public sealed class JobSignal : IJobSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try { _semaphore.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
    }

    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, clock, timeoutCts.Token);
        var signal = _semaphore.WaitAsync(timeoutCts.Token);
        await Task.WhenAny(delay, signal).ConfigureAwait(false);
        await timeoutCts.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
