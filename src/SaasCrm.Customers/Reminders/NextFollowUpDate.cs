using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Customers.Reminders;

/// <summary>
/// Keeps Customer.NextFollowUpAt equal to the earliest open (pending or fired, not done or cancelled) reminder
/// of the customer, after any reminder change. A derived value: updated in place, not change-logged, and
/// without touching the customer's concurrency stamp so it never conflicts with someone editing the customer.
/// </summary>
public sealed class NextFollowUpDate(PlatformDbContext db, ICurrentTenant tenant)
{
    public async Task RefreshAsync(Guid? customerId, CancellationToken ct)
    {
        if (customerId is not { } id) return;
        var next = await db.Set<Reminder>()
            .Where(r => r.CustomerId == id && (r.Status == ReminderStatus.Pending || r.Status == ReminderStatus.Fired))
            .MinAsync(r => (DateTime?)r.DueAt, ct);
        var tenantId = tenant.Id;
        await db.Set<Customer>().Where(c => c.Id == id && c.TenantId == tenantId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextFollowUpAt, next), ct);
    }
}
