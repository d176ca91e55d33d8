using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
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
public sealed class SearchIndexStatusService(PlatformDbContext db, IDataFilter dataFilter, ICurrentTenant currentTenant, ITenantScopeFactory tenantScopes,
    ILogger<SearchIndexStatusService> logger)
{
    /// <summary>
    /// Host side: all tenants (or one), those with a database of their own read from it, where their log and positions
    /// live; tenant side: pass the current tenant (the request's database is already the tenant's).
    /// </summary>
    /// <param name="ownDatabases">False for the node's health probe: it stays on the host database, so a tenant
    /// database that is down never takes the node out for everyone.</param>
    public async Task<IReadOnlyList<SearchNodeStatusDto>> GetAsync(Guid? tenantId, string? nodeId, CancellationToken ct, bool ownDatabases = true)
    {
        if (currentTenant.Id is not null) return await ReadAsync(db, dataFilter, tenantId, [], nodeId, ct);
        var own = await db.Tenants.AsNoTracking().Where(t => t.ConnectionString != null && (tenantId == null || t.Id == tenantId))
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var result = await ReadAsync(db, dataFilter, tenantId, own.Select(t => t.Id).ToList(), nodeId, ct);
        if (!ownDatabases) return result;
        var requested = await RequestedAsync(db, ct);
        foreach (var tenant in own)
        {
            try
            {
                await using var scope = tenantScopes.Create(tenant.Id, tenant.Name);
                var services = scope.Services;
                var rows = await ReadAsync(services.GetRequiredService<PlatformDbContext>(), services.GetRequiredService<IDataFilter>(), tenant.Id, [], nodeId, ct);
                // A rebuild may be asked for on either side (the operator asks on the host).
                result.AddRange(rows.Select(r => r with { RequestedGeneration = Math.Max(r.RequestedGeneration, requested.GetValueOrDefault(tenant.Id)) }));
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                // One tenant's database being unreachable leaves that tenant out of the list, not the others.
                logger.LogWarning(e, "Search status of tenant {TenantId} could not be read from its own database.", tenant.Id);
            }
        }
        return result;
    }

    private static async Task<List<SearchNodeStatusDto>> ReadAsync(PlatformDbContext db, IDataFilter dataFilter, Guid? tenantId, List<Guid> except, string? nodeId, CancellationToken ct)
    {
        var positions = db.Set<SearchIndexPosition>().AsNoTracking().Where(p => !except.Contains(p.TenantId));
        if (tenantId is { } t) positions = positions.Where(p => p.TenantId == t);
        if (nodeId is not null) positions = positions.Where(p => p.NodeId == nodeId);
        var rows = await positions.OrderBy(p => p.TenantId).ThenBy(p => p.NodeId).Take(1000).ToListAsync(ct);
        var requested = await RequestedAsync(db, ct);
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

    private static Task<Dictionary<Guid, int>> RequestedAsync(PlatformDbContext db, CancellationToken ct) =>
        db.Set<SearchIndexRebuildRequest>().AsNoTracking().ToDictionaryAsync(r => r.TenantId, r => r.Generation, ct);
}

/// <summary>Reports this node's lag: Degraded when an operation waits longer than Search:LagWarning.</summary>
internal sealed class SearchIndexHealthCheck(SearchIndexStatusService status, SearchNode node, ICurrentTenant currentTenant, IOptions<SearchOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var host = currentTenant.Change(null);
        var rows = await status.GetAsync(null, node.NodeId, cancellationToken, ownDatabases: false);
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
