using SaasCrm.Platform.Domain;

namespace SaasCrm.Workflows.Definitions;

/// <summary>A tenant's workflow: a name and its versions. <see cref="Key"/> is stable (templates seed by it).</summary>
public sealed class WorkflowDefinition : AuditedEntity
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Chinese name (seeded templates carry both, like dictionaries); readers fall back to <see cref="Name"/>.</summary>
    public string? NameZh { get; set; }
    public string? Description { get; set; }
    public string? DescriptionZh { get; set; }
    /// <summary>The record type of the trigger, for filtering lists (null for schedule triggers without a record).</summary>
    public string? RecordType { get; set; }
    public string? TemplateKey { get; set; }
}

public enum WorkflowVersionStatus { Draft, Published, Retired }

/// <summary>
/// One version of a definition. A draft is edited in place; publishing freezes it (immutable afterwards). Several
/// published versions may coexist: instances stay on the version they started on, new ones start on the newest.
/// </summary>
public sealed class WorkflowVersion : Entity, IMultiTenant, IHasConcurrencyStamp
{
    public Guid? TenantId { get; private set; }
    public Guid DefinitionId { get; set; }
    public int Number { get; set; }
    public WorkflowVersionStatus Status { get; set; }
    /// <summary>The <see cref="WorkflowDefinitionModel"/> as JSON.</summary>
    public string ModelJson { get; set; } = "{}";
    /// <summary>The <see cref="WorkflowLayout"/> as JSON (graph positions, not logic).</summary>
    public string LayoutJson { get; set; } = "{}";
    /// <summary>Denormalised from the trigger for fast trigger matching.</summary>
    public string TriggerKind { get; set; } = "";
    public string? TriggerRecordType { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? RetiredAt { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}
