using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Files;

/// <summary>
/// Tells which files of a purpose records still use. The module owning the records implements it and declares it with
/// <see cref="FilePurposeServiceExtensions.AddFilePurpose{TReferences}"/>; the platform knows no module's tables.
/// </summary>
public interface IFileReferences
{
    /// <summary>
    /// Of <paramref name="fileIds"/> (one batch of the current tenant's files of the purpose), those a live record still
    /// uses. A file named only by deleted records is not in use. Runs in the sweep's transaction, just before the rest are
    /// deleted.
    /// </summary>
    Task<IReadOnlyCollection<Guid>> FindReferencedAsync(IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken);
}

public sealed class FileSweepOptions
{
    /// <summary>
    /// Files younger than this are never swept: an upload waits in an open form until the record is saved. Keep it longer
    /// than anyone keeps a form open.
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many files one step reads, checks and deletes (one transaction).</summary>
    public int BatchSize { get; set; } = 500;
}

/// <summary>The daily file sweep of one tenant for <see cref="Date"/> (UTC).</summary>
[JobName(FileSweepScheduler.JobName)]
public sealed record FileSweepJobArgs(DateOnly Date);

/// <summary>
/// Keeps one daily sweep queued per tenant, as the pool release does: each run queues the next day's before its work, so
/// a failing run never breaks the chain, and the idempotency key per tenant and date makes queueing a day twice a no-op.
/// A tenant's chain starts with its first upload of a swept purpose (<see cref="EnsureStartedAsync"/>), and at start-up
/// for tenants that hold such files (<see cref="EnsureStartedIfFilesAsync"/>): tenants that never attach files get no
/// jobs.
/// </summary>
public sealed class FileSweepScheduler(
    PlatformDbContext db,
    IBackgroundJobManager jobs,
    FilePurposeRegistry purposes,
    ICurrentTenant tenant,
    ICurrentUser user,
    TimeProvider clock)
{
    public const string JobName = "platform.file-sweep";

    /// <summary>Sweeps start at 03:00 UTC, after the pool release.</summary>
    public static readonly TimeSpan RunTime = TimeSpan.FromHours(3);

    /// <summary>Queues the next run into the caller's unit of work (the caller saves).</summary>
    public async Task EnsureNextRunAsync(CancellationToken ct)
    {
        var (at, date, key) = NextRun();
        // The sweep is the system's work, not that of whoever happened to start the chain.
        using (user.Change(null))
        {
            await jobs.EnqueueAsync(new FileSweepJobArgs(date), at, key, ct);
        }
    }

    /// <summary>When the next run is due, its date and its idempotency key (per tenant and date).</summary>
    private (DateTime At, DateOnly Date, string Key) NextRun()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var next = now.Date + RunTime;
        if (next <= now) next = next.AddDays(1);
        var date = DateOnly.FromDateTime(next);
        return (next, date, $"{JobName}:{tenant.Id}:{date:yyyy-MM-dd}");
    }

    /// <summary>
    /// Starts the tenant's chain unless a run is queued (or running). Saves on its own, so call it after the caller's
    /// changes are saved. Two requests (or nodes) starting it at once race for the same idempotency key: the loser's
    /// insert fails on the unique index and is dropped, the winner's run stands.
    /// </summary>
    public async Task EnsureStartedAsync(CancellationToken ct)
    {
        if (await IsQueuedAsync(ct)) return;
        await EnsureNextRunAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<BackgroundJobRecord>().Any(e => e.State == EntityState.Added))
        {
            foreach (var entry in db.ChangeTracker.Entries<BackgroundJobRecord>().Where(e => e.State == EntityState.Added).ToList())
                entry.State = EntityState.Detached;
            if (!await IsQueuedAsync(ct)) throw;
        }
    }

    /// <summary>At start-up: starts the chain of a tenant that holds files of a swept purpose (kept before it had a chain).</summary>
    public async Task EnsureStartedIfFilesAsync(CancellationToken ct)
    {
        var swept = purposes.Swept.Select(p => p.Name).ToList();
        if (swept.Count == 0) return;
        var tenantId = tenant.Id;
        if (await db.Set<StoredFile>().AnyAsync(f => f.TenantId == tenantId && swept.Contains(f.Purpose), ct)) await EnsureStartedAsync(ct);
    }

    /// <summary>
    /// Whether a run of this tenant waits or runs; the jobs table is cross-tenant, so the tenant is named. Every upload
    /// asks: nearly always the next run waits under its key, one seek on the unique key index; only otherwise (a chain not
    /// started, or a run of another date still running) are the tenant's pending and running jobs read.
    /// </summary>
    private async Task<bool> IsQueuedAsync(CancellationToken ct)
    {
        var tenantId = tenant.Id;
        var key = NextRun().Key;
        if (await db.BackgroundJobs.AnyAsync(j => j.IdempotencyKey == key && (j.Status == JobStatus.Pending || j.Status == JobStatus.Running), ct)) return true;
        return await db.BackgroundJobs.AnyAsync(j => j.TenantId == tenantId && j.JobName == JobName
                                                     && (j.Status == JobStatus.Pending || j.Status == JobStatus.Running), ct);
    }
}

public sealed class FileSweepJob(PlatformDbContext db, FileSweepScheduler scheduler, FileSweeper sweeper) : IBackgroundJob<FileSweepJobArgs>
{
    public async Task ExecuteAsync(FileSweepJobArgs args, JobContext context, CancellationToken ct)
    {
        await scheduler.EnsureNextRunAsync(ct);
        await db.SaveChangesAsync(ct);
        await sweeper.SweepAsync(ct);
    }
}

/// <summary>What one sweep removed.</summary>
public readonly record struct FileSweepResult(int Files, long Bytes)
{
    public static FileSweepResult operator +(FileSweepResult a, FileSweepResult b) => new(a.Files + b.Files, a.Bytes + b.Bytes);
}

/// <summary>
/// Removes the current tenant's files that no record uses: of every purpose that declares its references, those older
/// than the grace period that its <see cref="IFileReferences"/> does not name. Files are read in batches in creation
/// order (a keyset, so every file is looked at once per run however many there are); each batch is checked and its
/// unused rows deleted in one transaction, and their bytes are deleted from disk only after that transaction committed.
/// Running it again changes nothing more.
/// </summary>
public sealed partial class FileSweeper(
    PlatformDbContext db,
    IServiceProvider services,
    IFileStore files,
    FilePurposeRegistry purposes,
    ICurrentTenant tenant,
    TimeProvider clock,
    IOptions<FileSweepOptions> options,
    ILogger<FileSweeper> logger)
{
    public async Task<FileSweepResult> SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.GracePeriod;
        var total = new FileSweepResult();
        foreach (var purpose in purposes.Swept)
        {
            var references = (IFileReferences)services.GetRequiredService(purpose.References!);
            total += await SweepAsync(purpose.Name, references, cutoff, ct);
        }
        if (total.Files > 0) LogSwept(logger, tenant.Id, total.Files, total.Bytes);
        else LogNothingToSweep(logger, tenant.Id);
        return total;
    }

    private async Task<FileSweepResult> SweepAsync(string purpose, IFileReferences references, DateTime cutoff, CancellationToken ct)
    {
        var tenantId = tenant.Id;
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var removed = new FileSweepResult();
        // Keyset on (CreatedAt, Id): the last timestamp read and the ids already read at exactly that timestamp.
        DateTime? lastAt = null;
        var seenAtLast = new List<Guid>();
        while (true)
        {
            var query = db.Set<StoredFile>().AsNoTracking().Where(f => f.TenantId == tenantId && f.Purpose == purpose && f.CreatedAt < cutoff);
            if (lastAt is { } at)
            {
                var seen = seenAtLast;
                query = query.Where(f => f.CreatedAt >= at && (f.CreatedAt > at || !seen.Contains(f.Id)));
            }
            var batch = await query.OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).Take(batchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            removed += await RemoveUnreferencedAsync(batch, references, ct);
            if (batch.Count < batchSize) break;

            var last = batch[^1].CreatedAt;
            var atLast = batch.Where(f => f.CreatedAt == last).Select(f => f.Id);
            seenAtLast = last == lastAt ? [.. seenAtLast, .. atLast] : [.. atLast];
            lastAt = last;
        }
        return removed;
    }

    private async Task<FileSweepResult> RemoveUnreferencedAsync(List<StoredFile> batch, IFileReferences references, CancellationToken ct)
    {
        var tenantId = tenant.Id;
        List<StoredFile> unused;
        int deleted;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Checked in the deleting transaction, right before the delete. Not a lock: an attachment committed between
            // this check and the delete would lose its file, but it would have to name an upload older than the grace
            // period at that very moment (a form left open for a day, saved during the nightly sweep).
            var used = (await references.FindReferencedAsync(batch.Select(f => f.Id).ToList(), ct)).ToHashSet();
            unused = batch.Where(f => !used.Contains(f.Id)).ToList();
            if (unused.Count == 0) return default;
            var ids = unused.Select(f => f.Id).ToList();
            deleted = await db.Set<StoredFile>().Where(f => f.TenantId == tenantId && ids.Contains(f.Id)).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }

        // The bytes go only once the rows are gone for good, so no row ever names a missing file. A crash (or a failed
        // delete) between the commit and here leaves bytes on disk that no row names: never served, only wasted space,
        // which is the lesser harm.
        foreach (var file in unused)
        {
            try
            {
                files.DeleteContent(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogContentNotDeleted(logger, e, file.Id, tenant.Id);
            }
        }
        // The count is of rows this run deleted; one run per tenant at a time is the rule, so the bytes are theirs.
        return new FileSweepResult(deleted, unused.Sum(f => f.Size));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "File sweep of tenant {TenantId}: removed {Files} unused files ({Bytes} bytes)")]
    private static partial void LogSwept(ILogger logger, Guid? tenantId, int files, long bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "File sweep of tenant {TenantId}: nothing to remove")]
    private static partial void LogNothingToSweep(ILogger logger, Guid? tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File sweep: the content of file {FileId} (tenant {TenantId}) could not be deleted; its row is gone")]
    private static partial void LogContentNotDeleted(ILogger logger, Exception exception, Guid fileId, Guid? tenantId);
}
