using SaasCrm.Workflows.Runtime;
using System.Globalization;
using System.Text.Json.Nodes;
using SaasCrm.Platform.Permissions;
using SaasCrm.Workflows.Conditions;

namespace SaasCrm.Workflows.Activities;

public sealed class SetFieldActivity : IWorkflowActivity
{
    public string Name => "SetField";
    public LocalizedText Label { get; } = new("Set field", "设置字段");
    public IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("field", "field", true, new("Writable record field or var.x", "可写字段或变量 var.x")),
        new("value", "json", false, new("Value to set", "要设置的值")),
        new("increment", "number", false, new("Amount added to a number", "数字增量")),
        new("fromField", "field", false, new("Copy the value of this field", "复制此字段的值")),
    ];

    public void Validate(WorkflowStep step, ValidationScope scope)
    {
        if (!scope.Require(step, "field")) return;
        scope.CheckField(step.Properties["field"]!.GetValue<string>(), "properties.field", writable: true);
        if (step.Properties["fromField"] is JsonValue from) scope.CheckField(from.GetValue<string>(), "properties.fromField");
        if (!step.Properties.ContainsKey("value") && step.Properties["increment"] is null && step.Properties["fromField"] is null)
            scope.Error("workflow.missing_property", "properties.value", $"Step '{step.Id}' needs 'value', 'increment' or 'fromField'.");
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var field = context.Text("field")!;
        context.Catalog.TryResolve(field, out var type, out _);
        object? value;
        if (context.Properties["increment"] is JsonValue inc)
            value = (context.Read(field) as decimal? ?? 0m) + inc.GetValue<decimal>();
        else if (context.Text("fromField") is { } from)
            value = context.Read(from);
        else
            value = ConditionEvaluator.Normalize(context.Properties["value"], type ?? WorkflowFieldType.Text);

        if (field.StartsWith("var.", StringComparison.Ordinal))
            context.Variables[field[4..]] = ToJson(value);
        else
            await context.ApplyAsync(new SetRecordField(field, value), cancellationToken);
        return new NextResult($"{field} = {Convert.ToString(value, CultureInfo.InvariantCulture)}") { Entry = JournalNote.Of("fieldSet", ("field", field), ("value", value)) };
    }

    internal static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        decimal d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        DateTime dt => JsonValue.Create(dt.ToString("O", CultureInfo.InvariantCulture)),
        Guid g => JsonValue.Create(g.ToString()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
