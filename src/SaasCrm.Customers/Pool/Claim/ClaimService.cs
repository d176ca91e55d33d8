using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Pool.Model;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;
using SaasCrm.Search;

namespace SaasCrm.Customers.Pool.Claim;

public sealed record ClaimResult(Guid CustomerId, Guid OwnerId, Guid PoolId, DateTime ClaimedAt);

/// <summary>
/// A member takes a customer out of a pool. The pool's limits are checked first; the claim itself is one
/// conditional update that only succeeds while the customer is still in that pool, so of two reps claiming at
/// once exactly one wins and the other gets 409 pool.already_claimed.
/// </summary>
public sealed class ClaimService(
    PlatformDbContext db, PoolAccess access, ICurrentUser user, ICurrentTenant tenant, ISearchIndexQueue search, TimeProvider clock)
{
    public async Task<ClaimResult> ClaimAsync(Guid customerId, CancellationToken ct)
    {
        var me = user.Id ?? throw new EntityNotFoundException("Customer", customerId);
        var tenantId = tenant.Id;
        var customer = await db.Set<Customer>().AsNoTracking()
            .Where(c => c.Id == customerId && c.Status == CustomerStatus.Active)
            .Select(c => new { c.Id, c.PoolId }).FirstOrDefaultAsync(ct)
            ?? throw new EntityNotFoundException("Customer", customerId);
        if (customer.PoolId is not { } poolId)
        {
            await ThrowTakenOrNotFoundAsync(customerId, ct);
            throw new EntityNotFoundException("Customer", customerId);
        }
        if (!await access.CanUseAsync(poolId, ct)) throw new EntityNotFoundException("Customer", customerId);
        var pool = await access.GetAccessibleAsync(poolId, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        await EnsureWithinLimitsAsync(pool, me, customerId, now, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stamp = Guid.NewGuid().ToString("N");
        var affected = await db.Set<Customer>()
            .Where(c => c.TenantId == tenantId && c.Id == customerId && c.PoolId == poolId && c.Status == CustomerStatus.Active)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.OwnerId, me)
                .SetProperty(c => c.PoolId, (Guid?)null)
                .SetProperty(c => c.PooledAt, (DateTime?)null)
                .SetProperty(c => c.OwnedSince, now)
                .SetProperty(c => c.ReleaseWarnedAt, (DateTime?)null)
                .SetProperty(c => c.ConcurrencyStamp, stamp)
                .SetProperty(c => c.ModifiedAt, now)
                .SetProperty(c => c.ModifiedBy, me), ct);
        if (affected != 1) throw AlreadyClaimed();
        db.Add(new OwnershipRecord { CustomerId = customerId, Action = OwnershipAction.Claimed, ToUserId = me, PoolId = poolId, At = now, ByUserId = me });
        search.Enqueue(CustomersModule.CustomerRecordType, [customerId]);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ClaimResult(customerId, me, poolId, now);
    }

    /// <summary>Held customers, claims today (UTC) and the previous owner's cooldown, as the pool sets them.</summary>
    private async Task EnsureWithinLimitsAsync(CustomerPool pool, Guid me, Guid customerId, DateTime now, CancellationToken ct)
    {
        if (pool.MaxCustomersPerRep is { } maxHeld)
        {
            var held = await db.Set<Customer>().CountAsync(c => c.OwnerId == me && c.Status == CustomerStatus.Active, ct);
            if (held >= maxHeld)
                throw new BusinessException("pool.limit_held", $"You already hold {held} customers; this pool allows claiming up to {maxHeld}.", 409) { Detail = $"{held}/{maxHeld}" };
        }
        if (pool.MaxClaimsPerDay is { } maxDaily)
        {
            var today = now.Date;
            var claims = await db.Set<OwnershipRecord>().CountAsync(r => r.ToUserId == me && r.Action == OwnershipAction.Claimed && r.At >= today, ct);
            if (claims >= maxDaily)
                throw new BusinessException("pool.limit_daily", $"You made {claims} claims today; this pool allows {maxDaily} per day.", 409) { Detail = $"{claims}/{maxDaily}" };
        }
        if (pool.ReclaimCooldownDays is { } days and > 0)
        {
            var since = now.AddDays(-days);
            var lostAt = await db.Set<OwnershipRecord>()
                .Where(r => r.CustomerId == customerId && r.FromUserId == me && (r.Action == OwnershipAction.Released || r.Action == OwnershipAction.Returned) && r.At > since)
                .OrderByDescending(r => r.At).Select(r => (DateTime?)r.At).FirstOrDefaultAsync(ct);
            if (lostAt is { } at)
                throw new BusinessException("pool.cooldown", $"You lost this customer on {at:yyyy-MM-dd}; you may take it back after {at.AddDays(days):yyyy-MM-dd}.", 409) { Detail = at.AddDays(days).ToString("O") };
        }
    }

    /// <summary>
    /// A customer that is no longer in a pool: if it just left a pool the caller can use, someone claimed it first
    /// (409); otherwise it is none of the caller's business (404).
    /// </summary>
    private async Task ThrowTakenOrNotFoundAsync(Guid customerId, CancellationToken ct)
    {
        var claimedFrom = await db.Set<OwnershipRecord>()
            .Where(r => r.CustomerId == customerId && r.Action == OwnershipAction.Claimed && r.PoolId != null)
            .Select(r => r.PoolId!.Value).Distinct().ToListAsync(ct);
        foreach (var poolId in claimedFrom)
            if (await access.CanUseAsync(poolId, ct)) throw AlreadyClaimed();
    }

    private static BusinessException AlreadyClaimed() =>
        new("pool.already_claimed", "Someone else claimed this customer first.", 409);
}
