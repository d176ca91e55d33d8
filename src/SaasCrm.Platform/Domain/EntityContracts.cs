namespace SaasCrm.Platform.Domain;

/// <summary>A row owned by one tenant. TenantId is stamped by the platform on insert and can never change.</summary>
public interface IMultiTenant
{
    Guid? TenantId { get; }
}

/// <summary>Deleting marks the row; queries hide it unless the filter is disabled on purpose.</summary>
public interface ISoftDelete
{
    bool IsDeleted { get; set; }
}

/// <summary>Optimistic concurrency: every update must present the stamp it read; a stale one gets 409.</summary>
public interface IHasConcurrencyStamp
{
    string ConcurrencyStamp { get; set; }
}

/// <summary>A record owned by a user; the data scope (P5) filters on it.</summary>
public interface IHasOwner
{
    Guid OwnerId { get; }
}

/// <summary>Creation and modification facts, stamped by the platform.</summary>
public interface IHasAuditFields
{
    DateTime CreatedAt { get; set; }
    Guid? CreatedBy { get; set; }
    DateTime? ModifiedAt { get; set; }
    Guid? ModifiedBy { get; set; }
}

/// <summary>Every insert, update and delete of such an entity is kept field by field in the entity change log (P9).</summary>
public interface IChangeTracked;

/// <summary>Properties whose values must never appear in the change log (hashes, secrets).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotLoggedAttribute : Attribute;
