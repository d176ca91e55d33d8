using SaasCrm.Workflows.Runtime;
using System.Text.Json.Nodes;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Activities;

public sealed class SwitchActivity : IWorkflowActivity
{
    public string Name => "Switch";
    public LocalizedText Label { get; } = new("Switch", "多路分支");
    public IReadOnlyList<ActivityProperty> Properties { get; } =
        [new("cases", "list", true, new("Cases [{name, condition}]; the first match wins, else 'default'", "分支列表 [{name, condition}]，取第一个满足的，否则 default"))];

    public IReadOnlyList<string> RequiredBranches(WorkflowStep step) =>
        [.. Cases(step).Select(c => c.Name).Where(n => n.Length > 0), "default"];

    public void Validate(WorkflowStep step, ValidationScope scope)
    {
        if (!scope.Require(step, "cases")) return;
        var i = 0;
        foreach (var (name, condition) in Cases(step))
        {
            if (name.Length == 0) scope.Error("workflow.missing_property", $"properties.cases[{i}].name", $"Case {i + 1} of step '{step.Id}' needs a name.");
            scope.CheckCondition(condition, $"properties.cases[{i}].condition");
            i++;
        }
    }

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        foreach (var (name, condition) in Cases(context.Step))
            if (context.Evaluate(condition)) return Task.FromResult<ActivityResult>(new BranchResult(name) { Entry = JournalNote.Of("caseMatched", ("case", name)) });
        return Task.FromResult<ActivityResult>(new BranchResult("default") { Entry = JournalNote.Of("noCaseMatched") });
    }

    private static IEnumerable<(string Name, JsonNode? Condition)> Cases(WorkflowStep step) =>
        (step.Properties["cases"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => (c["name"]?.GetValue<string>() ?? "", c["condition"]));
}
