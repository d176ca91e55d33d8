using SaasCrm.Workflows.Runtime;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Activities;

/// <summary>Raises the escalation level (field or variable) and hands the record to the parent department; stops at maxLevel.</summary>
public sealed class EscalateActivity : IWorkflowActivity
{
    public string Name => "Escalate";
    public LocalizedText Label { get; } = new("Escalate", "升级");
    public IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("maxLevel", "number", true, new("Highest escalation level", "最高升级级别")),
        new("levelField", "field", false, new("Writable number field holding the level", "保存级别的可写数字字段")),
        new("levelVariable", "text", false, new("Variable holding the level", "保存级别的变量")),
        new("departmentField", "field", false, new("Department field moved to the parent department", "升级到上级部门的部门字段")),
    ];

    public IReadOnlyList<string> RequiredBranches(WorkflowStep step) => ["escalated", "maxReached"];

    public void Validate(WorkflowStep step, ValidationScope scope)
    {
        scope.Require(step, "maxLevel");
        var field = step.Properties["levelField"]?.GetValue<string>();
        var variable = step.Properties["levelVariable"]?.GetValue<string>();
        if (field is null && variable is null)
            scope.Error("workflow.missing_property", "properties.levelField", $"Step '{step.Id}' needs 'levelField' or 'levelVariable'.");
        scope.CheckField(field, "properties.levelField", true, WorkflowFieldType.Number);
        if (variable is not null) scope.CheckField("var." + variable, "properties.levelVariable", false, WorkflowFieldType.Number);
        scope.CheckField(step.Properties["departmentField"]?.GetValue<string>(), "properties.departmentField", false, WorkflowFieldType.Department);
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var max = context.Properties["maxLevel"]!.GetValue<int>();
        var field = context.Text("levelField") ?? "var." + context.Text("levelVariable");
        var level = context.Read(field) as decimal? ?? 0m;
        if (level >= max) return new BranchResult("maxReached", $"level {level} is the highest ({max})") { Entry = JournalNote.Of("escalationMaxReached", ("level", level), ("max", max)) };

        var next = level + 1;
        if (field.StartsWith("var.", StringComparison.Ordinal)) context.Variables[field[4..]] = JsonValue.Create(next);
        else await context.ApplyAsync(new SetRecordField(field, next), cancellationToken);

        Guid? parent = null;
        if (context.Text("departmentField") is { } deptField && context.Read(deptField) is Guid department)
        {
            var db = context.Services.GetRequiredService<PlatformDbContext>();
            parent = await db.Departments.Where(d => d.Id == department).Select(d => d.ParentId).FirstOrDefaultAsync(cancellationToken);
            if (parent is not null) await context.ApplyAsync(new AssignRecord(null, parent, $"Escalated to level {next}"), cancellationToken);
        }
        return new BranchResult("escalated", $"level {level} → {next}")
        {
            Entry = parent is null
                ? JournalNote.Of("escalated", ("from", level), ("to", next))
                : JournalNote.Of("escalatedTo", ("from", level), ("to", next), ("departmentId", parent)),
        };
    }
}
