using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Pool.Access;
using SaasCrm.Customers.Pool.Model;
using SaasCrm.Customers.Pool.Rules;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Notifications;

namespace SaasCrm.Customers.Pool.Release;

/// <summary>The daily pool run of one tenant for <see cref="Date"/> (UTC): warnings first, then releases.</summary>
[JobName("customers.pool-release")]
public sealed record PoolReleaseJobArgs(DateOnly Date);

/// <summary>
/// Keeps one daily run queued per tenant. The next day's run is queued before today's work, so a failing run
/// (retried, then an incident) never breaks the chain; the idempotency key per tenant and date makes a second
/// queueing of the same day a no-op.
/// </summary>
public sealed class PoolReleaseScheduler(IBackgroundJobManager jobs, ICurrentTenant tenant, TimeProvider clock)
{
    /// <summary>Runs start at 02:00 UTC, when few people work.</summary>
    public static readonly TimeSpan RunTime = TimeSpan.FromHours(2);

    public Task EnsureNextRunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var next = now.Date + RunTime;
        if (next <= now) next = next.AddDays(1);
        var date = DateOnly.FromDateTime(next);
        return jobs.EnqueueAsync(new PoolReleaseJobArgs(date), next, $"customers.pool-release:{tenant.Id}:{date:yyyy-MM-dd}", ct);
    }
}

public sealed class PoolReleaseJob(
    PlatformDbContext db,
    PoolReleaseScheduler scheduler,
    PoolDirectory directory,
    ReleaseCandidates candidates,
    PoolReleaser releaser,
    INotificationSender notifications,
    ICurrentTenant tenant,
    TimeProvider clock) : IBackgroundJob<PoolReleaseJobArgs>
{
    private const int WarnBatch = 500;

    public async Task ExecuteAsync(PoolReleaseJobArgs args, JobContext context, CancellationToken ct)
    {
        await scheduler.EnsureNextRunAsync(ct);
        await db.SaveChangesAsync(ct);

        foreach (var pool in await directory.LoadAsync(ct))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var warned = await WarnAsync(pool, now, ct);
            var (due, _) = await candidates.FindAsync(pool, now, ct);
            var released = await releaser.ReleaseAsync(pool.Pool.Id,
                due.Select(c => new ReleaseItem(c.CustomerId, c.OwnerId, c.Reason)).ToList(), OwnershipAction.Released, automatic: true, ct);
            var poolId = pool.Pool.Id;
            var tenantId = tenant.Id;
            await db.Set<CustomerPool>().Where(p => p.TenantId == tenantId && p.Id == poolId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.LastRunAt, now)
                .SetProperty(p => p.LastRunReleased, released.Count)
                .SetProperty(p => p.LastRunWarned, warned), ct);
        }
    }

    /// <summary>Owners of customers due within the warning window hear of it once per ownership period.</summary>
    private async Task<int> WarnAsync(ResolvedPool pool, DateTime now, CancellationToken ct)
    {
        if (pool.Pool.WarnDaysBefore <= 0) return 0;
        var (soon, _) = await candidates.FindAsync(pool, now.AddDays(pool.Pool.WarnDaysBefore), ct);
        var toWarn = soon.Where(c => c.DueAt > now && !c.WarnedThisPeriod).ToList();
        foreach (var batch in toWarn.Chunk(WarnBatch))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var c in batch)
            {
                await notifications.SendAsync(new NotificationMessage(
                    c.OwnerId, "pool.release-warning",
                    $"{c.Name}: released to the pool \"{pool.Pool.Name}\" on {c.DueAt:yyyy-MM-dd} / 将于 {c.DueAt:yyyy-MM-dd} 释放到公海",
                    $"{c.Reason} / {c.ReasonZh}",
                    $"/customers/{c.CustomerId}",
                    NotificationChannels.InApp | NotificationChannels.Email,
                    $"pool.release-warning:{c.CustomerId}:{c.OwnershipStart.Ticks}"), ct);
                db.Add(new OwnershipRecord
                {
                    CustomerId = c.CustomerId, Action = OwnershipAction.Warned, FromUserId = c.OwnerId, PoolId = pool.Pool.Id,
                    Reason = $"Release on {c.DueAt:yyyy-MM-dd}: {c.Reason}", At = now,
                });
            }
            var ids = batch.Select(c => c.CustomerId).ToList();
            var tenantId = tenant.Id;
            await db.Set<Customer>().Where(c => c.TenantId == tenantId && ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReleaseWarnedAt, now), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        return toWarn.Count;
    }
}
