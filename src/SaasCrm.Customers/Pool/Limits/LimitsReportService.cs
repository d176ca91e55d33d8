using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Pool.Access;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers.Pool.Limits;

/// <summary>One rep against one pool's limits; AtLimit when a limit is reached (claims would be refused).</summary>
public sealed record RepLimitRow(
    Guid UserId, string UserName, string Name, Guid PoolId, string PoolName,
    int Held, int? MaxCustomersPerRep, int ClaimsToday, int? MaxClaimsPerDay, bool AtLimit);

/// <summary>Reps of every pool at or near (share of the limit, 0.8 by default) their held or daily-claim limit.</summary>
public sealed class LimitsReportService(PlatformDbContext db, PoolDirectory directory, TimeProvider clock)
{
    public async Task<List<RepLimitRow>> ReportAsync(double? threshold, CancellationToken ct)
    {
        var near = Math.Clamp(threshold ?? 0.8, 0, 1);
        var pools = (await directory.LoadAsync(ct)).Where(p => p.Pool.MaxCustomersPerRep != null || p.Pool.MaxClaimsPerDay != null).ToList();
        var userIds = pools.SelectMany(p => p.MemberUserIds).Distinct().ToList();
        if (userIds.Count == 0) return [];
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var held = await db.Set<Customer>().Where(c => c.OwnerId != null && userIds.Contains(c.OwnerId.Value) && c.Status == CustomerStatus.Active)
            .GroupBy(c => c.OwnerId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var claims = await db.Set<OwnershipRecord>().Where(r => r.ToUserId != null && userIds.Contains(r.ToUserId.Value) && r.Action == OwnershipAction.Claimed && r.At >= today)
            .GroupBy(r => r.ToUserId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.UserName, u.Name }).ToDictionaryAsync(u => u.Id, ct);

        var rows = new List<RepLimitRow>();
        foreach (var pool in pools)
        foreach (var userId in pool.MemberUserIds.Where(users.ContainsKey))
        {
            var h = held.GetValueOrDefault(userId);
            var c = claims.GetValueOrDefault(userId);
            var maxHeld = pool.Pool.MaxCustomersPerRep;
            var maxDaily = pool.Pool.MaxClaimsPerDay;
            var atLimit = (maxHeld is { } mh && h >= mh) || (maxDaily is { } md && c >= md);
            var nearLimit = (maxHeld is { } nh && h >= nh * near) || (maxDaily is { } nd && c >= nd * near);
            if (!atLimit && !nearLimit) continue;
            var u = users[userId];
            rows.Add(new RepLimitRow(userId, u.UserName ?? "", u.Name, pool.Pool.Id, pool.Pool.Name, h, maxHeld, c, maxDaily, atLimit));
        }
        return rows.OrderByDescending(r => r.AtLimit).ThenBy(r => r.Name).ToList();
    }
}
