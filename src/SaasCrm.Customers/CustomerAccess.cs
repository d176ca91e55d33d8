using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Pool;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;

namespace SaasCrm.Customers;

/// <summary>
/// Which customers the caller may see and change. Every read and write of a customer, and of its contacts,
/// follow-ups and reminders, goes through here: the owner within the caller's data scope (P5), the dedicated
/// service rep (C11), a former owner still collaborating after a handover (C7), and members of the pool a
/// customer sits in (C6). Anything else answers 404.
/// </summary>
public sealed class CustomerAccess(PlatformDbContext db, IDataScopeFilter scope, ICurrentUser user, IPoolAccess pools, TimeProvider clock)
{
    /// <summary>Customers (active or merged) the caller may open.</summary>
    public async Task<IQueryable<Customer>> VisibleAsync(IQueryable<Customer> source, CancellationToken ct)
    {
        if (await scope.GetScopeAsync(ct) == DataScope.All) return source;
        var me = user.Id ?? Guid.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        var owners = await scope.VisibleOwnersAsync(ct);
        var poolIds = await pools.AccessiblePoolIdsAsync(ct);
        // A handful of ids, read first so every branch of the predicate is a plain column test the database can index.
        var collaborating = await db.Set<CustomerCollaborator>().Where(c => c.UserId == me && c.Until > now).Select(c => c.CustomerId).ToListAsync(ct);
        return source.Where(c =>
            c.OwnerId == me
            || owners!.Contains(c.OwnerId!.Value)
            || c.ServiceRepId == me
            || collaborating.Contains(c.Id)
            || (c.PoolId != null && poolIds.Contains(c.PoolId.Value)));
    }

    /// <summary>
    /// The same customers as <see cref="VisibleAsync"/>, as disjoint slices whose union is that set: one per visible
    /// owner, then the service rep's, the collaborations' and one per pool, each without the customers of the slices
    /// before it. An owner slice is an equality on the owner index, so a list can order and cut each slice on that
    /// index and merge a few rows, where the OR of all of them makes the database read every customer of the
    /// tenant; and as no customer is in two slices, their counts add up. Both shapes come from one read of the owners,
    /// collaborations and pools: <see cref="VisibleSlices.ByOwner"/> for ordering, and
    /// <see cref="VisibleSlices.OwnersTogether"/> (all owners as one IN-list: a range per owner of the same index in one
    /// query) for counting.
    /// </summary>
    public async Task<VisibleSlices> VisibleSlicesAsync(IQueryable<Customer> source, CancellationToken ct)
    {
        if (await scope.GetScopeAsync(ct) == DataScope.All) return new VisibleSlices([source], [source]);
        var me = user.Id ?? Guid.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        var owners = await (await scope.VisibleOwnersAsync(ct))!.Distinct().ToListAsync(ct);
        if (!owners.Contains(me)) owners.Add(me);
        var together = source.Where(c => owners.Contains(c.OwnerId!.Value));
        List<IQueryable<Customer>> byOwner = owners.Count <= MaxOwnerSlices ? [.. owners.Select(owner => source.Where(c => c.OwnerId == owner))] : [together];

        var others = new List<IQueryable<Customer>>();
        var rest = source.Where(c => c.OwnerId == null || !owners.Contains(c.OwnerId.Value));
        others.Add(rest.Where(c => c.ServiceRepId == me));
        rest = rest.Where(c => c.ServiceRepId == null || c.ServiceRepId != me);
        var collaborating = await db.Set<CustomerCollaborator>().Where(c => c.UserId == me && c.Until > now).Select(c => c.CustomerId).ToListAsync(ct);
        if (collaborating.Count > 0)
        {
            others.Add(rest.Where(c => collaborating.Contains(c.Id)));
            rest = rest.Where(c => !collaborating.Contains(c.Id));
        }
        foreach (var pool in await (await pools.AccessiblePoolIdsAsync(ct)).ToListAsync(ct)) others.Add(rest.Where(c => c.PoolId == pool));
        return new VisibleSlices([.. byOwner, .. others], [together, .. others]);
    }

    /// <summary>Beyond this many visible owners (a large department tree) one IN-list slice reads them all instead.</summary>
    private const int MaxOwnerSlices = 30;

    /// <summary>One customer the caller may open, or 404.</summary>
    public async Task<Customer> GetVisibleAsync(Guid id, CancellationToken ct, bool tracking = false)
    {
        var source = tracking ? db.Set<Customer>() : db.Set<Customer>().AsNoTracking();
        return await (await VisibleAsync(source, ct)).FirstOrDefaultAsync(c => c.Id == id, ct)
               ?? throw new EntityNotFoundException("Customer", id);
    }

    /// <summary>
    /// One customer the caller may change, tracked: visible, not merged (a merged customer is read-only) and
    /// not sitting in a pool (claim it first).
    /// </summary>
    public async Task<Customer> GetEditableAsync(Guid id, CancellationToken ct)
    {
        var customer = await GetVisibleAsync(id, ct, tracking: true);
        EnsureEditable(customer);
        return customer;
    }

    public static void EnsureEditable(Customer customer)
    {
        if (customer.Status == CustomerStatus.Merged)
            throw new BusinessException("customer.merged", "This customer was merged into another one and is read-only.", 409) { Detail = customer.MergedIntoId?.ToString() };
        if (customer.PoolId is not null)
            throw new BusinessException("customer.in_pool", "This customer is in the public pool; claim it before changing it.", 409);
    }
}

/// <summary>The visible customers as disjoint slices, in the two shapes a list needs (see <see cref="CustomerAccess.VisibleSlicesAsync"/>).</summary>
public sealed record VisibleSlices(IReadOnlyList<IQueryable<Customer>> ByOwner, IReadOnlyList<IQueryable<Customer>> OwnersTogether);
