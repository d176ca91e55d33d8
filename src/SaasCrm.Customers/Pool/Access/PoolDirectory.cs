using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Pool.Model;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers.Pool.Access;

/// <summary>A pool with its rules and the users it governs (member users plus users of member departments and their sub-departments).</summary>
public sealed record ResolvedPool(CustomerPool Pool, IReadOnlyList<CustomerPoolRule> Rules, IReadOnlySet<Guid> MemberUserIds)
{
    /// <summary>Members whose customers follow this pool's rules: those not already governed by an older pool.</summary>
    public IReadOnlySet<Guid> GovernedOwnerIds { get; init; } = new HashSet<Guid>();
}

/// <summary>
/// Resolves pool membership in memory: pools, members and departments are small per tenant, and the materialised
/// department path makes "department and sub-departments" a prefix test.
/// </summary>
public sealed class PoolDirectory(PlatformDbContext db)
{
    public async Task<IReadOnlyList<ResolvedPool>> LoadAsync(CancellationToken ct)
    {
        var pools = await db.Set<CustomerPool>().AsNoTracking().OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        if (pools.Count == 0) return [];
        var members = await db.Set<CustomerPoolMember>().AsNoTracking().ToListAsync(ct);
        var rules = await db.Set<CustomerPoolRule>().AsNoTracking().ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Code }).ToListAsync(ct);
        var codeOf = departments.ToDictionary(d => d.Id, d => d.Code);
        var memberships = await db.UserDepartments.AsNoTracking().Select(ud => new { ud.UserId, ud.DepartmentId }).ToListAsync(ct);

        var governed = new HashSet<Guid>();
        var result = new List<ResolvedPool>(pools.Count);
        foreach (var pool in pools)
        {
            var users = new HashSet<Guid>();
            foreach (var member in members.Where(m => m.PoolId == pool.Id))
            {
                if (member.UserId is { } userId) users.Add(userId);
                if (member.DepartmentId is { } departmentId && codeOf.TryGetValue(departmentId, out var code))
                {
                    foreach (var m in memberships)
                        if (codeOf.TryGetValue(m.DepartmentId, out var c) && InSubtree(c, code)) users.Add(m.UserId);
                }
            }
            var mine = users.Where(u => governed.Add(u)).ToHashSet();
            result.Add(new ResolvedPool(pool, rules.Where(r => r.PoolId == pool.Id).ToList(), users) { GovernedOwnerIds = mine });
        }
        return result;
    }

    /// <summary>Pools the user is a member of, directly or through a department (or one of its parents).</summary>
    public async Task<List<Guid>> PoolIdsOfUserAsync(Guid userId, CancellationToken ct)
    {
        var myCodes = await db.UserDepartments.Where(ud => ud.UserId == userId)
            .Join(db.Departments, ud => ud.DepartmentId, d => d.Id, (ud, d) => d.Code)
            .ToListAsync(ct);
        var members = await db.Set<CustomerPoolMember>().AsNoTracking()
            .Where(m => m.UserId == userId || m.DepartmentId != null)
            .GroupJoin(db.Departments, m => m.DepartmentId, d => d.Id, (m, ds) => new { m, ds })
            .SelectMany(x => x.ds.DefaultIfEmpty(), (x, d) => new { x.m.PoolId, x.m.UserId, Code = d != null ? d.Code : null })
            .ToListAsync(ct);
        return members
            .Where(m => m.UserId == userId || (m.Code is not null && myCodes.Any(c => InSubtree(c, m.Code))))
            .Select(m => m.PoolId)
            .Distinct()
            .ToList();
    }

    private static bool InSubtree(string code, string root) =>
        code == root || code.StartsWith(root + ".", StringComparison.Ordinal);
}
