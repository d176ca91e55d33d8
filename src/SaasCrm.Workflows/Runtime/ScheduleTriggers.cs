using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Workflows.Definitions;

namespace SaasCrm.Workflows.Runtime;

/// <summary>Schedule triggers: one job per occurrence (idempotency key per version and occurrence), each queuing the next.</summary>
public sealed class ScheduleTriggers(IBackgroundJobManager jobs)
{
    public async Task ScheduleNextAsync(Guid versionId, WorkflowTrigger trigger, DateTime afterUtc, CancellationToken ct)
    {
        if (trigger.Cron is null || !WorkflowValidator.TryParseCron(trigger.Cron, out var cron)) return;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(trigger.TimeZone ?? "Asia/Shanghai");
        if (cron!.GetNextOccurrence(DateTime.SpecifyKind(afterUtc, DateTimeKind.Utc), zone) is not { } next) return;
        await jobs.EnqueueAsync(new ScheduleOccurrenceArgs(versionId, next), next, $"wf-schedule:{versionId:N}:{next.Ticks}", ct);
    }
}

/// <summary>Starts an instance (no record) for an occurrence when the version is still the newest published one, then queues the next.</summary>
public sealed class ScheduleOccurrenceJob(PlatformDbContext db, InstanceWriter writer, ScheduleTriggers schedules) : IBackgroundJob<ScheduleOccurrenceArgs>
{
    public async Task ExecuteAsync(ScheduleOccurrenceArgs args, JobContext context, CancellationToken cancellationToken)
    {
        var version = await db.Set<WorkflowVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == args.VersionId, cancellationToken);
        if (version is null || version.Status != WorkflowVersionStatus.Published) return;
        var newest = await db.Set<WorkflowVersion>().Where(v => v.DefinitionId == version.DefinitionId && v.Status == WorkflowVersionStatus.Published)
            .MaxAsync(v => v.Number, cancellationToken);
        var model = WorkflowJson.Model(version.ModelJson);
        if (newest == version.Number)
        {
            var startKey = $"schedule:{args.Occurrence.Ticks}";
            if (!await db.Set<WorkflowInstance>().AnyAsync(i => i.DefinitionId == version.DefinitionId && i.StartKey == startKey, cancellationToken))
            {
                var definition = await db.Set<WorkflowDefinition>().AsNoTracking().SingleAsync(d => d.Id == version.DefinitionId, cancellationToken);
                await writer.StartAsync(definition, version, model, null, startKey, null, cancellationToken);
            }
        }
        await schedules.ScheduleNextAsync(version.Id, model.Trigger, args.Occurrence, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
