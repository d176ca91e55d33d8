using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Search.Indexing;

namespace SaasCrm.Search.Rebuild;

[JobName("search.rebuild")]
public sealed record SearchRebuildArgs(Guid TenantId, int Generation);

public sealed record SearchRebuildAccepted(Guid TenantId, int Generation, Guid JobId);

/// <summary>
/// A rebuild request raises the tenant's generation and queues a job in the same transaction. The job rebuilds
/// on the node that runs it (progress in the node's position row); every other node sees the newer generation
/// on its next pass and rebuilds its own index. Searches keep answering from the old index meanwhile.
/// </summary>
public sealed class SearchRebuildService(PlatformDbContext db, IBackgroundJobManager jobs, TimeProvider clock)
{
    public async Task<SearchRebuildAccepted> RequestAsync(Guid tenantId, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, ct)) throw new EntityNotFoundException("Tenant", tenantId);
        var request = await db.Set<SearchIndexRebuildRequest>().FirstOrDefaultAsync(r => r.TenantId == tenantId, ct);
        if (request is null)
        {
            request = new SearchIndexRebuildRequest { TenantId = tenantId };
            db.Add(request);
        }
        request.Generation++;
        request.RequestedAt = clock.GetUtcNow().UtcDateTime;
        var jobId = await jobs.EnqueueAsync(new SearchRebuildArgs(tenantId, request.Generation), idempotencyKey: $"search.rebuild:{tenantId:N}:{request.Generation}", cancellationToken: ct);
        await db.SaveChangesAsync(ct);
        return new SearchRebuildAccepted(tenantId, request.Generation, jobId);
    }
}

internal sealed class SearchRebuildJob(SearchIndexApplier applier) : IBackgroundJob<SearchRebuildArgs>
{
    public Task ExecuteAsync(SearchRebuildArgs args, JobContext context, CancellationToken cancellationToken) =>
        applier.RebuildTenantAsync(args.TenantId, args.Generation, cancellationToken);
}
