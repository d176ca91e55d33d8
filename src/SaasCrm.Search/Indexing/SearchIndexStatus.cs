using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Search.Operations;

namespace SaasCrm.Search.Indexing;

public sealed record SearchNodeStatusDto(
    Guid TenantId, string NodeId, long LastSequence, int Generation, int RequestedGeneration, long Pending, DateTime? OldestPendingAt,
    DateTime UpdatedAt, DateTime? RebuildStartedAt, int? RebuildTotal, int? RebuildDone, DateTime? RebuiltAt);

/// <summary>How far behind the log each node is, per tenant: for health, the tenant admin and the operator.</summary>
public sealed class SearchIndexStatusService(PlatformDbContext db, IDataFilter dataFilter)
{
    /// <summary>Host side: all tenants (or one); tenant side: pass the current tenant.</summary>
    public async Task<IReadOnlyList<SearchNodeStatusDto>> GetAsync(Guid? tenantId, string? nodeId, CancellationToken ct)
    {
        var positions = db.Set<SearchIndexPosition>().AsNoTracking();
        if (tenantId is { } t) positions = positions.Where(p => p.TenantId == t);
        if (nodeId is not null) positions = positions.Where(p => p.NodeId == nodeId);
        var rows = await positions.OrderBy(p => p.TenantId).ThenBy(p => p.NodeId).Take(1000).ToListAsync(ct);
        var requested = await db.Set<SearchIndexRebuildRequest>().AsNoTracking().ToDictionaryAsync(r => r.TenantId, r => r.Generation, ct);
        var result = new List<SearchNodeStatusDto>();
        // The log is tenant-filtered; this status names each tenant explicitly.
        using (dataFilter.Disable<IMultiTenant>())
        {
            foreach (var p in rows)
            {
                var pending = await db.Set<SearchIndexOperation>().Where(o => o.TenantId == p.TenantId && o.Sequence > p.LastSequence)
                    .GroupBy(o => 1).Select(g => new { Count = g.LongCount(), Oldest = g.Min(o => o.CreatedAt) }).FirstOrDefaultAsync(ct);
                result.Add(new SearchNodeStatusDto(p.TenantId, p.NodeId, p.LastSequence, p.Generation, requested.GetValueOrDefault(p.TenantId),
                    pending?.Count ?? 0, pending?.Oldest, p.UpdatedAt, p.RebuildStartedAt, p.RebuildTotal, p.RebuildDone, p.RebuiltAt));
            }
        }
        return result;
    }
}

/// <summary>Reports this node's lag: Degraded when an operation waits longer than Search:LagWarning.</summary>
internal sealed class SearchIndexHealthCheck(SearchIndexStatusService status, SearchNode node, ICurrentTenant currentTenant, IOptions<SearchOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var host = currentTenant.Change(null);
        var rows = await status.GetAsync(null, node.NodeId, cancellationToken);
        var pending = rows.Sum(r => r.Pending);
        var oldest = rows.Where(r => r.OldestPendingAt is not null).Select(r => r.OldestPendingAt!.Value).DefaultIfEmpty(DateTime.MaxValue).Min();
        var lag = oldest == DateTime.MaxValue ? TimeSpan.Zero : clock.GetUtcNow().UtcDateTime - oldest;
        var description = $"Node {node.NodeId}: {rows.Count} tenant indexes, {pending} operations pending, lag {lag.TotalSeconds:0}s.";
        var data = new Dictionary<string, object> { ["pending"] = pending, ["lagSeconds"] = Math.Round(lag.TotalSeconds), ["tenants"] = rows.Count };
        return lag > options.Value.LagWarning
            ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
