using System.Text.Json;
using SaasCrm.Service.Domain;

namespace SaasCrm.Service.Tickets;

public sealed record CreateTicketRequest(
    Guid CustomerId,
    string Title,
    string CategoryCode,
    string PriorityCode,
    string? Description = null,
    Guid? ContactId = null,
    string? ContactName = null,
    string? ContactMobile = null,
    string? ContactEmail = null,
    string? RelatedRecordType = null,
    Guid? RelatedRecordId = null,
    Guid? DepartmentId = null,
    Guid? AssigneeId = null,
    IReadOnlyList<Guid>? AttachmentFileIds = null,
    Dictionary<string, JsonElement>? CustomFields = null);

/// <summary>Edits the ticket's details; status, assignee and due times change through their own actions.</summary>
public sealed record UpdateTicketRequest(
    string Title,
    string CategoryCode,
    string PriorityCode,
    string ConcurrencyStamp,
    string? Description = null,
    Guid? ContactId = null,
    string? ContactName = null,
    string? ContactMobile = null,
    string? ContactEmail = null,
    string? RelatedRecordType = null,
    Guid? RelatedRecordId = null,
    Guid? DepartmentId = null,
    Dictionary<string, JsonElement>? CustomFields = null);

/// <param name="Status">InProgress (start, resume, reopen), WaitingForCustomer, Resolved or Closed.</param>
public sealed record ChangeTicketStatusRequest(TicketStatus Status, string? Note = null, string? ConcurrencyStamp = null);

/// <param name="FromCustomer">Recorded by staff on the customer's behalf (a phone call, an e-mail): counts as the customer's reply.</param>
/// <param name="AttachmentFileIds">Files uploaded before (their own uploads) that belong to this comment.</param>
public sealed record AddTicketCommentRequest(string Content, bool IsInternal = false, bool FromCustomer = false, IReadOnlyList<Guid>? AttachmentFileIds = null);

/// <summary>Assigns to a user and/or moves the ticket to a team; a null assignee puts it back in the team queue.</summary>
public sealed record AssignTicketRequest(Guid? AssigneeId, Guid? DepartmentId = null, string? Note = null);

public sealed record RateTicketRequest(int Rating, string? Comment = null);

public sealed record AddTicketAttachmentsRequest(IReadOnlyList<Guid> FileIds);

public sealed record TicketListItemDto(
    Guid Id, string Number, string Title, Guid CustomerId, string? CustomerName, string CategoryCode, string PriorityCode, TicketStatus Status,
    Guid? DepartmentId, string? DepartmentName, Guid? AssigneeId, string? AssigneeName,
    DateTime? ResponseDueAt, DateTime? ResolutionDueAt, DateTime? FirstRespondedAt, bool IsOverdue, int? SatisfactionRating,
    DateTime CreatedAt, DateTime? ModifiedAt);

public sealed record TicketCommentDto(Guid Id, string Content, bool IsInternal, bool FromCustomer, Guid? AuthorId, string? AuthorName, DateTime At);

/// <param name="CommentId">The comment the file came with; null for a file of the ticket itself.</param>
public sealed record TicketAttachmentDto(Guid Id, Guid FileId, string FileName, long Size, Guid? AddedBy, DateTime At, Guid? CommentId = null);

public sealed record ServiceHistoryDto(Guid Id, string Action, string? FromValue, string? ToValue, string? Note, Guid? ByUserId, string? ByUserName, DateTime At);

public sealed record TicketDto(
    Guid Id, string Number, string Title, string? Description, Guid CustomerId, string? CustomerName,
    Guid? ContactId, string? ContactName, string? ContactMobile, string? ContactEmail,
    string? RelatedRecordType, Guid? RelatedRecordId, string CategoryCode, string PriorityCode, TicketStatus Status,
    IReadOnlyList<TicketStatus> AllowedStatuses,
    Guid? DepartmentId, string? DepartmentName, Guid? AssigneeId, string? AssigneeName, DateTime? AssignedAt,
    DateTime? ResponseDueAt, DateTime? ResolutionDueAt, DateTime? FirstRespondedAt, DateTime? WaitingSince, DateTime? ResolvedAt, DateTime? ClosedAt,
    bool IsOverdue, int ReopenCount, int? SatisfactionRating, string? SatisfactionComment, DateTime? RatedAt,
    Guid? CreatedBy, string? CreatedByName, DateTime CreatedAt, DateTime? ModifiedAt, string ConcurrencyStamp,
    IReadOnlyList<TicketCommentDto> Comments, IReadOnlyList<TicketAttachmentDto> Attachments, IReadOnlyList<ServiceHistoryDto> History,
    IReadOnlyDictionary<string, object?> CustomFields);

/// <summary>Query string of the ticket list.</summary>
/// <param name="View">"mine" (assigned to me), "queue" (my teams' unassigned tickets), "created" (created by me); empty: all I may see.</param>
/// <param name="Sort">createdAt, number, title, priority, status, responseDueAt, resolutionDueAt, modifiedAt; "-" for descending.</param>
public sealed record TicketListParameters(
    string? View, TicketStatus[]? Status, string[]? Category, string[]? Priority, Guid? AssigneeId, Guid? DepartmentId, Guid? CustomerId,
    bool? Overdue, DateTime? CreatedFrom, DateTime? CreatedTo, string? Search, string? Sort, int? Page, int? PageSize);
