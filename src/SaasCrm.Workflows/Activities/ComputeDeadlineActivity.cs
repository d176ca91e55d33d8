using SaasCrm.Workflows.Runtime;
using System.Globalization;
using System.Text.Json.Nodes;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Activities;

/// <summary>Sets a date field to now + a duration (fixed, or from a matrix by two fields, e.g. severity × level).</summary>
public sealed class ComputeDeadlineActivity : IWorkflowActivity
{
    public string Name => "ComputeDeadline";
    public LocalizedText Label { get; } = new("Compute deadline", "计算时限");
    public IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("field", "field", true, new("Writable date field (or var.x) receiving the deadline", "接收时限的可写日期字段或变量")),
        new("duration", "duration", false, new("Fixed ISO 8601 duration", "固定时长")),
        new("matrix", "json", false, new("{rowField, columnField, cells:{row:{column:duration}}, default}", "按两个字段取时长的矩阵")),
        new("workingTime", "boolean", false, new("Count business hours only", "只计算工作时间")),
    ];

    public void Validate(WorkflowStep step, ValidationScope scope)
    {
        if (scope.Require(step, "field"))
            scope.CheckField(step.Properties["field"]!.GetValue<string>(), "properties.field", true, WorkflowFieldType.DateTime);
        if (step.Properties["matrix"] is JsonObject matrix)
        {
            scope.CheckField(matrix["rowField"]?.GetValue<string>(), "properties.matrix.rowField");
            scope.CheckField(matrix["columnField"]?.GetValue<string>(), "properties.matrix.columnField");
            scope.CheckDuration(matrix["default"]?.GetValue<string>(), "properties.matrix.default");
            foreach (var (row, columns) in matrix["cells"] as JsonObject ?? [])
            foreach (var (column, duration) in columns as JsonObject ?? [])
                scope.CheckDuration(duration?.GetValue<string>(), $"properties.matrix.cells.{row}.{column}");
        }
        else if (scope.Require(step, "duration"))
        {
            scope.CheckDuration(step.Properties["duration"]!.GetValue<string>(), "properties.duration");
        }
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var text = context.Text("duration");
        if (context.Properties["matrix"] is JsonObject matrix)
        {
            var row = Key(context.Read(matrix["rowField"]?.GetValue<string>() ?? ""));
            var column = Key(matrix["columnField"] is JsonValue c ? context.Read(c.GetValue<string>()) : null);
            text = (matrix["cells"]?[row] is JsonObject cells ? cells[column ?? ""]?.GetValue<string>() ?? cells["*"]?.GetValue<string>() : null)
                   ?? matrix["default"]?.GetValue<string>()
                   ?? throw new Platform.Domain.BusinessException("workflow.no_duration", $"No duration for ({row}, {column}) in step '{context.Step.Id}'.");
        }
        var due = await context.DueAfterAsync(Durations.Parse(text!), context.Flag("workingTime"), cancellationToken);
        var field = context.Text("field")!;
        if (field.StartsWith("var.", StringComparison.Ordinal)) context.Variables[field[4..]] = SetFieldActivity.ToJson(due);
        else await context.ApplyAsync(new SetRecordField(field, due), cancellationToken);
        return new NextResult($"{field} = {due.ToString("O", CultureInfo.InvariantCulture)} ({text})") { Entry = JournalNote.Of("deadlineSet", ("field", field), ("due", due), ("duration", text)) };
    }

    private static string Key(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
