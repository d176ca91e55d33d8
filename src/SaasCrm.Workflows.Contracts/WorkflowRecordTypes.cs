using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows;

/// <summary>
/// A kind of record workflows run on (ticket, complaint, lead, customer), registered by the module that owns
/// it with <c>services.AddWorkflowRecordType&lt;T&gt;()</c>. The engine reads records and changes them only
/// through this contract. Changes are made on the scoped PlatformDbContext and NOT saved: the engine saves
/// them together with the instance's new state, bookmarks, jobs and outbox rows in one transaction.
/// </summary>
public interface IWorkflowRecordType
{
    /// <summary>Stable name used in definitions and signals, e.g. "complaint".</summary>
    string Name { get; }
    LocalizedText DisplayName { get; }

    /// <summary>Custom fields of this entity type join the field catalogue as "cf.{name}"; null when it has none.</summary>
    string? CustomFieldEntityType { get; }

    /// <summary>The whitelisted, typed fields conditions may read and SetField may write (status included).</summary>
    IReadOnlyList<WorkflowFieldDefinition> Fields { get; }

    /// <summary>Events the record raises through <see cref="IWorkflowSignals.EventAsync"/>, for WaitForEvent steps and event triggers.</summary>
    IReadOnlyList<WorkflowEventDefinition> Events { get; }

    /// <summary>The record's current values (custom fields as "cf.{name}"), or null when it no longer exists.</summary>
    Task<WorkflowRecordSnapshot?> LoadAsync(Guid recordId, CancellationToken cancellationToken);

    /// <summary>Whether the current user may see the record (its data scope); instances and journals follow it.</summary>
    Task<bool> IsVisibleAsync(Guid recordId, CancellationToken cancellationToken);

    /// <summary>Applies a change to the tracked record without saving; throws BusinessException when the change is not allowed.</summary>
    Task ApplyAsync(Guid recordId, WorkflowRecordChange change, CancellationToken cancellationToken);

    /// <summary>Open records of this type currently assigned to each user, for least-loaded assignment.</summary>
    Task<IReadOnlyDictionary<Guid, int>> CountOpenAssignedAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>How these records read in a list of instances ("T20261123-0001 空调不制冷"); ids no longer found are left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, string>>(new Dictionary<Guid, string>());
}

public enum WorkflowFieldType { Text, Number, Boolean, DateTime, Dictionary, User, Department, Status }

/// <param name="Name">Field name in conditions ("severity", "cf.region").</param>
/// <param name="DictionaryType">For <see cref="WorkflowFieldType.Dictionary"/>: the dictionary whose codes are the values.</param>
/// <param name="Values">For <see cref="WorkflowFieldType.Status"/>: the allowed statuses.</param>
/// <param name="Writable">Whether SetField / ComputeDeadline may write it.</param>
public sealed record WorkflowFieldDefinition(
    string Name,
    WorkflowFieldType Type,
    LocalizedText Label,
    string? DictionaryType = null,
    IReadOnlyList<string>? Values = null,
    bool Writable = false);

/// <param name="Name">e.g. "ReplyReceived".</param>
/// <param name="DataFields">Names of the values the event carries (usable as "event.{name}" in conditions).</param>
public sealed record WorkflowEventDefinition(string Name, LocalizedText Label, IReadOnlyList<string>? DataFields = null);

/// <summary>
/// A record as the engine sees it. <see cref="Values"/> holds every catalogue field by name, typed as
/// string (text, dictionary code, status), decimal (number), bool, DateTime (UTC) or Guid (user, department).
/// </summary>
public sealed record WorkflowRecordSnapshot(
    Guid Id,
    string Title,
    IReadOnlyDictionary<string, object?> Values,
    Guid? AssigneeId,
    Guid? DepartmentId,
    Guid? CustomerId,
    WorkflowContactPoint? Customer);

/// <summary>How the record's customer is reached by Notify steps whose recipient is "customer".</summary>
public sealed record WorkflowContactPoint(string Name, string? Email, string? Mobile);

/// <summary>A change a step makes to its record.</summary>
public abstract record WorkflowRecordChange;

public sealed record SetRecordField(string Field, object? Value) : WorkflowRecordChange;

public sealed record SetRecordStatus(string Status, string? Note) : WorkflowRecordChange;

/// <summary>Assigns the record to a user and/or department; <see cref="Reason"/> is kept with the record's history.</summary>
public sealed record AssignRecord(Guid? UserId, Guid? DepartmentId, string Reason) : WorkflowRecordChange;
