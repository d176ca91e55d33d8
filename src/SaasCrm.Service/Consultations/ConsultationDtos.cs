using SaasCrm.Service.Tickets;

namespace SaasCrm.Service.Consultations;

/// <param name="Answer">When given, the enquiry is answered at once (status Answered).</param>
public sealed record CreateConsultationRequest(
    string EnquiryTypeCode,
    string Content,
    Guid? CustomerId = null,
    string? ContactName = null,
    string? ContactPhone = null,
    string? ProductCategoryCode = null,
    string? BrandCode = null,
    int Quantity = 1,
    string? Answer = null,
    string? ReplyChannelCode = null);

public sealed record UpdateConsultationRequest(
    string EnquiryTypeCode,
    string Content,
    string ConcurrencyStamp,
    Guid? CustomerId = null,
    string? ContactName = null,
    string? ContactPhone = null,
    string? ProductCategoryCode = null,
    string? BrandCode = null,
    int Quantity = 1);

/// <summary>The agent answers the customer at once (an open consultation), or replies after the department's answer.</summary>
public sealed record AnswerConsultationRequest(string Content, string? ReplyChannelCode = null);

/// <param name="AssigneeId">Who answers; defaults to the department head.</param>
/// <param name="Deadline">When the department must have answered; without one the workflow sets 8 working hours.</param>
public sealed record TransferConsultationRequest(Guid DepartmentId, DateTime? Deadline = null, Guid? AssigneeId = null, string? Note = null);

public sealed record DepartmentAnswerRequest(string Content);

public sealed record ConsultationListItemDto(
    Guid Id, string Number, Guid? CustomerId, string? CustomerName, string? ContactName, string EnquiryTypeCode, string? ProductCategoryCode,
    string? BrandCode, int Quantity, string Content, ConsultationStatus Status, Guid? DepartmentId, string? DepartmentName, Guid? AssigneeId,
    string? AssigneeName, DateTime? Deadline, bool IsOverdue, int EscalationLevel, Guid? CreatedBy, string? CreatedByName, DateTime CreatedAt);

public sealed record ConsultationDto(
    Guid Id, string Number, Guid? CustomerId, string? CustomerName, string? ContactName, string? ContactPhone, string EnquiryTypeCode,
    string? ProductCategoryCode, string? BrandCode, int Quantity, string Content, ConsultationStatus Status,
    Guid? DepartmentId, string? DepartmentName, Guid? AssigneeId, string? AssigneeName, DateTime? Deadline, bool IsOverdue, int EscalationLevel,
    DateTime? TransferredAt, string? DepartmentAnswer, Guid? DepartmentAnsweredBy, string? DepartmentAnsweredByName, DateTime? DepartmentAnsweredAt,
    bool? AnsweredOnTime, string? Answer, string? ReplyChannelCode, Guid? AnsweredBy, string? AnsweredByName, DateTime? AnsweredAt,
    Guid? CreatedBy, string? CreatedByName, DateTime CreatedAt, DateTime? ModifiedAt, string ConcurrencyStamp,
    IReadOnlyList<ServiceHistoryDto> History);

/// <param name="View">"created" (recorded by me), "department" (transferred to my departments), "mine" (assigned to me); empty: all I may see.</param>
/// <param name="Sort">createdAt, number, type, status, deadline; "-" for descending.</param>
public sealed record ConsultationListParameters(
    string? View, ConsultationStatus[]? Status, string[]? Type, string[]? ProductCategory, string[]? Brand, Guid? DepartmentId, Guid? CustomerId,
    bool? Overdue, DateTime? CreatedFrom, DateTime? CreatedTo, string? Search, string? Sort, int? Page, int? PageSize);
