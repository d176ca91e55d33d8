using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.BackgroundJobs;

/// <summary>
/// Claims due jobs and runs them. A claim is a conditional update guarded by the attempt count, so when
/// several nodes race for one job exactly one update affects the row. A claimed job holds a lease that a
/// heartbeat renews; a node that dies stops renewing, the lease runs out and another node takes the job.
/// </summary>
public sealed partial class JobWorker(
    ITenantScopeFactory tenantScopes,
    JobRegistry registry,
    ICurrentUser currentUser,
    TimeProvider clock,
    IOptions<JobOptions> options,
    ILogger<JobWorker> logger)
{
    private JobOptions Options => options.Value;

    /// <summary>Identifies this node in leases.</summary>
    public string NodeId { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims up to a batch of due jobs and runs them one after another; returns how many it claimed.</summary>
    public Task<int> RunDueJobsAsync(CancellationToken cancellationToken) => RunDueJobsAsync(1, cancellationToken);

    /// <summary>
    /// Claims up to a batch of due jobs and runs up to <paramref name="concurrency"/> of them at once, each in its own
    /// scope, as if several nodes had claimed them; returns how many it claimed.
    /// </summary>
    public async Task<int> RunDueJobsAsync(int concurrency, CancellationToken cancellationToken)
    {
        var claimed = await ClaimEverywhereAsync(cancellationToken);
        if (concurrency <= 1)
        {
            foreach (var job in claimed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await RunAsync(job, cancellationToken);
            }
        }
        else
        {
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (job, ct) => await RunAsync(job, ct));
        }
        return claimed.Count;
    }

    /// <summary>
    /// Claims from the host database, then from each tenant database: a tenant with a database of its own queues its
    /// jobs there (in the same transaction as its changes), so they are claimed, renewed and finished there too.
    /// </summary>
    private async Task<List<ClaimedJob>> ClaimEverywhereAsync(CancellationToken cancellationToken)
    {
        var claimed = (await ClaimAsync(null, cancellationToken)).Select(j => new ClaimedJob(j, null)).ToList();
        List<Guid> ownDatabases;
        await using (var host = tenantScopes.Create(null))
        {
            ownDatabases = await host.Services.GetRequiredService<PlatformDbContext>().Tenants.AsNoTracking()
                .Where(t => t.ConnectionString != null).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
        }
        foreach (var tenantId in ownDatabases)
        {
            try
            {
                claimed.AddRange((await ClaimAsync(tenantId, cancellationToken)).Select(j => new ClaimedJob(j, tenantId)));
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                // One tenant database being unreachable holds back that tenant's jobs, not everyone's.
                LogTenantDatabaseUnreachable(logger, e, tenantId);
            }
        }
        return claimed;
    }

    /// <summary>
    /// One conditional UPDATE claims the batch: it only touches rows that are still due or whose lease ran out, so
    /// when nodes race for a job exactly one update takes it; the rows read back with this node's lease and the next
    /// attempt number are the ones this node won.
    /// </summary>
    /// <param name="database">Null: the host database; a tenant's id: that tenant's own database.</param>
    private async Task<List<BackgroundJobRecord>> ClaimAsync(Guid? database, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.Create(database);
        var db = scope.Services.GetRequiredService<PlatformDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        // The jobs table is cross-tenant by design (see BackgroundJobRecord); no tenant filter applies to it.
        var candidates = await db.BackgroundJobs.AsNoTracking()
            .Where(j => (j.Status == JobStatus.Pending && j.NextRunAt <= now)
                        || (j.Status == JobStatus.Running && j.LeaseExpiresAt < now))
            .OrderBy(j => j.NextRunAt)
            .Take(Options.BatchSize)
            .Select(j => new { j.Id, j.Attempts })
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0) return [];

        var ids = candidates.Select(c => c.Id).ToList();
        var leaseUntil = now + Options.Lease;
        await db.BackgroundJobs
            .Where(j => ids.Contains(j.Id)
                        && ((j.Status == JobStatus.Pending && j.NextRunAt <= now) || (j.Status == JobStatus.Running && j.LeaseExpiresAt < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Running)
                .SetProperty(j => j.LeaseOwner, NodeId)
                .SetProperty(j => j.LeaseExpiresAt, leaseUntil)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken);
        var attemptsRead = candidates.ToDictionary(c => c.Id, c => c.Attempts);
        var mine = await db.BackgroundJobs.AsNoTracking()
            .Where(j => ids.Contains(j.Id) && j.LeaseOwner == NodeId && j.Status == JobStatus.Running)
            .ToListAsync(cancellationToken);
        return mine.Where(j => j.Attempts == attemptsRead[j.Id] + 1).OrderBy(j => j.NextRunAt).ThenBy(j => j.Id).ToList();
    }

    /// <summary>A job and the database it was claimed from (null: the host's), where its lease and outcome are written.</summary>
    private sealed record ClaimedJob(BackgroundJobRecord Job, Guid? Database);

    private async Task RunAsync(ClaimedJob claimed, CancellationToken cancellationToken)
    {
        var job = claimed.Job;
        var registration = registry.Find(job.JobName);
        if (registration is null)
        {
            await FinishAsync(claimed, JobStatus.Incident, $"No handler is registered for job '{job.JobName}'.", null);
            return;
        }
        if (job.Attempts > job.MaxAttempts)
        {
            await FinishAsync(claimed, JobStatus.Incident, job.LastError ?? "The node running the last attempt stopped before finishing.", null);
            return;
        }

        using var heartbeatCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(claimed, heartbeatCts.Token);
        Exception? failure = null;
        try
        {
            using (currentUser.Change(PrincipalOf(job)))
            {
                await using var scope = tenantScopes.Create(job.TenantId);
                await registration.RunAsync(scope.Services, job.Args, new JobContext(job.Id, job.Attempts, job.MaxAttempts), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The node is stopping: leave the job as it is; its lease runs out and another node retries it.
            await heartbeatCts.CancelAsync();
            throw;
        }
        catch (Exception ex)
        {
            failure = ex;
            LogJobFailed(logger, failure, job.JobName, job.Id, job.Attempts);
        }
        finally
        {
            await heartbeatCts.CancelAsync();
            await heartbeat;
        }

        if (failure is null)
        {
            await FinishAsync(claimed, JobStatus.Succeeded, null, null);
        }
        else if (job.Attempts >= job.MaxAttempts)
        {
            await FinishAsync(claimed, JobStatus.Incident, failure.Message, null);
        }
        else
        {
            var retryAt = clock.GetUtcNow().UtcDateTime + Options.BackoffAfter(job.Attempts);
            await FinishAsync(claimed, JobStatus.Pending, failure.Message, retryAt);
        }
    }

    private async Task HeartbeatAsync(ClaimedJob claimed, CancellationToken cancellationToken)
    {
        var job = claimed.Job;
        try
        {
            while (true)
            {
                await Task.Delay(Options.Lease / 3, clock, cancellationToken);
                await using var scope = tenantScopes.Create(claimed.Database);
                var db = scope.Services.GetRequiredService<PlatformDbContext>();
                var leaseUntil = clock.GetUtcNow().UtcDateTime + Options.Lease;
                await db.BackgroundJobs
                    .Where(j => j.Id == job.Id && j.LeaseOwner == NodeId && j.Attempts == job.Attempts && j.Status == JobStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, leaseUntil), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // job finished or node stopping
        }
    }

    /// <summary>
    /// Records the outcome only while this node still holds the lease of this attempt. Not cancellable: once
    /// the work is done its outcome is written even while the node stops.
    /// </summary>
    private async Task FinishAsync(ClaimedJob claimed, JobStatus status, string? error, DateTime? nextRunAt)
    {
        var job = claimed.Job;
        await using var scope = tenantScopes.Create(claimed.Database);
        var db = scope.Services.GetRequiredService<PlatformDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var done = status is JobStatus.Succeeded or JobStatus.Incident;
        var truncated = error is { Length: > 4000 } ? error[..4000] : error;
        await db.BackgroundJobs
            .Where(j => j.Id == job.Id && j.LeaseOwner == NodeId && j.Attempts == job.Attempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.LastError, j => truncated ?? j.LastError)
                .SetProperty(j => j.NextRunAt, j => nextRunAt ?? j.NextRunAt)
                .SetProperty(j => j.CompletedAt, done ? now : (DateTime?)null)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null), CancellationToken.None);
    }

    private static ClaimsPrincipal? PrincipalOf(BackgroundJobRecord job)
    {
        if (job.UserId is null) return null;
        var claims = new List<Claim> { new(PlatformClaims.UserId, job.UserId.Value.ToString()) };
        if (job.UserName is not null) claims.Add(new Claim(PlatformClaims.UserName, job.UserName));
        if (job.TenantId is not null) claims.Add(new Claim(PlatformClaims.TenantId, job.TenantId.Value.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "job"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jobs of tenant {TenantId} could not be claimed from its own database")]
    private static partial void LogTenantDatabaseUnreachable(ILogger logger, Exception exception, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobName} ({JobId}) failed on attempt {Attempt}")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, string jobName, Guid jobId, int attempt);
}
