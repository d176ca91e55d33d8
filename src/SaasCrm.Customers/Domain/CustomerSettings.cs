using SaasCrm.Platform.Domain;

namespace SaasCrm.Customers.Domain;

/// <summary>A tenant's customer rules that are not per pool; one row per tenant, defaults until an admin saves.</summary>
public sealed class CustomerSettings : Entity, IMultiTenant, IHasConcurrencyStamp
{
    public Guid? TenantId { get; private set; }
    /// <summary>How long after a merge it can still be undone (C8).</summary>
    public int UnmergeDays { get; set; } = 30;
    /// <summary>A check-in farther than this from the customer's coordinates is flagged (C10).</summary>
    public int CheckInMaxDistanceMeters { get; set; } = 1000;
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}
