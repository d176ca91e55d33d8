using SaasCrm.Workflows.Runtime;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Activities;

public sealed class SetStatusActivity : IWorkflowActivity
{
    public string Name => "SetStatus";
    public LocalizedText Label { get; } = new("Set status", "设置状态");
    public IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("status", "text", true, new("The record's new status", "记录的新状态")),
        new("note", "text", false, new("Note kept with the status change", "状态变更备注")),
    ];

    public void Validate(WorkflowStep step, ValidationScope scope)
    {
        if (!scope.Require(step, "status")) return;
        var status = step.Properties["status"]?.GetValue<string>();
        var field = scope.Catalog.RecordFields.FirstOrDefault(f => f.Type == WorkflowFieldType.Status);
        if (field is null)
            scope.Error("workflow.unknown_field", "properties.status", $"{scope.RecordType?.Name ?? "This record type"} has no status a workflow can set.");
        else if (field.Values is { } values && !values.Contains(status))
            scope.Error("workflow.unknown_field", "properties.status", $"'{status}' is not a status; use one of {string.Join(", ", values)}.");
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var status = context.Text("status")!;
        await context.ApplyAsync(new SetRecordStatus(status, context.Text("note")), cancellationToken);
        return new NextResult($"status → {status}") { Entry = JournalNote.Of("statusSet", ("status", status)) };
    }
}
