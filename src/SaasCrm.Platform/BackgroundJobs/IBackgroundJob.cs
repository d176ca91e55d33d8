namespace SaasCrm.Platform.BackgroundJobs;

/// <summary>
/// A job handler. Delivery is at least once (a node may die after the work but before recording it), so a
/// handler must be idempotent: check what it already did, or use an idempotency key on its side effects.
/// It runs inside the tenant that queued the job, as the user who queued it.
/// </summary>
public interface IBackgroundJob<in TArgs>
{
    Task ExecuteAsync(TArgs args, JobContext context, CancellationToken cancellationToken);
}

/// <summary>What a running job knows about itself.</summary>
public sealed record JobContext(Guid JobId, int Attempt, int MaxAttempts);

/// <summary>Names the job in the table; the name must stay stable once jobs of it are queued.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
public sealed class JobNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
