using SaasCrm.Workflows.Runtime;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Activities;

public sealed class IfActivity : IWorkflowActivity
{
    public string Name => "If";
    public LocalizedText Label { get; } = new("If", "条件判断");
    public IReadOnlyList<ActivityProperty> Properties { get; } =
        [new("condition", "condition", true, new("Condition deciding the branch", "决定分支的条件"))];

    public IReadOnlyList<string> RequiredBranches(WorkflowStep step) => ["true", "false"];

    public void Validate(WorkflowStep step, ValidationScope scope)
    {
        if (scope.Require(step, "condition")) scope.CheckCondition(step.Properties["condition"], "properties.condition");
    }

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult<ActivityResult>(context.Evaluate(context.Properties["condition"])
            ? new BranchResult("true") { Entry = JournalNote.Of("conditionMet") }
            : new BranchResult("false") { Entry = JournalNote.Of("conditionNotMet") });
}
