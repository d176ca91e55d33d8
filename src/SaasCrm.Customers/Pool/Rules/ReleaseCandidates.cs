using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Pool.Access;
using SaasCrm.Customers.Pool.Model;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Customers.Pool.Rules;

public enum ReleaseCause { NoFollowUp, NoDeal }

/// <summary>A customer a pool's rules release at <see cref="DueAt"/>, and why.</summary>
public sealed record ReleaseCandidate(
    Guid CustomerId, string Name, Guid OwnerId, string? LevelCode, ReleaseCause Cause, int Days, DateTime DueAt,
    DateTime OwnershipStart, DateTime? ReleaseWarnedAt)
{
    /// <summary>"30 days without follow-up (level B)": kept in the customer's ownership history.</summary>
    public string Reason => $"{Days} days without {(Cause == ReleaseCause.NoFollowUp ? "follow-up" : "deal")} " +
                            (LevelCode is null ? "(no level)" : $"(level {LevelCode.ToUpperInvariant()})");

    public string ReasonZh => $"{Days} 天未{(Cause == ReleaseCause.NoFollowUp ? "跟进" : "成交")}" +
                              (LevelCode is null ? "（无级别）" : $"（{LevelCode.ToUpperInvariant()} 级）");

    /// <summary>Warned in the current ownership period already (one warning per period).</summary>
    public bool WarnedThisPeriod => ReleaseWarnedAt is { } at && at >= OwnershipStart;
}

/// <summary>
/// Which customers of a pool's governed owners are due (or soon due) for release. The filter runs in the database
/// per rule; the exact due date and reason are worked out on the few columns read back. Locked customers never
/// qualify; customers with open opportunities or orders (asked of the modules that own them) are exempt.
/// </summary>
public sealed class ReleaseCandidates(PlatformDbContext db, ICurrentTenant tenant, IEnumerable<ICustomerRelatedRecords> related)
{
    private const int ExemptionBatch = 1000;

    /// <param name="horizon">Include customers due up to this moment (now for a release, now + warning days for warnings).</param>
    public async Task<(List<ReleaseCandidate> Due, int Exempted)> FindAsync(ResolvedPool pool, DateTime horizon, CancellationToken ct)
    {
        var found = new Dictionary<Guid, ReleaseCandidate>();
        var owners = pool.GovernedOwnerIds.ToList();
        if (owners.Count == 0 || pool.Rules.Count == 0) return ([], 0);
        var tenantId = tenant.Id;
        var levelsWithOwnRule = pool.Rules.Where(r => r.LevelCode != null).Select(r => r.LevelCode!).ToList();

        foreach (var rule in pool.Rules)
        {
            var followDays = rule.DaysWithoutFollowUp ?? 0;
            var dealDays = rule.DaysWithoutDeal ?? 0;
            if (followDays <= 0 && dealDays <= 0) continue;
            DateTime? followCutoff = followDays > 0 ? horizon.AddDays(-followDays) : null;
            DateTime? dealCutoff = dealDays > 0 ? horizon.AddDays(-dealDays) : null;

            var query = db.Set<Customer>().AsNoTracking()
                .Where(c => c.TenantId == tenantId && c.Status == CustomerStatus.Active && c.PoolId == null && !c.IsLocked
                            && c.OwnerId != null && owners.Contains(c.OwnerId.Value));
            query = rule.LevelCode is { } level
                ? query.Where(c => c.LevelCode == level)
                : query.Where(c => c.LevelCode == null || !levelsWithOwnRule.Contains(c.LevelCode));
            // Counting starts at the last follow-up (or deal) made during this ownership, else when the owner got it.
            query = query.Where(c =>
                (followCutoff != null &&
                 ((c.LastFollowUpAt != null && (c.OwnedSince == null || c.LastFollowUpAt >= c.OwnedSince)) ? c.LastFollowUpAt : (c.OwnedSince ?? c.CreatedAt)) <= followCutoff)
                || (dealCutoff != null &&
                    ((c.LastDealAt != null && (c.OwnedSince == null || c.LastDealAt >= c.OwnedSince)) ? c.LastDealAt : (c.OwnedSince ?? c.CreatedAt)) <= dealCutoff));

            var rows = await query
                .Select(c => new { c.Id, c.Name, c.OwnerId, c.LevelCode, c.LastFollowUpAt, c.LastDealAt, c.OwnedSince, c.CreatedAt, c.ReleaseWarnedAt })
                .ToListAsync(ct);
            foreach (var c in rows)
            {
                var start = c.OwnedSince ?? c.CreatedAt;
                var followBase = c.LastFollowUpAt is { } f && f >= start ? f : start;
                var dealBase = c.LastDealAt is { } d && d >= start ? d : start;
                var byFollow = followDays > 0 ? followBase.AddDays(followDays) : DateTime.MaxValue;
                var byDeal = dealDays > 0 ? dealBase.AddDays(dealDays) : DateTime.MaxValue;
                var cause = byFollow <= byDeal ? ReleaseCause.NoFollowUp : ReleaseCause.NoDeal;
                found[c.Id] = new ReleaseCandidate(c.Id, c.Name, c.OwnerId!.Value, c.LevelCode, cause,
                    cause == ReleaseCause.NoFollowUp ? followDays : dealDays, cause == ReleaseCause.NoFollowUp ? byFollow : byDeal,
                    start, c.ReleaseWarnedAt);
            }
        }

        var exempt = await WithOpenRecordsAsync(found.Keys.ToList(), ct);
        var due = found.Values.Where(c => !exempt.Contains(c.CustomerId)).OrderBy(c => c.DueAt).ThenBy(c => c.CustomerId).ToList();
        return (due, found.Count - due.Count);
    }

    private async Task<HashSet<Guid>> WithOpenRecordsAsync(List<Guid> ids, CancellationToken ct)
    {
        var exempt = new HashSet<Guid>();
        foreach (var source in related)
            foreach (var chunk in ids.Chunk(ExemptionBatch))
                exempt.UnionWith(await source.WithOpenRecordsAsync(chunk, ct));
        return exempt;
    }
}
