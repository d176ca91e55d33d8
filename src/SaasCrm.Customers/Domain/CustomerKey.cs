using SaasCrm.Platform.Domain;

namespace SaasCrm.Customers.Domain;

public enum CustomerKeyKind { Name, Phone, Email, Tag }

/// <summary>
/// An indexed lookup value of a customer: normalised name, phone digits, lower-case email or tag. Duplicate
/// checks and tag filters read these rows through the (TenantId, Kind, Value) index instead of scanning customers.
/// </summary>
public sealed class CustomerKey : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid CustomerId { get; set; }
    public CustomerKeyKind Kind { get; set; }
    public string Value { get; set; } = "";
}
