namespace SaasCrm.Workflows;

/// <summary>
/// How modules tell the engine what happened to their records. Each call writes an outbox row in the caller's
/// unit of work, so the signal exists if and only if the change committed; the engine starts instances whose
/// trigger matches and resumes instances waiting for the event, after commit, at least once and idempotently.
/// </summary>
public interface IWorkflowSignals
{
    Task RecordCreatedAsync(string recordType, Guid recordId, CancellationToken cancellationToken = default);

    /// <param name="changedFields">Catalogue names of the fields that changed (timers bound to a changed date field are rescheduled).</param>
    Task RecordUpdatedAsync(string recordType, Guid recordId, IReadOnlyCollection<string> changedFields, CancellationToken cancellationToken = default);

    Task StatusChangedAsync(string recordType, Guid recordId, string? fromStatus, string toStatus, CancellationToken cancellationToken = default);

    /// <param name="eventName">One of the record type's <see cref="IWorkflowRecordType.Events"/>.</param>
    /// <param name="data">Values readable as "event.{name}" by the steps after the wait.</param>
    Task EventAsync(string recordType, Guid recordId, string eventName, IReadOnlyDictionary<string, string?>? data = null, CancellationToken cancellationToken = default);
}

/// <summary>Event names shared by the service records and the seeded templates.</summary>
public static class WorkflowEventNames
{
    /// <summary>The responsible department replied (complaint) or the agent answered (ticket).</summary>
    public const string ReplyReceived = "ReplyReceived";
    /// <summary>A return visit recorded satisfaction; data: "satisfied" ("true"/"false"), "rating".</summary>
    public const string ReturnVisitRecorded = "ReturnVisitRecorded";
    /// <summary>An agent claimed the record from a shared queue.</summary>
    public const string Claimed = "Claimed";
    /// <summary>The customer replied (portal or agent on their behalf).</summary>
    public const string CustomerReplied = "CustomerReplied";
    /// <summary>A workflow task was completed; data: "taskId".</summary>
    public const string TaskCompleted = "TaskCompleted";
}
