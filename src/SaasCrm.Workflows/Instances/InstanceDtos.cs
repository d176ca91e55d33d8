using SaasCrm.Workflows.Runtime;

namespace SaasCrm.Workflows.Instances;

/// <param name="RecordTitle">How the record reads ("T20261123-0001 空调不制冷"); null when it is gone.</param>
/// <param name="RecordTypeName">The record type's display name (English), <paramref name="RecordTypeNameZh"/> the Chinese one; null for a schedule's instance or a type no longer registered.</param>
/// <param name="CurrentStepName">The current step's title in the instance's version (English), <paramref name="CurrentStepNameZh"/> the Chinese one.</param>
public sealed record InstanceSummary(Guid Id, Guid DefinitionId, string DefinitionName, string? DefinitionNameZh, int VersionNumber,
    string? RecordType, string? RecordTypeName, string? RecordTypeNameZh, Guid? RecordId, string? RecordTitle, WorkflowInstanceStatus Status,
    string? CurrentStepId, string? CurrentStepName, string? CurrentStepNameZh, DateTime StartedAt, DateTime? FinishedAt, string? Outcome);

/// <param name="StepName">The waiting step's title in the instance's version (English), <paramref name="StepNameZh"/> the Chinese one.</param>
public sealed record BookmarkDto(Guid Id, string StepId, string? StepName, string? StepNameZh, BookmarkKind Kind, string Outcome, string? EventName, DateTime? DueAt, string? BoundField);

/// <param name="StepName">The step's title in the instance's version (English), <paramref name="StepNameZh"/> the Chinese one.</param>
/// <param name="Message">Stored English text: what rows written before <paramref name="Code"/> existed show.</param>
/// <param name="Code">Message code (UI key workflows.journal.codes.*), null on old rows.</param>
/// <param name="Args">The code's arguments; ids are resolved: <c>userId</c> adds <c>user</c>, <c>departmentId</c> adds <c>department</c> (names).</param>
public sealed record JournalDto(int Sequence, DateTime At, string? StepId, string? StepName, string? StepNameZh, string? Activity, string Outcome, string? Message,
    string? Code, IReadOnlyDictionary<string, string?> Args);

/// <param name="StepName">The failed step's title in the instance's version (English), <paramref name="StepNameZh"/> the Chinese one.</param>
public sealed record IncidentDto(Guid Id, Guid InstanceId, string StepId, string? StepName, string? StepNameZh, string Error, IncidentStatus Status, DateTime CreatedAt, DateTime? ResolvedAt);

public sealed record InstanceDetail(InstanceSummary Instance, string Variables, IReadOnlyList<BookmarkDto> Bookmarks, IReadOnlyList<JournalDto> Journal, IReadOnlyList<IncidentDto> Incidents);

public sealed record MigrateRequest(int ToVersion);

/// <param name="Reason">English text (what rows written before <paramref name="ReasonCode"/> show).</param>
/// <param name="ReasonCode">UI key workflows.assignmentReason.{code}, with <paramref name="ReasonArgs"/> as its values; a named <c>pool</c> that is a team or a dictionary value adds <c>poolName</c> / <c>poolNameZh</c>.</param>
public sealed record AssignmentDecisionDto(Guid Id, string RecordType, Guid RecordId, Guid? InstanceId, string? StepId, string Strategy, string Candidates,
    Guid? ChosenUserId, Guid? ChosenDepartmentId, string Reason, DateTime At, string? ReasonCode, IReadOnlyDictionary<string, string?> ReasonArgs);
