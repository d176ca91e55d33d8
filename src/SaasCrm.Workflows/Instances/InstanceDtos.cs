using SaasCrm.Workflows.Runtime;

namespace SaasCrm.Workflows.Instances;

public sealed record InstanceSummary(Guid Id, Guid DefinitionId, int VersionNumber, string? RecordType, Guid? RecordId, WorkflowInstanceStatus Status,
    string? CurrentStepId, DateTime StartedAt, DateTime? FinishedAt, string? Outcome);

public sealed record BookmarkDto(Guid Id, string StepId, BookmarkKind Kind, string Outcome, string? EventName, DateTime? DueAt, string? BoundField);

public sealed record JournalDto(int Sequence, DateTime At, string? StepId, string? Activity, string Outcome, string? Message);

public sealed record IncidentDto(Guid Id, Guid InstanceId, string StepId, string Error, IncidentStatus Status, DateTime CreatedAt, DateTime? ResolvedAt);

public sealed record InstanceDetail(InstanceSummary Instance, string Variables, IReadOnlyList<BookmarkDto> Bookmarks, IReadOnlyList<JournalDto> Journal, IReadOnlyList<IncidentDto> Incidents);

public sealed record MigrateRequest(int ToVersion);

public sealed record AssignmentDecisionDto(Guid Id, string RecordType, Guid RecordId, Guid? InstanceId, string? StepId, string Strategy, string Candidates,
    Guid? ChosenUserId, Guid? ChosenDepartmentId, string Reason, DateTime At);
