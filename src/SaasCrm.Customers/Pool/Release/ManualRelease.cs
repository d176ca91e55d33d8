using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Pool.Access;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Security;

namespace SaasCrm.Customers.Pool.Release;

/// <summary>The owner gives a customer back; without a pool it goes to the pool that governs the owner.</summary>
public sealed record ReturnToPoolRequest(Guid? PoolId, string Reason, string? ConcurrencyStamp);

public sealed record ReturnToPoolResult(Guid CustomerId, Guid PoolId, DateTime PooledAt);

/// <summary>Admins put chosen customers into a pool (the customer list's bulk "release to pool").</summary>
public sealed record ManualReleaseRequest(IReadOnlyList<Guid> CustomerIds, string Reason);

/// <summary>Customers not released are listed with why: not_found (or not visible), in_pool, merged.</summary>
public sealed record ManualReleaseResult(int Released, IReadOnlyList<Guid> ReleasedIds, IReadOnlyList<SkippedCustomer> Skipped);

public sealed record SkippedCustomer(Guid CustomerId, string Code);

internal sealed class ReturnToPoolRequestValidator : AbstractValidator<ReturnToPoolRequest>
{
    public ReturnToPoolRequestValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithErrorCode("pool.reason_required").MaximumLength(450);
}

internal sealed class ManualReleaseRequestValidator : AbstractValidator<ManualReleaseRequest>
{
    public const int MaxCustomers = 1000;

    public ManualReleaseRequestValidator()
    {
        RuleFor(x => x.CustomerIds).NotEmpty().WithErrorCode("pool.customers_required")
            .Must(ids => ids is null || ids.Count <= MaxCustomers).WithErrorCode("pool.too_many_customers")
            .WithMessage($"At most {MaxCustomers} customers per request.");
        RuleFor(x => x.Reason).NotEmpty().WithErrorCode("pool.reason_required").MaximumLength(450);
    }
}

public sealed class ManualReleaseService(
    PlatformDbContext db, CustomerAccess customers, PoolAccess pools, PoolDirectory directory, PoolReleaser releaser, ICurrentUser user, TimeProvider clock)
{
    public async Task<ReturnToPoolResult> ReturnAsync(Guid customerId, ReturnToPoolRequest request, CancellationToken ct)
    {
        var customer = await customers.GetEditableAsync(customerId, ct);
        if (request.ConcurrencyStamp is not null && request.ConcurrencyStamp != customer.ConcurrencyStamp)
            throw new BusinessException("concurrency", "The customer was changed by someone else; reload it.", 409);
        if (customer.OwnerId is not { } owner)
            throw new BusinessException("pool.no_owner", "The customer has no owner to return it.", 409);
        if (owner != user.Id && !await pools.IsManagerAsync(ct))
            throw new BusinessException("pool.not_owner", "Only the owner returns a customer to a pool.", 403);

        Guid poolId;
        if (request.PoolId is { } chosen)
        {
            poolId = (await pools.GetAccessibleAsync(chosen, ct)).Id;
        }
        else
        {
            poolId = (await directory.LoadAsync(ct)).FirstOrDefault(p => p.GovernedOwnerIds.Contains(owner))?.Pool.Id
                     ?? throw RequestValidationException.For("poolId", "pool.none", "No pool governs this owner; choose a pool.");
        }
        db.ChangeTracker.Clear();
        var moved = await releaser.ReleaseAsync(poolId, [new ReleaseItem(customerId, owner, request.Reason.Trim())], OwnershipAction.Returned, automatic: false, ct);
        if (moved.Count != 1) throw new BusinessException("concurrency", "The customer was changed by someone else; reload it.", 409);
        return new ReturnToPoolResult(customerId, poolId, clock.GetUtcNow().UtcDateTime);
    }

    public async Task<ManualReleaseResult> ReleaseAsync(Guid poolId, ManualReleaseRequest request, CancellationToken ct)
    {
        var pool = await db.Set<Model.CustomerPool>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == poolId, ct)
                   ?? throw new EntityNotFoundException("CustomerPool", poolId);
        var ids = request.CustomerIds.Distinct().ToList();
        var visible = await (await customers.VisibleAsync(db.Set<Customer>().AsNoTracking(), ct))
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.OwnerId, c.PoolId, c.Status })
            .ToListAsync(ct);
        var byId = visible.ToDictionary(c => c.Id);
        var skipped = new List<SkippedCustomer>();
        var items = new List<ReleaseItem>();
        foreach (var id in ids)
        {
            if (!byId.TryGetValue(id, out var c)) skipped.Add(new SkippedCustomer(id, "not_found"));
            else if (c.Status == CustomerStatus.Merged) skipped.Add(new SkippedCustomer(id, "merged"));
            else if (c.PoolId is not null) skipped.Add(new SkippedCustomer(id, "in_pool"));
            else items.Add(new ReleaseItem(id, c.OwnerId, request.Reason.Trim()));
        }
        var released = await releaser.ReleaseAsync(pool.Id, items, OwnershipAction.Released, automatic: false, ct);
        var releasedSet = released.ToHashSet();
        skipped.AddRange(items.Where(i => !releasedSet.Contains(i.CustomerId)).Select(i => new SkippedCustomer(i.CustomerId, "changed")));
        return new ManualReleaseResult(released.Count, released, skipped);
    }
}
