using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;
using SaasCrm.Search;

namespace SaasCrm.Customers.Pool.Release;

/// <summary>A customer to put into a pool and the line its history gets.</summary>
public sealed record ReleaseItem(Guid CustomerId, Guid? FromUserId, string Reason);

/// <summary>
/// Puts customers into a pool set-based: per batch one conditional UPDATE (tenant named, only customers still out
/// of every pool and active), one read-back of the rows it moved, their history lines and search index operations,
/// committed together. A customer that changed meanwhile (claimed, locked, merged) is skipped, not overwritten.
/// </summary>
public sealed class PoolReleaser(PlatformDbContext db, ICurrentTenant tenant, ICurrentUser user, ISearchIndexQueue search, TimeProvider clock)
{
    public const int BatchSize = 500;

    /// <param name="automatic">The daily release: locked customers stay, and only while the owner is still the one read.</param>
    public async Task<IReadOnlyList<Guid>> ReleaseAsync(Guid poolId, IReadOnlyList<ReleaseItem> items, OwnershipAction action, bool automatic, CancellationToken ct)
    {
        var released = new List<Guid>();
        var tenantId = tenant.Id;
        var by = automatic ? null : user.Id;
        foreach (var batch in items.Chunk(BatchSize))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var ids = batch.Select(i => i.CustomerId).ToList();
            var owners = batch.Where(i => i.FromUserId != null).Select(i => i.FromUserId!.Value).Distinct().ToList();
            var stamp = Guid.NewGuid().ToString("N");
            var ownTransaction = db.Database.CurrentTransaction is null;
            await using var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;

            var query = db.Set<Customer>().Where(c => c.TenantId == tenantId && ids.Contains(c.Id) && c.PoolId == null && c.Status == CustomerStatus.Active);
            if (automatic) query = query.Where(c => !c.IsLocked && c.OwnerId != null && owners.Contains(c.OwnerId.Value));
            await query.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.OwnerId, (Guid?)null)
                .SetProperty(c => c.PoolId, poolId)
                .SetProperty(c => c.PooledAt, now)
                .SetProperty(c => c.ReleaseWarnedAt, (DateTime?)null)
                .SetProperty(c => c.ConcurrencyStamp, stamp)
                .SetProperty(c => c.ModifiedAt, now)
                .SetProperty(c => c.ModifiedBy, by), ct);
            // Read back which rows this update moved (the stamp is unique to it).
            var moved = await db.Set<Customer>().AsNoTracking()
                .Where(c => c.TenantId == tenantId && ids.Contains(c.Id) && c.ConcurrencyStamp == stamp)
                .Select(c => c.Id).ToListAsync(ct);
            var movedSet = moved.ToHashSet();
            foreach (var item in batch.Where(i => movedSet.Contains(i.CustomerId)))
            {
                db.Add(new OwnershipRecord
                {
                    CustomerId = item.CustomerId, Action = action, FromUserId = item.FromUserId, PoolId = poolId,
                    Reason = Truncate(item.Reason), At = now, ByUserId = by,
                });
            }
            if (moved.Count > 0) search.Enqueue(CustomersModule.CustomerRecordType, moved);
            await db.SaveChangesAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
            if (ownTransaction) db.ChangeTracker.Clear();
            released.AddRange(moved);
        }
        return released;
    }

    private static string Truncate(string reason) => reason.Length > 500 ? reason[..500] : reason;
}
