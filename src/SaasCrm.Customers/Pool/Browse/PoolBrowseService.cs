using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Pool.Model;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Security;

namespace SaasCrm.Customers.Pool.Browse;

/// <summary>Filters of a pool's customer list; released* compare with when the customer entered the pool.</summary>
public sealed record PoolCustomerQuery(
    string? Name, string? LevelCode, string? SourceCode, string? IndustryCode,
    DateTime? ReleasedAfter, DateTime? ReleasedBefore, string? Sort, int? Page, int? PageSize);

public sealed record PoolCustomerDto(
    Guid Id, string Name, string Kind, string? LevelCode, string? SourceCode, string? IndustryCode,
    string? Province, string? City, DateTime? PooledAt, DateTime? LastFollowUpAt, DateTime? LastDealAt,
    Guid? PreviousOwnerId, string? PreviousOwnerName, string? ReleaseReason);

/// <summary>A pool the caller may use, with how many customers wait in it and the caller's standing against its limits.</summary>
public sealed record MyPoolDto(
    Guid Id, string Name, string? Description, int CustomerCount,
    int? MaxCustomersPerRep, int? MaxClaimsPerDay, int? ReclaimCooldownDays, int Held, int ClaimsToday);

public sealed class PoolBrowseService(PlatformDbContext db, PoolAccess access, ICurrentUser user, TimeProvider clock)
{
    private static readonly Dictionary<string, Expression<Func<Customer, object?>>> SortFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pooledAt"] = c => c.PooledAt,
        ["name"] = c => c.Name,
        ["levelCode"] = c => c.LevelCode,
        ["lastFollowUpAt"] = c => c.LastFollowUpAt,
        ["createdAt"] = c => c.CreatedAt,
    };

    public async Task<PagedResult<PoolCustomerDto>> CustomersAsync(Guid poolId, PoolCustomerQuery q, CancellationToken ct)
    {
        await access.GetAccessibleAsync(poolId, ct);
        var query = db.Set<Customer>().AsNoTracking().Where(c => c.PoolId == poolId && c.Status == CustomerStatus.Active);
        if (!string.IsNullOrWhiteSpace(q.Name))
        {
            // LIKE ignores ASCII case on SQLite as MariaDB's collation does; wildcards typed by the user are taken literally.
            var pattern = "%" + q.Name.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(c => EF.Functions.Like(c.Name, pattern, "\\"));
        }
        if (!string.IsNullOrEmpty(q.LevelCode)) query = query.Where(c => c.LevelCode == q.LevelCode);
        if (!string.IsNullOrEmpty(q.SourceCode)) query = query.Where(c => c.SourceCode == q.SourceCode);
        if (!string.IsNullOrEmpty(q.IndustryCode)) query = query.Where(c => c.IndustryCode == q.IndustryCode);
        if (q.ReleasedAfter is { } after) { var a = after.ToUniversalTime(); query = query.Where(c => c.PooledAt >= a); }
        if (q.ReleasedBefore is { } before) { var b = before.ToUniversalTime(); query = query.Where(c => c.PooledAt < b); }
        var ordered = (IOrderedQueryable<Customer>)query.OrderBy(q.Sort, "-pooledAt", SortFields);
        var page = await ordered.ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.Kind, c.LevelCode, c.SourceCode, c.IndustryCode, c.Province, c.City, c.PooledAt, c.LastFollowUpAt, c.LastDealAt })
            .ToPageAsync(q.Page, q.PageSize, ct);

        // Who had it and why it came here: the newest release or return of each customer on the page.
        var ids = page.Items.Select(c => c.Id).ToList();
        var history = await db.Set<OwnershipRecord>().AsNoTracking()
            .Where(r => ids.Contains(r.CustomerId) && r.PoolId == poolId && (r.Action == OwnershipAction.Released || r.Action == OwnershipAction.Returned))
            .Select(r => new { r.CustomerId, r.FromUserId, r.Reason, r.At }).ToListAsync(ct);
        var last = history.GroupBy(r => r.CustomerId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.At)!);
        var ownerIds = last.Values.Where(r => r.FromUserId != null).Select(r => r.FromUserId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var items = page.Items.Select(c =>
        {
            var r = last.GetValueOrDefault(c.Id);
            return new PoolCustomerDto(c.Id, c.Name, c.Kind.ToString(), c.LevelCode, c.SourceCode, c.IndustryCode, c.Province, c.City,
                c.PooledAt, c.LastFollowUpAt, c.LastDealAt, r?.FromUserId, r?.FromUserId is { } o ? names.GetValueOrDefault(o) : null, r?.Reason);
        }).ToList();
        return new PagedResult<PoolCustomerDto>(items, page.Total, page.TotalIsLowerBound, page.Page, page.PageSize);
    }

    public async Task<List<MyPoolDto>> MineAsync(CancellationToken ct)
    {
        var ids = await access.AccessiblePoolIdsAsync(ct);
        var pools = await db.Set<CustomerPool>().AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var poolIds = pools.Select(p => p.Id).ToList();
        var counts = await db.Set<Customer>().Where(c => c.PoolId != null && poolIds.Contains(c.PoolId.Value) && c.Status == CustomerStatus.Active)
            .GroupBy(c => c.PoolId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var me = user.Id ?? Guid.Empty;
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var held = await db.Set<Customer>().CountAsync(c => c.OwnerId == me && c.Status == CustomerStatus.Active, ct);
        var claimsToday = await db.Set<OwnershipRecord>().CountAsync(r => r.ToUserId == me && r.Action == OwnershipAction.Claimed && r.At >= today, ct);
        return pools.Select(p => new MyPoolDto(p.Id, p.Name, p.Description, counts.GetValueOrDefault(p.Id),
            p.MaxCustomersPerRep, p.MaxClaimsPerDay, p.ReclaimCooldownDays, held, claimsToday)).ToList();
    }
}
