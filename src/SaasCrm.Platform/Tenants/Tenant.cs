using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Tenants;

/// <summary>A company using the product. Host-side: not itself multi-tenant.</summary>
public sealed class Tenant : Entity, ISoftDelete, IHasConcurrencyStamp, IHasAuditFields, IChangeTracked
{
    /// <summary>Login name, lowercase, unique, immutable (used in subdomains and the X-Tenant header).</summary>
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public string? SuspensionReason { get; set; }
    public DateTime? SuspendedAt { get; set; }
    /// <summary>Null: the shared database. Otherwise the tenant's own database.</summary>
    [NotLogged] public string? ConnectionString { get; set; }
    public Guid? EditionId { get; set; }
    public bool IsDeleted { get; set; }
    [NotLogged] public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
    [NotLogged] public DateTime CreatedAt { get; set; }
    [NotLogged] public Guid? CreatedBy { get; set; }
    [NotLogged] public DateTime? ModifiedAt { get; set; }
    [NotLogged] public Guid? ModifiedBy { get; set; }
}
