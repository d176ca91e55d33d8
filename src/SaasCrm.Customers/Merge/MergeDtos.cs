namespace SaasCrm.Customers.Merge;

public sealed record MergePreviewRequest(Guid SurvivorId, IReadOnlyList<Guid> LoserIds);

/// <param name="FieldChoices">Field name ("levelCode", or "customFields.budget" for a custom field) → the customer whose value the survivor takes. Fields not named keep the survivor's value, or the first loser's when the survivor has none.</param>
/// <param name="ConcurrencyStamps">Customer id → the stamp read (for the survivor and every loser).</param>
public sealed record MergeRequest(
    Guid SurvivorId,
    IReadOnlyList<Guid> LoserIds,
    IReadOnlyDictionary<string, Guid>? FieldChoices,
    IReadOnlyDictionary<Guid, string> ConcurrencyStamps);

public sealed record MergeCustomerDto(Guid Id, string Name, Guid? OwnerId, string? LevelCode, bool IsSurvivor, string ConcurrencyStamp);

public sealed record MergeValueDto(Guid CustomerId, object? Value);

/// <param name="SuggestedSourceId">The customer whose value the survivor keeps unless chosen otherwise.</param>
public sealed record MergeConflictDto(string Field, string LabelEn, string LabelZh, bool IsCustomField, Guid SuggestedSourceId, IReadOnlyList<MergeValueDto> Values);

public sealed record MergeUnitedDto(IReadOnlyList<string> Phones, IReadOnlyList<string> Emails, IReadOnlyList<string> Tags);

public sealed record MergeMoveCountDto(string Kind, string LabelEn, string LabelZh, int Count);

public sealed record MergePreviewDto(
    Guid SurvivorId,
    IReadOnlyList<MergeCustomerDto> Customers,
    IReadOnlyList<MergeConflictDto> Conflicts,
    MergeUnitedDto United,
    IReadOnlyList<MergeMoveCountDto> Moves);

public sealed record MergedLoserDto(Guid Id, string Name);

public sealed record CustomerMergeDto(
    Guid Id,
    Guid SurvivorId,
    string SurvivorName,
    IReadOnlyList<MergedLoserDto> Losers,
    CustomerMergeStatus Status,
    DateTime MergedAt,
    Guid? MergedBy,
    DateTime? RevertedAt,
    Guid? RevertedBy,
    DateTime UnmergeableUntil,
    bool CanUnmerge,
    IReadOnlyList<MergeMoveCountDto> Moved,
    string ConcurrencyStamp);
