using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Permissions;
using SaasCrm.Workflows.Activities;
using SaasCrm.Workflows.Conditions;

namespace SaasCrm.Workflows.Definitions;

public sealed record ActivityInfo(string Name, LocalizedText Label, IReadOnlyList<ActivityProperty> Properties, bool CanWait);

public sealed record RecordTypeInfo(string Name, LocalizedText DisplayName, IReadOnlyList<WorkflowFieldDefinition> Fields, IReadOnlyList<WorkflowEventDefinition> Events);

public sealed record WorkflowCatalog(IReadOnlyList<ActivityInfo> Activities, IReadOnlyList<RecordTypeInfo> RecordTypes, IReadOnlyList<string> Operators,
    IReadOnlyList<string> TriggerKinds, IReadOnlyList<string> AssignmentStrategies);

internal static class CatalogEndpoints
{
    public static void Map(RouteGroupBuilder wf) =>
        wf.MapGet("/catalog", async (ActivityCatalog activities, WorkflowRecordTypes recordTypes, CancellationToken ct) =>
            {
                var types = new List<RecordTypeInfo>();
                foreach (var type in recordTypes.All.OrderBy(t => t.Name))
                    types.Add(new RecordTypeInfo(type.Name, type.DisplayName, await recordTypes.FieldsAsync(type, ct),
                        [.. type.Events, new WorkflowEventDefinition(WorkflowEventNames.TaskCompleted, new LocalizedText("Workflow task completed", "流程任务已完成"), ["taskId"])]));
                return new WorkflowCatalog(
                    activities.All.Select(a => new ActivityInfo(a.Name, a.Label, a.Properties, a.Name is "WaitForEvent" or "WaitUntil" or "WaitForEventOrTimer" or "CreateTask")).ToList(),
                    types, ConditionOperators.All, WorkflowValidator.TriggerKinds, AssignActivity.Strategies);
            })
            .Produces<WorkflowCatalog>().RequirePermission(WorkflowPermissions.Definitions);
}
