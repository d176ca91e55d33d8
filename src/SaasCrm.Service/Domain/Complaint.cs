using SaasCrm.Platform.Domain;

namespace SaasCrm.Service.Domain;

/// <summary>A customer complaint (V3): transferred to the responsible department, replied within a deadline, closed by a satisfied return visit.</summary>
public sealed class Complaint : AuditedEntity, IServiceRecord
{
    public string Number { get; set; } = "";
    public Guid CustomerId { get; set; }
    public Guid? ContactId { get; set; }
    public string? ContactName { get; set; }
    public string? ContactMobile { get; set; }
    public string? ContactEmail { get; set; }
    public string TypeCode { get; set; } = "";
    public string SeverityCode { get; set; } = "";
    public string? ProductCategoryCode { get; set; }
    public string? BrandCode { get; set; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public ComplaintStatus Status { get; set; } = ComplaintStatus.New;
    /// <summary>The responsible department; its head is normally the assignee.</summary>
    public Guid? DepartmentId { get; set; }
    public Guid? AssigneeId { get; set; }
    /// <summary>When the responsible department must have replied (set by the workflow from type × severity, or by hand).</summary>
    public DateTime? Deadline { get; set; }
    public int EscalationLevel { get; set; }
    /// <summary>1 for the first handling; each unsatisfied return visit starts the next round.</summary>
    public int Round { get; set; } = 1;
    public DateTime? LastRepliedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>Rating of the latest return visit (1–5) and whether the customer was satisfied.</summary>
    public int? SatisfactionRating { get; set; }
    public bool? Satisfied { get; set; }
}

public enum ComplaintActionKind { Transfer, Reply }

/// <summary>One hand-over of a complaint to a department, or a department's reply; replies record whether they came in time.</summary>
public sealed class ComplaintAction : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid ComplaintId { get; set; }
    public ComplaintActionKind Kind { get; set; }
    public int Round { get; set; }
    public Guid? FromDepartmentId { get; set; }
    public Guid? FromUserId { get; set; }
    public Guid? ToDepartmentId { get; set; }
    public string Content { get; set; } = "";
    public DateTime At { get; set; }
    /// <summary>The deadline the reply was measured against (null when none was set).</summary>
    public DateTime? Deadline { get; set; }
    /// <summary>Replies: whether they came before the deadline (true when there was no deadline).</summary>
    public bool? OnTime { get; set; }
}

/// <summary>A call back to the customer after a reply: satisfied closes the complaint, unsatisfied reopens it.</summary>
public sealed class ReturnVisit : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid ComplaintId { get; set; }
    public int Round { get; set; }
    public Guid VisitorId { get; set; }
    public DateTime At { get; set; }
    public bool Satisfied { get; set; }
    public int Rating { get; set; }
    public string? Comment { get; set; }
}
