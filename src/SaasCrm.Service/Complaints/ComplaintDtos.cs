using System.Text.Json;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Tickets;

namespace SaasCrm.Service.Complaints;

public sealed record CreateComplaintRequest(
    Guid CustomerId,
    string Title,
    string Content,
    string TypeCode,
    string SeverityCode,
    string? ProductCategoryCode = null,
    string? BrandCode = null,
    Guid? ContactId = null,
    string? ContactName = null,
    string? ContactMobile = null,
    string? ContactEmail = null,
    Guid? DepartmentId = null,
    Dictionary<string, JsonElement>? CustomFields = null);

public sealed record UpdateComplaintRequest(
    string Title,
    string Content,
    string TypeCode,
    string SeverityCode,
    string ConcurrencyStamp,
    string? ProductCategoryCode = null,
    string? BrandCode = null,
    Guid? ContactId = null,
    string? ContactName = null,
    string? ContactMobile = null,
    string? ContactEmail = null,
    DateTime? Deadline = null,
    Dictionary<string, JsonElement>? CustomFields = null);

/// <summary>Hands the complaint to the responsible department; the assignee defaults to the department head.</summary>
public sealed record TransferComplaintRequest(Guid DepartmentId, string? Note = null, Guid? AssigneeId = null, DateTime? Deadline = null);

public sealed record ReplyComplaintRequest(string Content);

public sealed record RecordReturnVisitRequest(bool Satisfied, int Rating, string? Comment = null, DateTime? At = null);

/// <param name="Status">ReturnVisitPending, Closed or Reopened (transfers, replies and return visits have their own actions).</param>
public sealed record ChangeComplaintStatusRequest(ComplaintStatus Status, string? Note = null);

public sealed record ComplaintListItemDto(
    Guid Id, string Number, string Title, Guid CustomerId, string? CustomerName, string TypeCode, string SeverityCode, string? ProductCategoryCode, string? BrandCode,
    ComplaintStatus Status, Guid? DepartmentId, string? DepartmentName, Guid? AssigneeId, string? AssigneeName, DateTime? Deadline, bool IsOverdue,
    int Round, int EscalationLevel, int? SatisfactionRating, bool? Satisfied, DateTime CreatedAt, DateTime? ModifiedAt);

public sealed record ComplaintActionDto(
    Guid Id, ComplaintActionKind Kind, int Round, Guid? FromDepartmentId, string? FromDepartmentName, Guid? FromUserId, string? FromUserName,
    Guid? ToDepartmentId, string? ToDepartmentName, string Content, DateTime At, DateTime? Deadline, bool? OnTime);

public sealed record ReturnVisitDto(Guid Id, int Round, Guid VisitorId, string? VisitorName, DateTime At, bool Satisfied, int Rating, string? Comment);

public sealed record ComplaintDto(
    Guid Id, string Number, string Title, string Content, Guid CustomerId, string? CustomerName,
    Guid? ContactId, string? ContactName, string? ContactMobile, string? ContactEmail,
    string TypeCode, string SeverityCode, string? ProductCategoryCode, string? BrandCode, ComplaintStatus Status,
    Guid? DepartmentId, string? DepartmentName, Guid? AssigneeId, string? AssigneeName, DateTime? Deadline, bool IsOverdue,
    int EscalationLevel, int Round, DateTime? LastRepliedAt, DateTime? ClosedAt, int? SatisfactionRating, bool? Satisfied,
    Guid? CreatedBy, string? CreatedByName, DateTime CreatedAt, DateTime? ModifiedAt, string ConcurrencyStamp,
    IReadOnlyList<ComplaintActionDto> Transfers, IReadOnlyList<ComplaintActionDto> Replies, IReadOnlyList<ReturnVisitDto> ReturnVisits,
    IReadOnlyList<ServiceHistoryDto> History, IReadOnlyDictionary<string, object?> CustomFields);

/// <param name="View">"mine" (assigned to me), "department" (my departments are responsible), "created" (recorded by me); empty: all I may see.</param>
/// <param name="Sort">createdAt, number, title, type, severity, status, deadline, round, modifiedAt; "-" for descending.</param>
public sealed record ComplaintListParameters(
    string? View, ComplaintStatus[]? Status, string[]? Type, string[]? Severity, string[]? ProductCategory, string[]? Brand,
    Guid? AssigneeId, Guid? DepartmentId, Guid? CustomerId, bool? Overdue, DateTime? CreatedFrom, DateTime? CreatedTo, string? Search,
    string? Sort, int? Page, int? PageSize);

/// <summary>Complaints created in [From, To) that the caller may see.</summary>
public sealed record ComplaintStatisticsParameters(DateTime? From, DateTime? To);

/// <param name="OnTimeRate">Share of replies made before the deadline (null without replies).</param>
/// <param name="AverageRating">Mean return-visit rating 1–5 (null without visits).</param>
/// <param name="SatisfiedRate">Share of return visits where the customer was satisfied (null without visits).</param>
public sealed record ComplaintStatisticsRow(
    string Key, string? Label, int Count, int Closed, int Open, int Replies, int OnTimeReplies, decimal? OnTimeRate,
    int ReturnVisits, int SatisfiedVisits, decimal? AverageRating, decimal? SatisfiedRate);

public sealed record ComplaintStatisticsDto(
    DateTime? From, DateTime? To, ComplaintStatisticsRow Total,
    IReadOnlyList<ComplaintStatisticsRow> ByType, IReadOnlyList<ComplaintStatisticsRow> ByDepartment, IReadOnlyList<ComplaintStatisticsRow> BySeverity);
