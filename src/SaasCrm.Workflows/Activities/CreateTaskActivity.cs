using SaasCrm.Workflows.Runtime;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;
using SaasCrm.Workflows.Tasks;

namespace SaasCrm.Workflows.Activities;

/// <summary>Gives a user a task; with <c>wait</c> the instance waits until the task is completed (TaskCompleted).</summary>
public sealed class CreateTaskActivity : IWorkflowActivity
{
    public string Name => "CreateTask";
    public LocalizedText Label { get; } = new("Create task", "创建任务");
    public IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("title", "localizedText", true, new("Task title {en, zh}", "任务标题 {en, zh}")),
        new("assignee", "text", true, new("Recipient (assignee, departmentHead, user:<id>, role:<name>)", "接收人")),
        new("dueIn", "duration", false, new("Due after this duration", "期限时长")),
        new("workingTime", "boolean", false, new("Count business hours only", "只计算工作时间")),
        new("wait", "boolean", false, new("Wait until the task is completed", "等待任务完成")),
    ];

    public bool Waits(WorkflowStep step) => step.Properties["wait"] is JsonValue v && v.GetValue<bool>();

    public void Validate(WorkflowStep step, ValidationScope scope)
    {
        scope.Require(step, "title");
        if (scope.Require(step, "assignee") && !Recipients.IsValid(step.Properties["assignee"]!.GetValue<string>()))
            scope.Error("workflow.missing_property", "properties.assignee", $"'{step.Properties["assignee"]}' is not a recipient.");
        scope.CheckDuration(step.Properties["dueIn"]?.GetValue<string>(), "properties.dueIn");
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var assignees = await context.Services.GetRequiredService<Recipients>().UsersAsync([context.Text("assignee")!], context, cancellationToken);
        if (assignees.Count == 0)
            throw new Platform.Domain.BusinessException("workflow.no_assignee", $"Step '{context.Step.Id}' found nobody to give the task to.");
        DateTime? due = context.Text("dueIn") is { } dueIn ? await context.DueAfterAsync(Durations.Parse(dueIn), context.Flag("workingTime"), cancellationToken) : null;
        var title = context.Properties["title"];
        var task = new WorkflowTask
        {
            InstanceId = context.InstanceId, StepId = context.Step.Id, RecordType = context.RecordType?.Name, RecordId = context.RecordId,
            TitleEn = title?["en"]?.GetValue<string>() ?? title?.ToString() ?? "", TitleZh = title?["zh"]?.GetValue<string>() ?? title?["en"]?.GetValue<string>() ?? "",
            AssigneeId = assignees[0], DueAt = due, CreatedAt = context.Now,
        };
        if (!context.DryRun) context.Services.GetRequiredService<PlatformDbContext>().Add(task);
        var note = $"task for {task.AssigneeId}";
        var entry = JournalNote.Of("taskCreated", ("userId", task.AssigneeId), ("titleEn", task.TitleEn), ("titleZh", task.TitleZh));
        return Waits(context.Step)
            ? new WaitResult([new BookmarkRequest("next", EventName: WorkflowEventNames.TaskCompleted, Correlation: task.Id.ToString())], note) { Entry = entry }
            : new NextResult(note) { Entry = entry };
    }
}
