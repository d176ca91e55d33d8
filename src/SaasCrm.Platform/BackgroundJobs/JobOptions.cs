namespace SaasCrm.Platform.BackgroundJobs;

public sealed class JobOptions
{
    /// <summary>Whether this node runs the worker (a node can serve only HTTP).</summary>
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>A claimed job belongs to its node until the lease ends; the heartbeat renews it while it runs.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public int BatchSize { get; set; } = 20;
    /// <summary>How many claimed jobs a node runs at once (each in its own scope and connection).</summary>
    public int Concurrency { get; set; } = 4;
    public int DefaultMaxAttempts { get; set; } = 5;
    /// <summary>Retry n waits BackoffBase * 2^(n-1), capped at <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan BackoffAfter(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, BackoffBase.Ticks * (1L << Math.Clamp(attempt - 1, 0, 30))));
}
