namespace SaasCrm.Platform.Domain;

/// <summary>Convenient base for a tenant's business record: change-logged, soft-deleted, concurrency-stamped.</summary>
public abstract class AuditedEntity : Entity, IMultiTenant, ISoftDelete, IHasConcurrencyStamp, IHasAuditFields, IChangeTracked
{
    public Guid? TenantId { get; private set; }
    public bool IsDeleted { get; set; }
    [NotLogged] public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
    [NotLogged] public DateTime CreatedAt { get; set; }
    [NotLogged] public Guid? CreatedBy { get; set; }
    [NotLogged] public DateTime? ModifiedAt { get; set; }
    [NotLogged] public Guid? ModifiedBy { get; set; }
}
