using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Pool.Model;
using SaasCrm.Customers.Pool.Release;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;

namespace SaasCrm.Customers.Pool.Admin;

/// <summary>Pool configuration by admins (Customers.Pool.Manage): members, rules per level, warning and claim limits.</summary>
public sealed class PoolAdminService(PlatformDbContext db, IDictionaryLookup dictionaries, PoolReleaseScheduler scheduler)
{
    public async Task<List<PoolDto>> ListAsync(CancellationToken ct)
    {
        var pools = await db.Set<CustomerPool>().AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync(ct);
        return await ToDtosAsync(pools, ct);
    }

    public async Task<PoolDto> GetAsync(Guid id, CancellationToken ct) =>
        (await ToDtosAsync([await FindAsync(id, ct)], ct))[0];

    public async Task<PoolDto> CreateAsync(SavePoolRequest request, CancellationToken ct)
    {
        await ValidateAsync(request, ct);
        var pool = new CustomerPool();
        Apply(pool, request);
        db.Add(pool);
        ReplaceChildren(pool.Id, request);
        // Pools come and go per tenant; the first pool of a tenant (new or existing) starts its daily run.
        await scheduler.EnsureNextRunAsync(ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(pool.Id, ct);
    }

    public async Task<PoolDto> UpdateAsync(Guid id, SavePoolRequest request, CancellationToken ct)
    {
        var pool = await db.Set<CustomerPool>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new EntityNotFoundException("CustomerPool", id);
        if (request.ConcurrencyStamp is null)
            throw RequestValidationException.For("concurrencyStamp", "concurrency_stamp.required", "Send the concurrency stamp you read.");
        db.Entry(pool).Property(p => p.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
        await ValidateAsync(request, ct);
        Apply(pool, request);
        pool.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var members = await db.Set<CustomerPoolMember>().Where(m => m.PoolId == id).ToListAsync(ct);
        var rules = await db.Set<CustomerPoolRule>().Where(r => r.PoolId == id).ToListAsync(ct);
        db.RemoveRange(members);
        db.RemoveRange(rules);
        ReplaceChildren(id, request);
        await scheduler.EnsureNextRunAsync(ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>A pool that still holds customers cannot go: they would be owned by no one and in no pool.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var pool = await db.Set<CustomerPool>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new EntityNotFoundException("CustomerPool", id);
        if (await db.Set<Customer>().AnyAsync(c => c.PoolId == id && c.Status == CustomerStatus.Active, ct))
            throw new BusinessException("pool.not_empty", "The pool still holds customers; have them claimed or assigned first.", 409);
        db.RemoveRange(await db.Set<CustomerPoolMember>().Where(m => m.PoolId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<CustomerPoolRule>().Where(r => r.PoolId == id).ToListAsync(ct));
        pool.IsDeleted = true;
        await db.SaveChangesAsync(ct);
    }

    internal async Task<CustomerPool> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<CustomerPool>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new EntityNotFoundException("CustomerPool", id);

    private async Task ValidateAsync(SavePoolRequest request, CancellationToken ct)
    {
        var userIds = (request.MemberUserIds ?? []).Distinct().ToList();
        var departmentIds = (request.MemberDepartmentIds ?? []).Distinct().ToList();
        // Ids of another tenant are not found through the tenant filter: refused like unknown ones.
        if (await db.Users.CountAsync(u => userIds.Contains(u.Id), ct) != userIds.Count)
            throw RequestValidationException.For("memberUserIds", "pool.unknown_user", "A member user does not exist.");
        if (await db.Departments.CountAsync(d => departmentIds.Contains(d.Id), ct) != departmentIds.Count)
            throw RequestValidationException.For("memberDepartmentIds", "pool.unknown_department", "A member department does not exist.");
        var rules = request.Rules ?? [];
        for (var i = 0; i < rules.Count; i++)
            await dictionaries.EnsureSelectableAsync(CustomerDictionaries.Level, rules[i].LevelCode, $"rules[{i}].levelCode", cancellationToken: ct);
    }

    private static void Apply(CustomerPool pool, SavePoolRequest request)
    {
        pool.Name = request.Name.Trim();
        pool.Description = request.Description;
        pool.WarnDaysBefore = request.WarnDaysBefore;
        pool.MaxCustomersPerRep = request.MaxCustomersPerRep;
        pool.MaxClaimsPerDay = request.MaxClaimsPerDay;
        pool.ReclaimCooldownDays = request.ReclaimCooldownDays;
    }

    private void ReplaceChildren(Guid poolId, SavePoolRequest request)
    {
        foreach (var userId in (request.MemberUserIds ?? []).Distinct())
            db.Add(new CustomerPoolMember { PoolId = poolId, UserId = userId });
        foreach (var departmentId in (request.MemberDepartmentIds ?? []).Distinct())
            db.Add(new CustomerPoolMember { PoolId = poolId, DepartmentId = departmentId });
        foreach (var rule in request.Rules ?? [])
            db.Add(new CustomerPoolRule { PoolId = poolId, LevelCode = string.IsNullOrEmpty(rule.LevelCode) ? null : rule.LevelCode, DaysWithoutFollowUp = rule.DaysWithoutFollowUp, DaysWithoutDeal = rule.DaysWithoutDeal });
    }

    private async Task<List<PoolDto>> ToDtosAsync(List<CustomerPool> pools, CancellationToken ct)
    {
        var ids = pools.Select(p => p.Id).ToList();
        var members = await db.Set<CustomerPoolMember>().AsNoTracking().Where(m => ids.Contains(m.PoolId)).ToListAsync(ct);
        var rules = await db.Set<CustomerPoolRule>().AsNoTracking().Where(r => ids.Contains(r.PoolId)).ToListAsync(ct);
        var counts = await db.Set<Customer>().Where(c => c.PoolId != null && ids.Contains(c.PoolId.Value) && c.Status == CustomerStatus.Active)
            .GroupBy(c => c.PoolId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return pools.Select(p => new PoolDto(
            p.Id, p.Name, p.Description,
            members.Where(m => m.PoolId == p.Id && m.UserId != null).Select(m => m.UserId!.Value).ToList(),
            members.Where(m => m.PoolId == p.Id && m.DepartmentId != null).Select(m => m.DepartmentId!.Value).ToList(),
            rules.Where(r => r.PoolId == p.Id).OrderBy(r => r.LevelCode ?? "").Select(r => new PoolRuleDto(r.LevelCode, r.DaysWithoutFollowUp, r.DaysWithoutDeal)).ToList(),
            p.WarnDaysBefore, p.MaxCustomersPerRep, p.MaxClaimsPerDay, p.ReclaimCooldownDays,
            counts.GetValueOrDefault(p.Id), p.LastRunAt, p.LastRunReleased, p.LastRunWarned, p.ConcurrencyStamp)).ToList();
    }
}
