using SaasCrm.Platform.Domain;

namespace SaasCrm.Service.Consultations;

/// <summary>
/// An enquiry recorded by a store or desk agent (V4): answered at once, or transferred to the responsible department with a
/// deadline; the department answers in the system, the originator is notified and gives the customer the answer.
/// </summary>
public sealed class Consultation : AuditedEntity
{
    public string Number { get; set; } = "";
    /// <summary>Optional: walk-in and phone enquiries often come from people who are not customers yet.</summary>
    public Guid? CustomerId { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string EnquiryTypeCode { get; set; } = "";
    public string? ProductCategoryCode { get; set; }
    public string? BrandCode { get; set; }
    /// <summary>How many enquiries of this kind the entry stands for (the retailer counts calls, not only records).</summary>
    public int Quantity { get; set; } = 1;
    public string Content { get; set; } = "";
    public ConsultationStatus Status { get; set; } = ConsultationStatus.Open;
    /// <summary>The department the enquiry was transferred to.</summary>
    public Guid? DepartmentId { get; set; }
    /// <summary>Who in that department answers (its head unless named).</summary>
    public Guid? AssigneeId { get; set; }
    public DateTime? Deadline { get; set; }
    public int EscalationLevel { get; set; }
    public DateTime? TransferredAt { get; set; }
    public string? DepartmentAnswer { get; set; }
    public Guid? DepartmentAnsweredBy { get; set; }
    public DateTime? DepartmentAnsweredAt { get; set; }
    public bool? AnsweredOnTime { get; set; }
    /// <summary>What the customer was told (at once, or the originator's reply after the department's answer).</summary>
    public string? Answer { get; set; }
    public string? ReplyChannelCode { get; set; }
    public Guid? AnsweredBy { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

public enum ConsultationStatus
{
    /// <summary>Recorded, not answered yet.</summary>
    Open,
    /// <summary>Waiting for the responsible department's answer.</summary>
    Transferred,
    /// <summary>The department answered; the originator still has to reply to the customer.</summary>
    DepartmentAnswered,
    /// <summary>The customer has the answer.</summary>
    Answered,
}
