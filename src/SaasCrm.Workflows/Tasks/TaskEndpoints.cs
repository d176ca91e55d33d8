using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;
using SaasCrm.Workflows.Signals;

namespace SaasCrm.Workflows.Tasks;

public sealed record WorkflowTaskDto(Guid Id, Guid InstanceId, string StepId, string? RecordType, Guid? RecordId, string TitleEn, string TitleZh,
    DateTime? DueAt, WorkflowTaskStatus Status, DateTime CreatedAt, DateTime? CompletedAt);

internal static class TaskEndpoints
{
    public static void Map(RouteGroupBuilder wf)
    {
        var tasks = wf.MapGroup("/tasks");
        tasks.MapGet("/", async (WorkflowTaskStatus? status, PlatformDbContext db, ICurrentUser user, CancellationToken ct) =>
                (await db.Set<WorkflowTask>().AsNoTracking().Where(t => t.AssigneeId == user.Id && (status == null || t.Status == status))
                    .OrderBy(t => t.DueAt).Take(500).ToListAsync(ct)).Select(ToDto).ToList())
            .Produces<List<WorkflowTaskDto>>().RequirePermission(WorkflowPermissions.Tasks);

        // Completing raises TaskCompleted in the same transaction, so the waiting instance resumes iff the completion commits.
        // A task of an instance without a record (a scheduled start) is found by its id alone.
        tasks.MapPost("/{id:guid}/complete", async (Guid id, PlatformDbContext db, ICurrentUser user, IWorkflowSignals signals, TimeProvider clock, CancellationToken ct) =>
            {
                var task = await db.Set<WorkflowTask>().FirstOrDefaultAsync(t => t.Id == id && t.AssigneeId == user.Id, ct) ?? throw new EntityNotFoundException("WorkflowTask", id);
                if (task.Status != WorkflowTaskStatus.Open) throw new BusinessException("workflow.task_closed", $"The task is already {task.Status}.", 409);
                task.Status = WorkflowTaskStatus.Completed;
                task.CompletedAt = clock.GetUtcNow().UtcDateTime;
                task.ConcurrencyStamp = Guid.NewGuid().ToString("N");
                await signals.EventAsync(task.RecordType ?? WorkflowSignalRaised.NoRecord, task.RecordId ?? Guid.Empty, WorkflowEventNames.TaskCompleted,
                    new Dictionary<string, string?> { ["taskId"] = task.Id.ToString() }, ct);
                await db.SaveChangesAsync(ct);
                return ToDto(task);
            })
            .Produces<WorkflowTaskDto>().RequirePermission(WorkflowPermissions.Tasks);
    }

    private static WorkflowTaskDto ToDto(WorkflowTask t) =>
        new(t.Id, t.InstanceId, t.StepId, t.RecordType, t.RecordId, t.TitleEn, t.TitleZh, t.DueAt, t.Status, t.CreatedAt, t.CompletedAt);
}
