using SaasCrm.Platform.Data;
using SaasCrm.Platform.Security;

namespace SaasCrm.Customers.Pool;

/// <summary>The public pools the caller may browse and claim from.</summary>
public interface IPoolAccess
{
    Task<IQueryable<Guid>> AccessiblePoolIdsAsync(CancellationToken ct);
}

internal sealed class PoolAccess(PlatformDbContext db, ICurrentUser user) : IPoolAccess
{
    // Until pools are configurable, no pool is accessible.
    public Task<IQueryable<Guid>> AccessiblePoolIdsAsync(CancellationToken ct) =>
        Task.FromResult(db.Users.Where(u => u.Id == Guid.Empty && user.Id != null).Select(u => u.Id));
}
