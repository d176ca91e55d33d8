using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.BackgroundJobs;

public enum JobStatus { Pending = 1, Running = 2, Succeeded = 3, Incident = 4, Cancelled = 5 }

/// <summary>
/// A durable job. Deliberately not <see cref="IMultiTenant"/>: workers poll the table across tenants and
/// switch into <see cref="TenantId"/> to run each job; tenant-facing queries filter on it explicitly.
/// </summary>
public sealed class BackgroundJobRecord : Entity
{
    public Guid? TenantId { get; set; }
    public string JobName { get; set; } = "";
    public string Args { get; set; } = "{}";
    /// <summary>Unique when set: enqueueing the same side effect twice is a no-op.</summary>
    public string? IdempotencyKey { get; set; }
    public JobStatus Status { get; set; } = JobStatus.Pending;
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; }
    public DateTime NextRunAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>The user who queued it; the job runs as this user.</summary>
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
