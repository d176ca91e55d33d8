using SaasCrm.Service.Tickets;

namespace SaasCrm.Service.Returns;

/// <summary>Create (and with <paramref name="Submit"/> submit for approval at once) or update an entry; the kind decides the required fields.</summary>
/// <param name="ConcurrencyStamp">Required on update.</param>
public sealed record ReturnEntryRequest(
    ReturnKind Kind,
    Guid? DepartmentId = null,
    Guid? CustomerId = null,
    string? CustomerName = null,
    string? CustomerPhone = null,
    string? Address = null,
    string? OrderNumber = null,
    string? ProductCode = null,
    string? ProductName = null,
    string? ProductCategoryCode = null,
    string? BrandCode = null,
    int? Quantity = null,
    decimal? Amount = null,
    string? CurrencyCode = null,
    DateTime? PurchaseDate = null,
    string? PickupMethodCode = null,
    string? ResultCode = null,
    string? ReasonCode = null,
    string? CoordinationMatter = null,
    string? Remark = null,
    bool Submit = false,
    string? ConcurrencyStamp = null);

public sealed record ReturnDecisionRequest(string? Note = null);

public sealed record ReturnListItemDto(
    Guid Id, string Number, ReturnKind Kind, ReturnStatus Status, Guid? CustomerId, string? CustomerName, string? OrderNumber, string? ProductCategoryCode,
    string? BrandCode, string? ReasonCode, int? Quantity, decimal? Amount, string CurrencyCode, Guid? DepartmentId, string? DepartmentName,
    Guid? ApproverId, string? ApproverName, Guid? CreatedBy, string? CreatedByName, DateTime CreatedAt);

public sealed record ReturnDto(
    Guid Id, string Number, ReturnKind Kind, ReturnStatus Status, Guid? CustomerId, string? CustomerName, string? CustomerPhone, string? Address,
    string? OrderNumber, string? ProductCode, string? ProductName, string? ProductCategoryCode, string? BrandCode, int? Quantity, decimal? Amount,
    string CurrencyCode, DateTime? PurchaseDate, string? PickupMethodCode, string? ResultCode, string? ReasonCode, string? CoordinationMatter, string? Remark,
    Guid? DepartmentId, string? DepartmentName, Guid? ApproverId, string? ApproverName, DateTime? SubmittedAt, Guid? DecidedBy, string? DecidedByName,
    DateTime? DecidedAt, string? DecisionNote, DateTime? CompletedAt, Guid? CreatedBy, string? CreatedByName, DateTime CreatedAt, DateTime? ModifiedAt,
    string ConcurrencyStamp, bool CanApprove, IReadOnlyList<ServiceHistoryDto> History);

/// <param name="View">"created" (recorded by me), "approval" (waiting for my approval), "department" (my departments); empty: all I may see.</param>
/// <param name="Sort">createdAt, number, kind, status, amount; "-" for descending.</param>
public sealed record ReturnListParameters(
    string? View, ReturnKind[]? Kind, ReturnStatus[]? Status, string[]? Reason, Guid? DepartmentId, Guid? CustomerId, DateTime? CreatedFrom,
    DateTime? CreatedTo, string? Search, string? Sort, int? Page, int? PageSize);
