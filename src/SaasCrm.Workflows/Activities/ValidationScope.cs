using System.Text.Json.Nodes;
using SaasCrm.Workflows.Conditions;

namespace SaasCrm.Workflows.Activities;

/// <summary>One problem found in a definition: a stable code, where (path, step) and a message for the designer.</summary>
public sealed record WorkflowValidationError(string Code, string Path, string Message, string? StepId = null);

/// <summary>What a step's validation can check against (field catalogue, events) and where it reports.</summary>
public sealed class ValidationScope(FieldCatalog catalog, IWorkflowRecordType? recordType)
{
    public FieldCatalog Catalog { get; } = catalog;
    public IWorkflowRecordType? RecordType { get; } = recordType;
    public List<WorkflowValidationError> Errors { get; } = [];
    public string? StepId { get; set; }

    private string PathOf(string property) => StepId is null ? property : $"steps.{StepId}.{property}";

    public void Error(string code, string property, string message) => Errors.Add(new(code, PathOf(property), message, StepId));

    public bool Require(WorkflowStep step, string property)
    {
        if (step.Properties[property] is not null) return true;
        Error("workflow.missing_property", $"properties.{property}", $"Step '{step.Id}' ({step.Activity}) needs the property '{property}'.");
        return false;
    }

    public void CheckField(string? name, string property, bool writable = false, params WorkflowFieldType[] types)
    {
        if (string.IsNullOrEmpty(name)) return;
        if (!Catalog.TryResolve(name, out var type, out var dynamic))
        {
            Error("workflow.unknown_field", property, $"'{name}' is not a field of {RecordType?.Name ?? "this workflow"} nor a declared variable.");
            return;
        }
        if (writable && !name.StartsWith("var.", StringComparison.Ordinal) && Catalog.Field(name) is { Writable: false })
            Error("workflow.unknown_field", property, $"'{name}' cannot be written by a workflow.");
        if (!dynamic && types.Length > 0 && type is { } t && !types.Contains(t))
            Error("workflow.unknown_field", property, $"'{name}' is a {t} field; expected {string.Join(" or ", types)}.");
    }

    public void CheckDuration(string? value, string property)
    {
        if (value is null) return;
        if (!Durations.TryParse(value, out _))
            Error("workflow.bad_duration", property, $"'{value}' is not an ISO 8601 duration such as PT4H or P1D.");
    }

    public void CheckEvent(string? name, string property)
    {
        if (string.IsNullOrEmpty(name)) return;
        if (name == WorkflowEventNames.TaskCompleted) return; // raised by the engine's own tasks on any record
        if (RecordType is null || RecordType.Events.All(e => e.Name != name))
            Error("workflow.unknown_event", property, $"'{name}' is not an event of {RecordType?.Name ?? "this workflow"}.");
    }

    /// <summary>Checks the structure, fields and operator/type fit of a condition.</summary>
    public void CheckCondition(JsonNode? node, string property)
    {
        switch (node)
        {
            case null:
                return;
            case JsonObject obj when obj["all"] is JsonArray all:
                for (var i = 0; i < all.Count; i++) CheckCondition(all[i], $"{property}.all[{i}]");
                return;
            case JsonObject obj when obj["any"] is JsonArray any:
                for (var i = 0; i < any.Count; i++) CheckCondition(any[i], $"{property}.any[{i}]");
                return;
            case JsonObject obj when obj.ContainsKey("not"):
                CheckCondition(obj["not"], $"{property}.not");
                return;
            case JsonObject obj when obj["field"] is JsonValue:
                var field = obj["field"]!.GetValue<string>();
                var op = obj["op"]?.GetValue<string>() ?? "eq";
                if (!Catalog.TryResolve(field, out var type, out var dynamic))
                {
                    Error("workflow.unknown_field", $"{property}.field", $"'{field}' is not a field of {RecordType?.Name ?? "this workflow"} nor a declared variable.");
                    return;
                }
                if (!ConditionOperators.All.Contains(op))
                    Error("workflow.bad_operator", $"{property}.op", $"'{op}' is not an operator; use one of {string.Join(", ", ConditionOperators.All)}.");
                else if (!dynamic && !ConditionOperators.Allows(op, type))
                    Error("workflow.bad_operator", $"{property}.op", $"'{op}' does not apply to '{field}', a {type} field.");
                else if ((op is "in" or "notIn") && obj["value"] is not JsonArray)
                    Error("workflow.bad_operator", $"{property}.value", $"'{op}' takes an array of values.");
                return;
            default:
                Error("workflow.bad_operator", property, "A condition is {all:[…]}, {any:[…]}, {not:…} or {field, op, value}.");
                return;
        }
    }
}

/// <summary>ISO 8601 durations (PT4H, P1D, P1DT2H30M).</summary>
public static class Durations
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text[0] != 'P') return false;
        try
        {
            value = System.Xml.XmlConvert.ToTimeSpan(text);
            return value > TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not an ISO 8601 duration.");
}
