using SaasCrm.Platform.Domain;

namespace SaasCrm.Service.Domain;

/// <summary>
/// The record's own history beside the field change log: status changes, assignments, claims, escalations and
/// SLA clock stops, by whom (a user, or a workflow when <see cref="ByUserId"/> is null) and why.
/// </summary>
public sealed class ServiceHistory : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string RecordType { get; set; } = "";
    public Guid RecordId { get; set; }
    /// <summary>"created", "status", "assigned", "claimed", "field", "transferred", "replied", "returnVisit", "rated", "handover", "merge".</summary>
    public string Action { get; set; } = "";
    public string? FromValue { get; set; }
    public string? ToValue { get; set; }
    public string? Note { get; set; }
    public Guid? ByUserId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>Which service record (ticket, complaint, consultation, return) a customer merge moved from which customer, so undoing the merge moves exactly those back.</summary>
public sealed class ServiceMergeMove : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid MergeId { get; set; }
    public string RecordType { get; set; } = "";
    public Guid RecordId { get; set; }
    public Guid FromCustomerId { get; set; }
    public Guid ToCustomerId { get; set; }
}
