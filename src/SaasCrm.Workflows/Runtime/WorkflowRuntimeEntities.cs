using SaasCrm.Platform.Domain;

namespace SaasCrm.Workflows.Runtime;

public enum WorkflowInstanceStatus { Running, Waiting, Completed, Faulted, Cancelled }

/// <summary>
/// A running workflow on one record. <see cref="Version"/> is the concurrency token: every step, resume, migration
/// and admin action increments it, so two actors racing on one instance never both win.
/// </summary>
public sealed class WorkflowInstance : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid DefinitionId { get; set; }
    public Guid VersionId { get; set; }
    public int VersionNumber { get; set; }
    public string? RecordType { get; set; }
    public Guid? RecordId { get; set; }
    public WorkflowInstanceStatus Status { get; set; }
    public string? CurrentStepId { get; set; }
    public string VariablesJson { get; set; } = "{}";
    /// <summary>Data of the event that last resumed the instance ("event.*" in conditions).</summary>
    public string EventDataJson { get; set; } = "{}";
    /// <summary>How often each step has completed (step id → count): idempotency keys of side effects use it.</summary>
    public string StepCountsJson { get; set; } = "{}";
    /// <summary>What started it (signal event id, schedule occurrence): unique per definition, so a redelivery never starts two.</summary>
    public string StartKey { get; set; } = "";
    public string? Outcome { get; set; }
    public int Version { get; set; }
    public int JournalSequence { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

public enum BookmarkKind { Event, Timer }

/// <summary>What a waiting instance waits for. Consumed (deleted) in the transaction that resumes the instance.</summary>
public sealed class WorkflowBookmark : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid InstanceId { get; set; }
    public string StepId { get; set; } = "";
    public BookmarkKind Kind { get; set; }
    /// <summary>The branch taken on resume: "next" or a branch name ("event", "timer").</summary>
    public string Outcome { get; set; } = "next";
    public string? RecordType { get; set; }
    public Guid? RecordId { get; set; }
    public string? EventName { get; set; }
    /// <summary>Narrows an event (TaskCompleted → the task id).</summary>
    public string? Correlation { get; set; }
    public DateTime? DueAt { get; set; }
    /// <summary>The record date field the timer follows; a change of it reschedules the timer.</summary>
    public string? BoundField { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One line of an instance's execution history.</summary>
public sealed class WorkflowJournalEntry : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid InstanceId { get; set; }
    public int Sequence { get; set; }
    public DateTime At { get; set; }
    public string? StepId { get; set; }
    public string? Activity { get; set; }
    /// <summary>started, completed, branch name, waiting, resumed, failed, migrated, skipped, cancelled.</summary>
    public string Outcome { get; set; } = "";
    /// <summary>English text; what old rows (before <see cref="Code"/>) show.</summary>
    public string? Message { get; set; }
    /// <summary>Message code (workflows.journal.codes.*) the UI translates; null on old rows.</summary>
    public string? Code { get; set; }
    /// <summary>The code's arguments as a JSON object of strings.</summary>
    public string? ArgsJson { get; set; }
}

public enum IncidentStatus { Open, Retried, Skipped, Cancelled }

/// <summary>A step that failed after its retries; the instance is Faulted until an admin retries, skips or cancels.</summary>
public sealed class WorkflowIncident : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid InstanceId { get; set; }
    public string StepId { get; set; } = "";
    public string Error { get; set; } = "";
    public IncidentStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public Guid? ResolvedBy { get; set; }
}

/// <summary>Signals already handled (outbox event id), so a redelivered signal changes nothing.</summary>
public sealed class WorkflowProcessedSignal : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid SignalId { get; set; }
    public DateTime At { get; set; }
}
