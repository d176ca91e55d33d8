using SaasCrm.Platform.Domain;

namespace SaasCrm.Customers.Domain;

public enum OwnershipAction { Created, Assigned, Released, Claimed, Returned, HandedOver, Merged, Unmerged, Warned }

/// <summary>One line of a customer's owner and pool history: who had it, who got it, why.</summary>
public sealed class OwnershipRecord : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid CustomerId { get; set; }
    public OwnershipAction Action { get; set; }
    public Guid? FromUserId { get; set; }
    public Guid? ToUserId { get; set; }
    public Guid? PoolId { get; set; }
    public string? Reason { get; set; }
    public DateTime At { get; set; }
    /// <summary>Who did it; null for the system (the daily pool release).</summary>
    public Guid? ByUserId { get; set; }
}

/// <summary>A former owner who keeps access to a customer until a date after a handover (C7).</summary>
public sealed class CustomerCollaborator : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid CustomerId { get; set; }
    public Guid UserId { get; set; }
    public DateTime Until { get; set; }
}
