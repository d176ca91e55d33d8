using System.Text.Json.Nodes;

namespace SaasCrm.Workflows.Activities;

/// <summary>A timer given as a record date field ({field}) or a duration ({duration, workingTime}).</summary>
internal static class Timers
{
    public static void Validate(JsonObject? timer, ValidationScope scope, string path)
    {
        if (timer is null) return;
        var field = timer["field"]?.GetValue<string>();
        var duration = timer["duration"]?.GetValue<string>();
        if (field is null && duration is null)
            scope.Error("workflow.missing_property", $"{path}.duration", "A timer needs a date 'field' or a 'duration'.");
        scope.CheckField(field, $"{path}.field", false, WorkflowFieldType.DateTime);
        scope.CheckDuration(duration, $"{path}.duration");
    }

    public static async Task<(DateTime Due, string? Field)> DueAsync(JsonObject timer, ActivityContext context, CancellationToken cancellationToken)
    {
        if (timer["field"]?.GetValue<string>() is { } field)
        {
            var due = context.Read(field) as DateTime?
                ?? throw new Platform.Domain.BusinessException("workflow.timer_field_empty", $"The timer field '{field}' of step '{context.Step.Id}' is empty.");
            return (due, field);
        }
        var duration = Durations.Parse(timer["duration"]!.GetValue<string>());
        var working = timer["workingTime"] is JsonValue w && w.GetValue<bool>();
        return (await context.DueAfterAsync(duration, working, cancellationToken), null);
    }
}
