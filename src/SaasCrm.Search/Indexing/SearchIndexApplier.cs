using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Search.Engines;
using SaasCrm.Search.Operations;

namespace SaasCrm.Search.Indexing;

/// <summary>
/// Applies the index operation log to this node's index, per tenant, in sequence order, and records how far it
/// got. Operations only say "re-read record X", so applying one twice is harmless and the document carries its
/// version, so a late re-read never overwrites a newer one. A node without a position (new, or its disk lost),
/// too far behind, or behind a requested rebuild generation rebuilds the tenant from the database instead.
/// </summary>
public sealed partial class SearchIndexApplier(
    SearchNode node,
    IServiceScopeFactory scopes,
    ITenantScopeFactory tenantScopes,
    ICurrentTenant currentTenant,
    IDataFilter dataFilter,
    IOptions<SearchOptions> options,
    TimeProvider clock,
    ILogger<SearchIndexApplier> logger)
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _tenantLocks = new();
    /// <summary>Operations inside the safety window already applied by this process (after a restart the window is simply applied again).</summary>
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<long, DateTime>> _recent = new();

    private SearchOptions Options => options.Value;
    public SearchNode Node => node;

    /// <summary>One pass over all tenants: apply what is new, rebuild what must be rebuilt, drop indexes of deleted tenants. Returns the operations applied.</summary>
    public async Task<int> ApplyAllAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - Options.SafetyWindow;
        List<(Guid Id, string Name, bool OwnDatabase)> tenants;
        Dictionary<Guid, SearchIndexPosition> positions;
        Dictionary<Guid, int> requested;
        Dictionary<Guid, (long Max, DateTime Latest)> heads;
        using (currentTenant.Change(null))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            tenants = (await db.Tenants.AsNoTracking().Select(t => new { t.Id, t.Name, OwnDatabase = t.ConnectionString != null }).ToListAsync(cancellationToken))
                .Select(t => (t.Id, t.Name, t.OwnDatabase)).ToList();
            positions = await db.Set<SearchIndexPosition>().AsNoTracking().Where(p => p.NodeId == node.NodeId).ToDictionaryAsync(p => p.TenantId, cancellationToken);
            requested = await db.Set<SearchIndexRebuildRequest>().AsNoTracking().ToDictionaryAsync(r => r.TenantId, r => r.Generation, cancellationToken);
            // Host-side overview of every tenant's log head: one grouped read instead of a query per tenant.
            using (dataFilter.Disable<IMultiTenant>())
            {
                heads = (await db.Set<SearchIndexOperation>().GroupBy(o => o.TenantId)
                        .Select(g => new { TenantId = g.Key, Max = g.Max(o => o.Sequence), Latest = g.Max(o => o.CreatedAt) }).ToListAsync(cancellationToken))
                    .Where(h => h.TenantId != null).ToDictionary(h => h.TenantId!.Value, h => (h.Max, h.Latest));
            }
        }

        var applied = 0;
        foreach (var (id, name, ownDatabase) in tenants)
        {
            positions.TryGetValue(id, out var position);
            var head = heads.GetValueOrDefault(id);
            var generation = requested.GetValueOrDefault(id);
            try
            {
                // A tenant with its own database keeps its log, its positions and its rebuild requests there.
                if (ownDatabase) (position, head, generation) = await OwnDatabaseStateAsync(id, name, generation, cancellationToken);
                if (position is null || position.Generation < generation
                    || position.UpdatedAt < now - Options.LogRetention && head.Max > position.LastSequence // away longer than the log is kept
                    || head.Max - position.LastSequence > Options.RebuildWhenBehind && await PendingAsync(id, name, position.LastSequence, cancellationToken) > Options.RebuildWhenBehind)
                {
                    await RebuildTenantAsync(id, generation, cancellationToken);
                }
                else if (head.Max > position.LastSequence || head.Latest >= cutoff)
                {
                    applied += await ApplyTenantAsync(id, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTenantFailed(logger, ex, id); // one broken tenant does not stop the others; it is retried on the next pass
            }
        }

        var live = tenants.Select(t => t.Id).ToHashSet();
        foreach (var gone in positions.Keys.Concat(await node.Index.ListTenantsAsync(cancellationToken)).Distinct().Where(t => !live.Contains(t)).ToList())
        {
            await DropTenantAsync(gone, cancellationToken);
        }
        return applied;
    }

    /// <summary>Applies one tenant's new operations (and re-checks those inside the safety window). Returns how many it applied.</summary>
    public async Task<int> ApplyTenantAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        var gate = _tenantLocks.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = tenantScopes.Create(tenantId);
            var db = scope.Services.GetRequiredService<PlatformDbContext>();
            var position = await db.Set<SearchIndexPosition>().FirstOrDefaultAsync(p => p.TenantId == tenantId && p.NodeId == node.NodeId, cancellationToken);
            if (position is null) return 0; // never built on this node: the next pass rebuilds it
            var now = clock.GetUtcNow().UtcDateTime;
            var cutoff = now - Options.SafetyWindow;
            var recent = _recent.GetOrAdd(tenantId, _ => new ConcurrentDictionary<long, DateTime>());
            foreach (var old in recent.Where(r => r.Value < cutoff).Select(r => r.Key).ToList()) recent.TryRemove(old, out _);

            // Late commits: operations at or below the position that appeared after it was recorded.
            var last = position.LastSequence;
            var late = (await db.Set<SearchIndexOperation>().AsNoTracking()
                    .Where(o => o.Sequence <= last && o.CreatedAt >= cutoff).ToListAsync(cancellationToken))
                .Where(o => !recent.ContainsKey(o.Sequence)).ToList();
            var total = 0;
            while (true)
            {
                var batch = await db.Set<SearchIndexOperation>().AsNoTracking().Where(o => o.Sequence > last)
                    .OrderBy(o => o.Sequence).Take(Options.BatchSize).ToListAsync(cancellationToken);
                var operations = late.Concat(batch).ToList();
                late = [];
                if (operations.Count == 0) break;
                await ApplyOperationsAsync(scope.Services, tenantId, operations, cancellationToken);
                foreach (var operation in operations.Where(o => o.CreatedAt >= cutoff)) recent[operation.Sequence] = operation.CreatedAt;
                total += operations.Count;
                if (batch.Count > 0) last = batch[^1].Sequence;
                position.LastSequence = last;
                position.UpdatedAt = now;
                await db.SaveChangesAsync(cancellationToken); // only after the index committed: a crash in between re-applies, never skips
                if (batch.Count < Options.BatchSize) break;
            }
            if (total == 0 && position.UpdatedAt < now - TimeSpan.FromMinutes(1))
            {
                position.UpdatedAt = now; // idle but alive: keeps the node from looking away longer than the log is kept
                await db.SaveChangesAsync(cancellationToken);
                var expired = now - Options.LogRetention;
                await db.Set<SearchIndexOperation>().Where(o => o.TenantId == tenantId && o.CreatedAt < expired).ExecuteDeleteAsync(cancellationToken);
            }
            return total;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Re-indexes a tenant from the database into a new index next to the live one (searches keep working), swaps
    /// it in, then replays the log from where the rebuild started so changes made meanwhile are not lost.
    /// </summary>
    /// <param name="requestedGeneration">The generation the caller saw requested (a tenant with its own database may have its request in either database).</param>
    public async Task RebuildTenantAsync(Guid tenantId, int requestedGeneration = 0, CancellationToken cancellationToken = default)
    {
        var gate = _tenantLocks.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = tenantScopes.Create(tenantId);
            var db = scope.Services.GetRequiredService<PlatformDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var generation = await db.Set<SearchIndexRebuildRequest>().Where(r => r.TenantId == tenantId).Select(r => r.Generation).FirstOrDefaultAsync(cancellationToken);
            var start = await db.Set<SearchIndexOperation>().MaxAsync(o => (long?)o.Sequence, cancellationToken) ?? 0;
            var sources = scope.Services.GetServices<ISearchDocumentSource>().ToList();
            var position = await db.Set<SearchIndexPosition>().FirstOrDefaultAsync(p => p.TenantId == tenantId && p.NodeId == node.NodeId, cancellationToken);
            if (position is null)
            {
                position = new SearchIndexPosition { TenantId = tenantId, NodeId = node.NodeId };
                db.Add(position);
            }
            var total = 0;
            foreach (var source in sources) total += await source.CountAsync(cancellationToken) ?? 0;
            position.RebuildStartedAt = now;
            position.RebuildTotal = total;
            position.RebuildDone = 0;
            position.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);

            await using (var build = await node.Index.BeginRebuildAsync(tenantId, cancellationToken))
            {
                foreach (var source in sources)
                {
                    await foreach (var documents in source.ReadAllAsync(Options.BatchSize, cancellationToken))
                    {
                        await build.AddAsync(documents, cancellationToken);
                        position.RebuildDone += documents.Count;
                        if (position.RebuildDone % (Options.BatchSize * 10) < documents.Count) await db.SaveChangesAsync(cancellationToken);
                    }
                }
                await build.SwapAsync(cancellationToken);
            }
            _recent.TryRemove(tenantId, out _); // the safety window is checked again against the new index
            position.LastSequence = start;
            position.Generation = Math.Max(position.Generation, Math.Max(generation, requestedGeneration));
            position.RebuildStartedAt = null;
            position.RebuiltAt = clock.GetUtcNow().UtcDateTime;
            position.UpdatedAt = position.RebuiltAt.Value;
            await db.SaveChangesAsync(cancellationToken);
            LogRebuilt(logger, tenantId, position.RebuildDone ?? 0, node.NodeId);
        }
        finally
        {
            gate.Release();
        }
        await ApplyTenantAsync(tenantId, cancellationToken);
    }

    private async Task ApplyOperationsAsync(IServiceProvider services, Guid tenantId, IReadOnlyList<SearchIndexOperation> operations, CancellationToken cancellationToken)
    {
        var upserts = new List<SearchDocument>();
        var deletes = new List<DocumentKey>();
        var sources = services.GetServices<ISearchDocumentSource>().ToDictionary(s => s.DocumentType, StringComparer.Ordinal);
        var changed = operations.GroupBy(o => o.DocumentType).ToDictionary(g => g.Key, g => g.Select(o => o.DocumentId).ToHashSet());
        foreach (var (type, ids) in changed.ToList())
        {
            foreach (var dependent in sources.Values.Where(s => s.DocumentType != type))
            {
                var dependentIds = await dependent.DependentIdsAsync(type, ids, cancellationToken);
                if (dependentIds.Count == 0) continue;
                if (!changed.TryGetValue(dependent.DocumentType, out var set)) changed[dependent.DocumentType] = set = [];
                set.UnionWith(dependentIds);
            }
        }
        foreach (var (type, idSet) in changed)
        {
            if (!sources.TryGetValue(type, out var source))
            {
                LogUnknownType(logger, type);
                continue;
            }
            var ids = idSet.ToList();
            var documents = await source.LoadAsync(ids, cancellationToken);
            upserts.AddRange(documents);
            var found = documents.Select(d => d.Id).ToHashSet();
            deletes.AddRange(ids.Where(id => !found.Contains(id)).Select(id => new DocumentKey(type, id))); // gone or no longer searchable
        }
        await node.Index.ApplyAsync(tenantId, upserts, deletes, cancellationToken);
    }

    /// <summary>This node's position, the log head and the requested generation of a tenant that has its own database.</summary>
    private async Task<(SearchIndexPosition?, (long Max, DateTime Latest), int)> OwnDatabaseStateAsync(Guid tenantId, string name, int hostGeneration, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.Create(tenantId, name);
        var db = scope.Services.GetRequiredService<PlatformDbContext>();
        var position = await db.Set<SearchIndexPosition>().AsNoTracking().FirstOrDefaultAsync(p => p.TenantId == tenantId && p.NodeId == node.NodeId, cancellationToken);
        var head = await db.Set<SearchIndexOperation>().GroupBy(o => 1)
            .Select(g => new { Max = g.Max(o => o.Sequence), Latest = g.Max(o => o.CreatedAt) }).FirstOrDefaultAsync(cancellationToken);
        var generation = await db.Set<SearchIndexRebuildRequest>().Where(r => r.TenantId == tenantId).Select(r => r.Generation).FirstOrDefaultAsync(cancellationToken);
        return (position, head is null ? default : (head.Max, head.Latest), Math.Max(generation, hostGeneration));
    }

    private async Task<long> PendingAsync(Guid tenantId, string name, long after, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.Create(tenantId, name);
        var db = scope.Services.GetRequiredService<PlatformDbContext>();
        return await db.Set<SearchIndexOperation>().LongCountAsync(o => o.Sequence > after, cancellationToken);
    }

    /// <summary>A deleted tenant's index goes from this node, and the node's positions with it.</summary>
    private async Task DropTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await node.Index.DeleteTenantAsync(tenantId, cancellationToken);
        using (currentTenant.Change(null))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Set<SearchIndexPosition>().Where(p => p.TenantId == tenantId && p.NodeId == node.NodeId).ExecuteDeleteAsync(cancellationToken);
        }
        _recent.TryRemove(tenantId, out _);
        LogDropped(logger, tenantId, node.NodeId);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the search index log of tenant {TenantId} failed")]
    private static partial void LogTenantFailed(ILogger logger, Exception exception, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No search document source for type {DocumentType}: its operations are skipped")]
    private static partial void LogUnknownType(ILogger logger, string documentType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the search index of tenant {TenantId}: {Count} documents on node {NodeId}")]
    private static partial void LogRebuilt(ILogger logger, Guid tenantId, int count, string nodeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped the search index of deleted tenant {TenantId} on node {NodeId}")]
    private static partial void LogDropped(ILogger logger, Guid tenantId, string nodeId);
}
