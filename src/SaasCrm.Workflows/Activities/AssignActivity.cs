using SaasCrm.Workflows.Runtime;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Permissions;
using SaasCrm.Workflows.Assignment;

namespace SaasCrm.Workflows.Activities;

/// <summary>Assigns the record (user, departmentHead, roundRobin, leastLoaded, queue); branch "none" when nobody is available.</summary>
public sealed class AssignActivity : IWorkflowActivity
{
    public static readonly string[] Strategies = ["user", "departmentHead", "roundRobin", "leastLoaded", "queue"];

    public string Name => "Assign";
    public LocalizedText Label { get; } = new("Assign", "分配");
    public IReadOnlyList<ActivityProperty> Properties { get; } =
    [
        new("strategy", "text", true, new("user, departmentHead, roundRobin, leastLoaded, queue", "指定人、部门负责人、轮询、最少负载、队列")),
        new("candidates", "json", false, new("{userIds, departmentIds, departmentField, role}", "候选人 {userIds, departmentIds, departmentField, role}")),
        new("routes", "json", false, new("{field, map:{value: candidates}} routing by category or skill", "按字段值路由到候选人")),
        new("skill", "text", false, new("Only agents with this skill", "只分配给具备此技能的坐席")),
        new("capacity", "number", false, new("Least-loaded cap of open items", "最少负载的上限")),
        new("pool", "text", false, new("Round-robin pointer key (default: definition + step)", "轮询指针键")),
        new("userField", "field", false, new("User field naming the assignee (strategy user)", "指定人的用户字段")),
        new("userVariable", "text", false, new("Variable naming the assignee (strategy user)", "指定人的变量")),
    ];

    public void Validate(WorkflowStep step, ValidationScope scope)
    {
        if (!scope.Require(step, "strategy")) return;
        var strategy = step.Properties["strategy"]!.GetValue<string>();
        if (!Strategies.Contains(strategy))
            scope.Error("workflow.missing_property", "properties.strategy", $"'{strategy}' is not a strategy; use one of {string.Join(", ", Strategies)}.");
        scope.CheckField(step.Properties["userField"]?.GetValue<string>(), "properties.userField", false, WorkflowFieldType.User);
        if (step.Properties["routes"] is JsonObject routes) scope.CheckField(routes["field"]?.GetValue<string>(), "properties.routes.field");
        if (step.Properties["candidates"]?["departmentField"]?.GetValue<string>() is { } df)
            scope.CheckField(df, "properties.candidates.departmentField", false, WorkflowFieldType.Department);
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var outcome = await context.Services.GetRequiredService<Assigner>().AssignAsync(context, cancellationToken);
        if (outcome is null)
        {
            var nobody = JournalNote.Of("nobodyAvailable");
            return context.Step.Branches?.ContainsKey("none") == true
                ? new BranchResult("none", "nobody available") { Entry = nobody }
                : new NextResult("nobody available") { Entry = nobody };
        }
        await context.ApplyAsync(new AssignRecord(outcome.UserId, outcome.DepartmentId, outcome.Reason), cancellationToken);
        return new NextResult($"assigned to {outcome.UserId?.ToString() ?? "queue " + outcome.DepartmentId}: {outcome.Reason}")
        {
            Entry = outcome.UserId is { } user
                ? JournalNote.Of("assignedUser", ("userId", user), ("strategy", context.Text("strategy")), ("reason", outcome.Reason))
                : JournalNote.Of("assignedQueue", ("departmentId", outcome.DepartmentId), ("strategy", context.Text("strategy")), ("reason", outcome.Reason)),
        };
    }
}
