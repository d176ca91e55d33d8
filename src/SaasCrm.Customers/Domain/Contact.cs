using SaasCrm.Platform.Domain;

namespace SaasCrm.Customers.Domain;

/// <summary>A person at a customer (C2); exactly one customer, one primary contact per customer.</summary>
public sealed class Contact : AuditedEntity
{
    public Guid CustomerId { get; set; }
    public string Name { get; set; } = "";
    public string? Gender { get; set; }
    public string? Title { get; set; }
    public string? Department { get; set; }
    public string? Mobile { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? WeChat { get; set; }
    public string? QQ { get; set; }
    public DateOnly? Birthday { get; set; }
    public string? Remark { get; set; }
    public bool IsPrimary { get; set; }
    [NotLogged] public Guid? ImportBatchId { get; set; }
}
