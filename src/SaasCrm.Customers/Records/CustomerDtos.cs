using System.Text.Json;
using SaasCrm.Customers.Domain;

namespace SaasCrm.Customers.Records;

public sealed record CustomerDto(
    Guid Id, CustomerKind Kind, string Name, string? Code,
    string? LevelCode, string? SourceCode, string? IndustryCode,
    string? Province, string? City, string? District, string? Address, double? Latitude, double? Longitude,
    IReadOnlyList<string> Phones, IReadOnlyList<string> Emails, IReadOnlyList<string> Tags,
    string? Website, string? Remark,
    Guid? OwnerId, string? OwnerName, Guid? ServiceRepId, string? ServiceRepName, Guid? PoolId, bool IsLocked,
    DateTime? LastFollowUpAt, DateTime? NextFollowUpAt, DateTime? LastDealAt,
    CustomerStatus Status, Guid? MergedIntoId, DateTime CreatedAt, string ConcurrencyStamp,
    IReadOnlyDictionary<string, object?> CustomFields);

public sealed record CustomerListItem(
    Guid Id, CustomerKind Kind, string Name, string? LevelCode, string? SourceCode, string? IndustryCode,
    string? Province, string? City, IReadOnlyList<string> Phones, IReadOnlyList<string> Tags,
    Guid? OwnerId, string? OwnerName, Guid? ServiceRepId, Guid? PoolId, bool IsLocked,
    DateTime? LastFollowUpAt, DateTime? NextFollowUpAt, DateTime CreatedAt,
    IReadOnlyDictionary<string, object?> CustomFields);

/// <summary>
/// A page of the customer list: keyset cursor for the next page, count capped at 10,000 ("10,000+"). The count
/// comes with the first page only (null on later pages): it is the costly part of a page and does not change by paging.
/// </summary>
public sealed record CustomerPage(IReadOnlyList<CustomerListItem> Items, string? NextCursor, int? Total, bool TotalIsLowerBound);

public record ContactInput
{
    public string Name { get; init; } = "";
    public string? Mobile { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Title { get; init; }
    public string? Gender { get; init; }
    public string? Department { get; init; }
    public string? WeChat { get; init; }
    public string? QQ { get; init; }
    public string? Remark { get; init; }
    public bool IsPrimary { get; init; }
    public Dictionary<string, JsonElement>? CustomFields { get; init; }
}

public record CustomerFields
{
    public CustomerKind Kind { get; init; }
    public string Name { get; init; } = "";
    public string? Code { get; init; }
    public string? LevelCode { get; init; }
    public string? SourceCode { get; init; }
    public string? IndustryCode { get; init; }
    public string? Province { get; init; }
    public string? City { get; init; }
    public string? District { get; init; }
    public string? Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public List<string>? Phones { get; init; }
    public List<string>? Emails { get; init; }
    public List<string>? Tags { get; init; }
    public string? Website { get; init; }
    public string? Remark { get; init; }
    public bool IsLocked { get; init; }
    public Dictionary<string, JsonElement>? CustomFields { get; init; }
}

public sealed record CreateCustomerRequest : CustomerFields
{
    /// <summary>Only with the assign permission; otherwise the creator owns the customer.</summary>
    public Guid? OwnerId { get; init; }
    public Guid? ServiceRepId { get; init; }
    public List<ContactInput>? Contacts { get; init; }
    /// <summary>Why the customer is created although it looks like an existing one; required when duplicates exist.</summary>
    public string? DuplicateReason { get; init; }
}

public sealed record UpdateCustomerRequest : CustomerFields
{
    public string ConcurrencyStamp { get; init; } = "";
}

/// <summary>An existing customer that looks like the one being entered. Name and owner only: the caller may not be allowed to open it.</summary>
public sealed record DuplicateMatch(Guid Id, string Name, Guid? OwnerId, string? OwnerName, bool InPool, IReadOnlyList<string> MatchedOn, bool CanOpen);

public sealed record AssignOwnerRequest(Guid OwnerId, string? Reason = null);
public sealed record SetServiceRepRequest(Guid? ServiceRepId);
public sealed record BulkAssignRequest(List<Guid> CustomerIds, Guid OwnerId, string? Reason = null);
public sealed record BulkTagRequest(List<Guid> CustomerIds, List<string>? Add, List<string>? Remove);
public sealed record BulkResult(int Updated, IReadOnlyList<Guid> Skipped);
