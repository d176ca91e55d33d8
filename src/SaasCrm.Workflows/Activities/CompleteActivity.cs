using SaasCrm.Workflows.Runtime;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Activities;

public sealed class CompleteActivity : IWorkflowActivity
{
    public string Name => "Complete";
    public LocalizedText Label { get; } = new("Complete", "结束");
    public IReadOnlyList<ActivityProperty> Properties { get; } =
        [new("outcome", "text", false, new("Outcome recorded on the instance", "记录在实例上的结果"))];

    public void Validate(WorkflowStep step, ValidationScope scope) { }

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult<ActivityResult>(new CompleteResult(context.Text("outcome")) { Entry = JournalNote.Of("ended", ("outcome", context.Text("outcome"))) });
}
