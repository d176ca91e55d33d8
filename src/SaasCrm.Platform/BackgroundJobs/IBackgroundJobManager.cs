using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;
using Microsoft.Extensions.Options;

namespace SaasCrm.Platform.BackgroundJobs;

/// <summary>
/// Queues jobs into the current unit of work: the job row is saved by the caller's SaveChanges, in the same
/// transaction as the change that asked for it, so a job exists if and only if its cause committed.
/// </summary>
public interface IBackgroundJobManager
{
    /// <returns>The job id, or the existing job's id when <paramref name="idempotencyKey"/> was used before.</returns>
    Task<Guid> EnqueueAsync<TArgs>(TArgs args, DateTime? runAt = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
        where TArgs : notnull;
}

public sealed class BackgroundJobManager(
    PlatformDbContext db,
    JobRegistry registry,
    ICurrentTenant currentTenant,
    ICurrentUser currentUser,
    TimeProvider clock,
    IOptions<JobOptions> options) : IBackgroundJobManager
{
    public async Task<Guid> EnqueueAsync<TArgs>(TArgs args, DateTime? runAt = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
        where TArgs : notnull
    {
        if (idempotencyKey is not null)
        {
            var pending = db.ChangeTracker.Entries<BackgroundJobRecord>().FirstOrDefault(e => e.Entity.IdempotencyKey == idempotencyKey);
            if (pending is not null) return pending.Entity.Id;
            var existing = await db.BackgroundJobs.Where(j => j.IdempotencyKey == idempotencyKey).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } id) return id;
        }
        var registration = registry.Get(typeof(TArgs));
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new BackgroundJobRecord
        {
            TenantId = currentTenant.Id,
            JobName = registration.Name,
            Args = JsonSerializer.Serialize(args, JobRegistration.Json),
            IdempotencyKey = idempotencyKey,
            MaxAttempts = registration.MaxAttempts > 0 ? registration.MaxAttempts : options.Value.DefaultMaxAttempts,
            NextRunAt = runAt ?? now,
            UserId = currentUser.Id,
            UserName = currentUser.UserName,
            CreatedAt = now,
        };
        db.BackgroundJobs.Add(job);
        return job.Id;
    }
}
