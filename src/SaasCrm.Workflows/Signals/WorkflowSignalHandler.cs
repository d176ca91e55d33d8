using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Events;
using SaasCrm.Workflows.Conditions;
using SaasCrm.Workflows.Definitions;
using SaasCrm.Workflows.Runtime;

namespace SaasCrm.Workflows.Signals;

/// <summary>
/// Handles a record signal once (its event id is stored in the same transaction): starts instances of the newest
/// published version of each matching definition, resumes instances waiting for the event on that record and
/// reschedules timers bound to changed date fields. A concurrent resume of the same instance makes this attempt
/// start over, where the consumed bookmark is gone.
/// </summary>
public sealed class WorkflowSignalHandler(PlatformDbContext db, InstanceWriter writer, WorkflowRecordTypes recordTypes) : IEventHandler<WorkflowSignalRaised>
{
    public async Task HandleAsync(WorkflowSignalRaised signal, EventContext context, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<WorkflowProcessedSignal>().AnyAsync(s => s.SignalId == context.EventId, cancellationToken)) return;
            db.Add(new WorkflowProcessedSignal { SignalId = context.EventId, At = writer.Now });
            await StartAsync(signal, context.EventId, cancellationToken);
            if (signal.Kind == "event") await ResumeAsync(signal, cancellationToken);
            if (signal.Kind == "recordUpdated") await RescheduleAsync(signal, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Raced with a timer or another delivery: go again; what was already done is not done twice.
            }
        }
    }

    private async Task StartAsync(WorkflowSignalRaised signal, Guid signalId, CancellationToken ct)
    {
        var recordType = recordTypes.Find(signal.RecordType);
        if (recordType is null) return;
        var versions = await db.Set<WorkflowVersion>().AsNoTracking()
            .Where(v => v.Status == WorkflowVersionStatus.Published && v.TriggerKind == signal.Kind && v.TriggerRecordType == signal.RecordType)
            .ToListAsync(ct);
        WorkflowRecordSnapshot? record = null;
        foreach (var version in versions.GroupBy(v => v.DefinitionId).Select(g => g.MaxBy(v => v.Number)!))
        {
            var model = WorkflowJson.Model(version.ModelJson);
            var trigger = model.Trigger;
            if (trigger.Kind == "recordUpdated" && trigger.Fields is { Count: > 0 } fields && !fields.Intersect(signal.ChangedFields ?? []).Any()) continue;
            if (trigger.Kind == "statusChanged" && trigger.Status is { } status && status != signal.ToStatus) continue;
            if (trigger.Kind == "event" && trigger.Event != signal.EventName) continue;
            record ??= await recordType.LoadAsync(signal.RecordId, ct);
            if (record is null) return;
            var catalog = await recordTypes.CatalogAsync(model, ct);
            var data = signal.Data ?? new Dictionary<string, string?>();
            if (!ConditionEvaluator.Evaluate(trigger.Condition, catalog, f => f.StartsWith("event.", StringComparison.Ordinal) ? data.GetValueOrDefault(f[6..]) : record.Values.GetValueOrDefault(f)))
                continue;
            var definition = await db.Set<WorkflowDefinition>().AsNoTracking().SingleAsync(d => d.Id == version.DefinitionId, ct);
            await writer.StartAsync(definition, version, model, signal.RecordId, $"signal:{signalId:N}", signal.Data, ct);
        }
    }

    private async Task ResumeAsync(WorkflowSignalRaised signal, CancellationToken ct)
    {
        var waiting = db.Set<WorkflowBookmark>().Where(b => b.Kind == BookmarkKind.Event && b.EventName == signal.EventName);
        var taskId = signal.Data?.GetValueOrDefault("taskId");
        waiting = signal.RecordType == WorkflowSignalRaised.NoRecord
            ? waiting.Where(b => b.RecordType == null && b.RecordId == null && b.Correlation != null && b.Correlation == taskId)
            : waiting.Where(b => b.RecordType == signal.RecordType && b.RecordId == signal.RecordId);
        var bookmarks = await waiting.ToListAsync(ct);
        foreach (var bookmark in bookmarks)
        {
            if (bookmark.Correlation is { } correlation && taskId != correlation) continue;
            var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.Id == bookmark.InstanceId, ct);
            if (instance is null || instance.Status != WorkflowInstanceStatus.Waiting) continue;
            await writer.ResumeAsync(instance, bookmark, signal.Data ?? new Dictionary<string, string?>(), ct);
        }
    }

    /// <summary>Timers that follow a changed date field move with it (e.g. a due date extended while waiting for the customer).</summary>
    private async Task RescheduleAsync(WorkflowSignalRaised signal, CancellationToken ct)
    {
        var changed = signal.ChangedFields ?? [];
        var timers = await db.Set<WorkflowBookmark>()
            .Where(b => b.Kind == BookmarkKind.Timer && b.RecordType == signal.RecordType && b.RecordId == signal.RecordId && b.BoundField != null)
            .ToListAsync(ct);
        timers = timers.Where(t => changed.Contains(t.BoundField!)).ToList();
        if (timers.Count == 0) return;
        var record = await recordTypes.Find(signal.RecordType)!.LoadAsync(signal.RecordId, ct);
        foreach (var timer in timers)
        {
            if (record?.Values.GetValueOrDefault(timer.BoundField!) is not DateTime exact || InstanceWriter.Truncate(exact) is var due && due == timer.DueAt) continue;
            timer.DueAt = due;
            await writer.ScheduleTimerAsync(timer.InstanceId, timer.Id, due, ct);
        }
    }
}
