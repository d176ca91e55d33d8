using SaasCrm.Platform.Events;

namespace SaasCrm.Workflows.Signals;

/// <summary>What happened to a record, carried through the platform outbox to <see cref="WorkflowSignalHandler"/>.</summary>
/// <param name="Kind">recordCreated, recordUpdated, statusChanged or event.</param>
public sealed record WorkflowSignalRaised(
    string Kind,
    string RecordType,
    Guid RecordId,
    IReadOnlyList<string>? ChangedFields = null,
    string? FromStatus = null,
    string? ToStatus = null,
    string? EventName = null,
    IReadOnlyDictionary<string, string?>? Data = null)
{
    /// <summary>The record type of an event of an instance without a record: its waiting step is found by correlation.</summary>
    public const string NoRecord = "";
}

/// <summary>Each call writes an outbox row in the caller's unit of work: the signal exists iff the change commits.</summary>
public sealed class WorkflowSignals(IEventPublisher events) : IWorkflowSignals
{
    public Task RecordCreatedAsync(string recordType, Guid recordId, CancellationToken cancellationToken = default) =>
        events.PublishAsync(new WorkflowSignalRaised("recordCreated", recordType, recordId), cancellationToken);

    public Task RecordUpdatedAsync(string recordType, Guid recordId, IReadOnlyCollection<string> changedFields, CancellationToken cancellationToken = default) =>
        events.PublishAsync(new WorkflowSignalRaised("recordUpdated", recordType, recordId, [.. changedFields]), cancellationToken);

    public Task StatusChangedAsync(string recordType, Guid recordId, string? fromStatus, string toStatus, CancellationToken cancellationToken = default) =>
        events.PublishAsync(new WorkflowSignalRaised("statusChanged", recordType, recordId, FromStatus: fromStatus, ToStatus: toStatus), cancellationToken);

    public Task EventAsync(string recordType, Guid recordId, string eventName, IReadOnlyDictionary<string, string?>? data = null, CancellationToken cancellationToken = default) =>
        events.PublishAsync(new WorkflowSignalRaised("event", recordType, recordId, EventName: eventName, Data: data), cancellationToken);
}
