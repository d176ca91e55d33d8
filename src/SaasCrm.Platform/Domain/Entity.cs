namespace SaasCrm.Platform.Domain;

/// <summary>Base of every entity: a client-generated, time-ordered key, so audit and outbox rows can refer to it before the insert.</summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
}
