using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Auditing;

public enum EntityChangeType { Created = 1, Updated = 2, Deleted = 3 }

/// <summary>One insert, update or delete of a change-tracked entity, written in the same transaction as the change.</summary>
public sealed class EntityChange : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public EntityChangeType ChangeType { get; set; }
    public DateTime ChangedAt { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public List<EntityPropertyChange> PropertyChanges { get; set; } = [];
}

public sealed class EntityPropertyChange : Entity
{
    public Guid EntityChangeId { get; set; }
    public string PropertyName { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
