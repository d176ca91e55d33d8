using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Workflows.Conditions;

namespace SaasCrm.Workflows.Activities;

/// <summary>
/// What a step sees while it runs: its properties, the record (a snapshot that follows the step's own changes),
/// variables, the resuming event's data, the clock and services. In a dry run nothing is written: record
/// changes only update the snapshot and side effects are described, not performed.
/// </summary>
public sealed class ActivityContext
{
    public required WorkflowStep Step { get; init; }
    public required Guid InstanceId { get; init; }
    public required Guid DefinitionId { get; init; }
    public required string DefinitionKey { get; init; }
    /// <summary>How often this step completed before in this instance: part of side effects' idempotency keys.</summary>
    public required int Execution { get; init; }
    public required DateTime Now { get; init; }
    public required bool DryRun { get; init; }
    public required FieldCatalog Catalog { get; init; }
    public required IServiceProvider Services { get; init; }
    public IWorkflowRecordType? RecordType { get; init; }
    public Guid? RecordId { get; init; }
    /// <summary>Record values by field name, updated by this instance's own changes.</summary>
    public Dictionary<string, object?> Values { get; init; } = [];
    public WorkflowRecordSnapshot? Record { get; set; }
    public JsonObject Variables { get; init; } = [];
    public IReadOnlyDictionary<string, string?> EventData { get; init; } = new Dictionary<string, string?>();

    public JsonObject Properties => Step.Properties;

    /// <summary>Reads "var.x", "event.x" or a record field.</summary>
    public object? Read(string field)
    {
        if (field.StartsWith("var.", StringComparison.Ordinal))
        {
            var node = Variables[field[4..]];
            if (node is null) return null;
            Catalog.TryResolve(field, out var type, out _);
            return ConditionEvaluator.Normalize(node, type ?? WorkflowFieldType.Text);
        }
        if (field.StartsWith("event.", StringComparison.Ordinal)) return EventData.GetValueOrDefault(field[6..]);
        return Values.GetValueOrDefault(field);
    }

    public bool Evaluate(JsonNode? condition) => ConditionEvaluator.Evaluate(condition, Catalog, Read);

    /// <summary>
    /// Changes the record (tracked, saved with the step) and the snapshot the next steps read. A dry run changes only
    /// the snapshot, so it also runs on sample values without a record.
    /// </summary>
    public async Task ApplyAsync(WorkflowRecordChange change, CancellationToken cancellationToken)
    {
        if (!DryRun)
        {
            if (RecordType is null || RecordId is null)
                throw new Platform.Domain.BusinessException("workflow.no_record", $"Step '{Step.Id}' changes a record but this instance has none.");
            await RecordType.ApplyAsync(RecordId.Value, change, cancellationToken);
        }
        switch (change)
        {
            case SetRecordField f: Values[f.Field] = f.Value; break;
            case SetRecordStatus s: Values["status"] = s.Status; break;
            case AssignRecord a:
                if (a.UserId is not null) Record = Record is null ? null : Record with { AssigneeId = a.UserId };
                if (a.DepartmentId is not null) Record = Record is null ? null : Record with { DepartmentId = a.DepartmentId };
                break;
        }
    }

    /// <summary>now + duration, counting business hours of the record's department calendar when <paramref name="workingTime"/>.</summary>
    public async Task<DateTime> DueAfterAsync(TimeSpan duration, bool workingTime, CancellationToken cancellationToken)
    {
        if (!workingTime) return Now + duration;
        var calendar = Services.GetRequiredService<IBusinessCalendar>();
        return await calendar.AddWorkingTimeAsync(Now, duration, Record?.DepartmentId, cancellationToken);
    }

    public string? Text(string property) => Properties[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public bool Flag(string property) => Properties[property] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public string IdempotencyKey(string purpose) => $"wf:{InstanceId:N}:{Step.Id}:{Execution}:{purpose}";
}
