using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;
using SaasCrm.Workflows.Runtime;

namespace SaasCrm.Workflows.Instances;

internal static class InstanceEndpoints
{
    public static void Map(RouteGroupBuilder wf)
    {
        var instances = wf.MapGroup("/instances");
        instances.MapGet("/", (string? recordType, Guid? recordId, Guid? definitionId, WorkflowInstanceStatus? status, string? cursor, int? pageSize,
                    InstanceService s, CancellationToken ct) =>
                s.ListAsync(recordType, recordId, definitionId, status, cursor, pageSize, ct))
            .Produces<KeysetPage<InstanceSummary>>().RequirePermission(WorkflowPermissions.Instances);
        instances.MapGet("/{id:guid}", (Guid id, InstanceService s, CancellationToken ct) => s.GetAsync(id, ct))
            .Produces<InstanceDetail>().RequirePermission(WorkflowPermissions.Instances);
        instances.MapPost("/{id:guid}/migrate", (Guid id, MigrateRequest request, InstanceService s, CancellationToken ct) => s.MigrateAsync(id, request, ct))
            .Produces<InstanceSummary>().RequirePermission(WorkflowPermissions.InstancesManage);
        instances.MapPost("/{id:guid}/cancel", (Guid id, InstanceService s, CancellationToken ct) => s.CancelAsync(id, ct))
            .Produces<InstanceSummary>().RequirePermission(WorkflowPermissions.InstancesManage);

        var incidents = wf.MapGroup("/incidents");
        incidents.MapGet("/", (IncidentStatus? status, InstanceService s, CancellationToken ct) => s.IncidentsAsync(status, ct))
            .Produces<List<IncidentDto>>().RequirePermission(WorkflowPermissions.InstancesManage);
        foreach (var action in new[] { "retry", "skip", "cancel" })
        {
            incidents.MapPost($"/{{id:guid}}/{action}", (Guid id, InstanceService s, ICurrentUser user, CancellationToken ct) => s.ResolveAsync(id, action, user.Id, ct))
                .Produces<IncidentDto>().RequirePermission(WorkflowPermissions.InstancesManage);
        }

        wf.MapGet("/assignments", (string? recordType, Guid? recordId, InstanceService s, CancellationToken ct) => s.AssignmentsAsync(recordType, recordId, ct))
            .Produces<List<AssignmentDecisionDto>>().RequirePermission(WorkflowPermissions.Instances);
    }
}
