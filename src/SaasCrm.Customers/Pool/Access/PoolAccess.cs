using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Pool.Model;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;

namespace SaasCrm.Customers.Pool;

/// <summary>The public pools the caller may browse and claim from.</summary>
public interface IPoolAccess
{
    /// <summary>Pools where the caller is a member user or in a member department; everything for pool managers.</summary>
    Task<IQueryable<Guid>> AccessiblePoolIdsAsync(CancellationToken ct);
}

public sealed class PoolAccess(PlatformDbContext db, ICurrentUser user, IPermissionChecker permissions, Access.PoolDirectory directory) : IPoolAccess
{
    private List<Guid>? _mine;
    private bool? _manager;

    public async Task<IQueryable<Guid>> AccessiblePoolIdsAsync(CancellationToken ct)
    {
        var pools = db.Set<CustomerPool>().Select(p => p.Id);
        if (await IsManagerAsync(ct)) return pools;
        var ids = await MyPoolIdsAsync(ct);
        return db.Set<CustomerPool>().Where(p => ids.Contains(p.Id)).Select(p => p.Id);
    }

    public async Task<bool> IsManagerAsync(CancellationToken ct) =>
        _manager ??= await permissions.IsGrantedAsync(CustomerPermissions.PoolManage, ct);

    private async Task<List<Guid>> MyPoolIdsAsync(CancellationToken ct) =>
        _mine ??= user.Id is { } me ? await directory.PoolIdsOfUserAsync(me, ct) : [];

    public async Task<bool> CanUseAsync(Guid poolId, CancellationToken ct) =>
        await IsManagerAsync(ct) || (await MyPoolIdsAsync(ct)).Contains(poolId);

    /// <summary>The pool if the caller may use it, else 404 (as for another tenant's pool).</summary>
    public async Task<CustomerPool> GetAccessibleAsync(Guid poolId, CancellationToken ct)
    {
        var pool = await db.Set<CustomerPool>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == poolId, ct)
                   ?? throw new EntityNotFoundException("CustomerPool", poolId);
        if (!await CanUseAsync(poolId, ct))
            throw new EntityNotFoundException("CustomerPool", poolId);
        return pool;
    }
}
