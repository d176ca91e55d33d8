using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers.Handover;

/// <summary>
/// The customers a handover still has to move: active, owned by the previous owner, matching the filter. Moved
/// customers drop out by themselves (their owner changed), which is what makes the job resumable and idempotent.
/// </summary>
internal static class HandoverSelection
{
    public static IQueryable<Customer> Remaining(PlatformDbContext db, Guid? tenantId, CustomerHandover handover)
    {
        var from = handover.FromUserId;
        var query = db.Set<Customer>().Where(c => c.TenantId == tenantId && c.Status == CustomerStatus.Active && c.OwnerId == from);
        if (handover.LevelCodes.Count > 0)
        {
            var levels = handover.LevelCodes;
            query = query.Where(c => c.LevelCode != null && levels.Contains(c.LevelCode));
        }
        if (handover.Tags.Count > 0)
        {
            var tags = handover.Tags;
            var tagged = db.Set<CustomerKey>().Where(k => k.TenantId == tenantId && k.Kind == CustomerKeyKind.Tag && tags.Contains(k.Value)).Select(k => k.CustomerId);
            query = query.Where(c => tagged.Contains(c.Id));
        }
        if (handover.CustomerIds is { } ids)
        {
            query = query.Where(c => ids.Contains(c.Id));
        }
        return query;
    }
}
