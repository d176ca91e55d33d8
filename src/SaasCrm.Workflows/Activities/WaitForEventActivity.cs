using SaasCrm.Workflows.Runtime;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Activities;

public sealed class WaitForEventActivity : IWorkflowActivity
{
    public string Name => "WaitForEvent";
    public LocalizedText Label { get; } = new("Wait for event", "等待事件");
    public IReadOnlyList<ActivityProperty> Properties { get; } = [new("event", "event", true, new("Event of the record to wait for", "等待的记录事件"))];

    public bool Waits(WorkflowStep step) => true;

    public void Validate(WorkflowStep step, ValidationScope scope)
    {
        if (scope.Require(step, "event")) scope.CheckEvent(step.Properties["event"]!.GetValue<string>(), "properties.event");
    }

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var name = context.Text("event")!;
        return Task.FromResult<ActivityResult>(new WaitResult([new BookmarkRequest("next", EventName: name)], $"waiting for {name}") { Entry = JournalNote.Of("waitingForEvent", ("event", name)) });
    }
}
