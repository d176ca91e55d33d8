using SaasCrm.Platform.Domain;

namespace SaasCrm.Service.Domain;

/// <summary>A service request (work order) of a customer (V1).</summary>
public sealed class Ticket : AuditedEntity, IServiceRecord
{
    /// <summary>Human-friendly number shown to staff and customers, e.g. "T20250101-0007".</summary>
    public string Number { get; set; } = "";
    public Guid CustomerId { get; set; }
    /// <summary>The customer's contact, when picked from the customer's contacts (a reference only; the name and ways to reach are copied below).</summary>
    public Guid? ContactId { get; set; }
    public string? ContactName { get; set; }
    public string? ContactMobile { get; set; }
    public string? ContactEmail { get; set; }
    /// <summary>Related order or contract ("order", "contract") until the sales module provides them.</summary>
    public string? RelatedRecordType { get; set; }
    public Guid? RelatedRecordId { get; set; }
    public string CategoryCode { get; set; } = "";
    public string PriorityCode { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public TicketStatus Status { get; set; } = TicketStatus.New;
    /// <summary>The team whose queue holds the ticket while nobody is assigned.</summary>
    public Guid? DepartmentId { get; set; }
    public Guid? AssigneeId { get; set; }
    public DateTime? AssignedAt { get; set; }
    public DateTime? ResponseDueAt { get; set; }
    public DateTime? ResolutionDueAt { get; set; }
    public DateTime? FirstRespondedAt { get; set; }
    public DateTime? WaitingSince { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int ReopenCount { get; set; }
    public int? SatisfactionRating { get; set; }
    public string? SatisfactionComment { get; set; }
    public DateTime? RatedAt { get; set; }
}

/// <summary>A comment on a ticket: public ones are what the customer sees, internal ones stay with staff.</summary>
public sealed class TicketComment : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid TicketId { get; set; }
    public bool IsInternal { get; set; }
    /// <summary>Written by staff, or recorded by staff on the customer's behalf (counts as the customer's reply).</summary>
    public bool FromCustomer { get; set; }
    public string Content { get; set; } = "";
    public Guid? AuthorId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A file attached to a ticket (kept by the platform's file store).</summary>
public sealed class TicketAttachment : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid TicketId { get; set; }
    /// <summary>Set when the file came with a comment: it is as public as that comment (an internal note's files stay with staff).</summary>
    public Guid? CommentId { get; set; }
    public Guid FileId { get; set; }
    public string FileName { get; set; } = "";
    public long Size { get; set; }
    public Guid? AddedBy { get; set; }
    public DateTime At { get; set; }
}
