using SaasCrm.Workflows.Runtime;
using System.Text.Json.Nodes;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Activities;

/// <summary>Waits for an event or a deadline, whichever comes first; the other is consumed with it (exactly one branch).</summary>
public sealed class WaitForEventOrTimerActivity : IWorkflowActivity
{
    public string Name => "WaitForEventOrTimer";
    public LocalizedText Label { get; } = new("Wait for event or timer", "等待事件或超时");
    public IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("event", "event", true, new("Event of the record to wait for", "等待的记录事件")),
        new("timer", "json", true, new("{field} or {duration, workingTime}", "{field} 或 {duration, workingTime}")),
    ];

    public IReadOnlyList<string> RequiredBranches(WorkflowStep step) => ["event", "timer"];

    public bool Waits(WorkflowStep step) => true;

    public void Validate(WorkflowStep step, ValidationScope scope)
    {
        if (scope.Require(step, "event")) scope.CheckEvent(step.Properties["event"]!.GetValue<string>(), "properties.event");
        if (scope.Require(step, "timer")) Timers.Validate(step.Properties["timer"] as JsonObject, scope, "properties.timer");
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var name = context.Text("event")!;
        var (due, field) = await Timers.DueAsync((JsonObject)context.Properties["timer"]!, context, cancellationToken);
        return new WaitResult(
            [new BookmarkRequest("event", EventName: name), new BookmarkRequest("timer", DueAt: due, BoundField: field)],
            $"waiting for {name} until {due:O}") { Entry = JournalNote.Of("waitingForEventOrTimer", ("event", name), ("due", due)) };
    }
}
