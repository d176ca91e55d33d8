using SaasCrm.Workflows.Runtime;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Activities;

public sealed class WaitUntilActivity : IWorkflowActivity
{
    public string Name => "WaitUntil";
    public LocalizedText Label { get; } = new("Wait until", "等待至");
    public IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("field", "field", false, new("Date field to wait for (follows changes)", "等待的日期字段（随字段变化重新计时）")),
        new("duration", "duration", false, new("ISO 8601 duration (PT4H, P1D)", "ISO 8601 时长（PT4H、P1D）")),
        new("workingTime", "boolean", false, new("Count business hours only", "只计算工作时间")),
    ];

    public bool Waits(WorkflowStep step) => true;

    public void Validate(WorkflowStep step, ValidationScope scope) => Timers.Validate(step.Properties, scope, "properties");

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var (due, field) = await Timers.DueAsync(context.Properties, context, cancellationToken);
        return new WaitResult([new BookmarkRequest("next", DueAt: due, BoundField: field)], $"waiting until {due:O}") { Entry = JournalNote.Of("waitingUntil", ("due", due)) };
    }
}
