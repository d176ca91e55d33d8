namespace SaasCrm.Customers.Handover;

/// <summary>Narrows the rep's customers: any of the levels and any of the tags (each list empty or null: no restriction).</summary>
public sealed record HandoverFilter(IReadOnlyList<string>? LevelCodes, IReadOnlyList<string>? Tags);

public sealed record StartHandoverRequest(
    Guid FromUserId,
    Guid ToUserId,
    HandoverFilter? Filter,
    IReadOnlyList<Guid>? CustomerIds,
    bool IncludeReminders,
    DateTime? KeepCollaboratorUntil,
    string Reason,
    bool? IncludeOpenRecords = null);

public sealed record HandoverSummaryDto(int CustomersMoved, int RemindersMoved, int CollaboratorsAdded, int Batches);

public sealed record HandoverDto(
    Guid Id,
    Guid FromUserId,
    string? FromUserName,
    Guid ToUserId,
    string? ToUserName,
    HandoverStatus Status,
    int Total,
    int Moved,
    int Percent,
    HandoverSummaryDto Summary,
    HandoverFilter Filter,
    int? CustomerIdCount,
    bool IncludeReminders,
    bool IncludeOpenRecords,
    DateTime? KeepCollaboratorUntil,
    string Reason,
    Guid? RequestedBy,
    DateTime RequestedAt,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    string? Error,
    string ConcurrencyStamp);
