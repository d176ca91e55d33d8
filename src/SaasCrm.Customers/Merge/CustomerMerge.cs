using SaasCrm.Platform.Domain;

namespace SaasCrm.Customers.Merge;

public enum CustomerMergeStatus { Merged, Reverted }

/// <summary>
/// One merge of customers into a survivor (C8), with what it takes to undo it: the survivor's fields before and
/// after (so only fields nobody touched since are put back), the losers' state and each moved record.
/// </summary>
public sealed class CustomerMerge : AuditedEntity
{
    public Guid SurvivorId { get; set; }
    public CustomerMergeStatus Status { get; set; }
    public DateTime MergedAt { get; set; }
    public Guid? MergedBy { get; set; }
    public DateTime? RevertedAt { get; set; }
    public Guid? RevertedBy { get; set; }
    /// <summary>JSON <see cref="CustomerState"/> of the survivor before the merge.</summary>
    [NotLogged] public string SurvivorBefore { get; set; } = "{}";
    /// <summary>JSON <see cref="CustomerState"/> of the survivor right after the merge.</summary>
    [NotLogged] public string SurvivorAfter { get; set; } = "{}";
    /// <summary>JSON: the survivor's custom field rows, before and after, of the fields the merge changed.</summary>
    [NotLogged] public string CustomFieldChanges { get; set; } = "[]";
}

/// <summary>A customer merged away in a merge, with its state at that moment.</summary>
public sealed class CustomerMergeLoser : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid MergeId { get; set; }
    public Guid CustomerId { get; set; }
    /// <summary>JSON <see cref="CustomerState"/> before the merge.</summary>
    public string State { get; set; } = "{}";
}

/// <summary>A record the merge moved from a loser to the survivor: exactly these go back on unmerge.</summary>
public sealed class CustomerMergeItem : Entity, IMultiTenant
{
    public const string Contact = "contact", FollowUp = "follow-up", Reminder = "reminder";

    public Guid? TenantId { get; private set; }
    public Guid MergeId { get; set; }
    public string Kind { get; set; } = "";
    public Guid ItemId { get; set; }
    public Guid FromCustomerId { get; set; }
    /// <summary>A contact that was its customer's primary one (demoted when the survivor had one).</summary>
    public bool WasPrimary { get; set; }
}
