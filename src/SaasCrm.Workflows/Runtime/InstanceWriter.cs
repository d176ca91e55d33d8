using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Workflows.Definitions;

namespace SaasCrm.Workflows.Runtime;

/// <summary>
/// The state changes shared by starts, resumes and admin actions. Nothing here saves: callers save once, so the
/// instance row, bookmarks, journal and jobs commit together.
/// </summary>
public sealed class InstanceWriter(PlatformDbContext db, IBackgroundJobManager jobs, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<WorkflowInstance> StartAsync(WorkflowDefinition definition, WorkflowVersion version, WorkflowDefinitionModel model,
        Guid? recordId, string startKey, IReadOnlyDictionary<string, string?>? eventData, CancellationToken ct)
    {
        var variables = new System.Text.Json.Nodes.JsonObject();
        foreach (var v in model.Variables) variables[v.Name] = v.Default?.DeepClone();
        var instance = new WorkflowInstance
        {
            DefinitionId = definition.Id, VersionId = version.Id, VersionNumber = version.Number,
            RecordType = model.Trigger.RecordType, RecordId = recordId, Status = WorkflowInstanceStatus.Running,
            CurrentStepId = model.StartStepId, StartKey = startKey, StartedAt = Now, Version = 1,
            VariablesJson = variables.ToJsonString(), EventDataJson = WorkflowJson.Write(eventData ?? new Dictionary<string, string?>()),
        };
        db.Add(instance);
        Journal(instance, null, null, "started", $"Version {version.Number} started by {startKey}.",
            JournalNote.Of("started", ("version", version.Number), ("startKey", startKey)));
        await EnqueueRunAsync(instance, ct);
        return instance;
    }

    /// <summary>Consumes every bookmark of the instance and continues on the bookmark's outcome.</summary>
    public async Task ResumeAsync(WorkflowInstance instance, WorkflowBookmark bookmark, IReadOnlyDictionary<string, string?>? eventData, CancellationToken ct)
    {
        var model = WorkflowJson.Model(await db.Set<WorkflowVersion>().Where(v => v.Id == instance.VersionId).Select(v => v.ModelJson).SingleAsync(ct));
        var step = model.Steps.Single(s => s.Id == bookmark.StepId);
        var target = bookmark.Outcome == "next" ? step.Next : step.Branches?.GetValueOrDefault(bookmark.Outcome);
        db.RemoveRange(await db.Set<WorkflowBookmark>().Where(b => b.InstanceId == instance.Id).ToListAsync(ct));
        if (eventData is not null) instance.EventDataJson = WorkflowJson.Write(eventData);
        instance.Version++;
        Journal(instance, step.Id, step.Activity, bookmark.Outcome == "next" ? "resumed" : bookmark.Outcome,
            bookmark.Kind == BookmarkKind.Timer ? $"Timer due {bookmark.DueAt:O} fired." : $"{bookmark.EventName} received.",
            bookmark.Kind == BookmarkKind.Timer ? JournalNote.Of("timerFired", ("due", bookmark.DueAt)) : JournalNote.Of("eventReceived", ("event", bookmark.EventName)));
        MoveTo(instance, target, null);
        if (instance.Status == WorkflowInstanceStatus.Running) await EnqueueRunAsync(instance, ct);
    }

    /// <summary>Continues at <paramref name="stepId"/>, or completes the instance when there is none.</summary>
    public void MoveTo(WorkflowInstance instance, string? stepId, string? outcome)
    {
        instance.CurrentStepId = stepId;
        if (stepId is null)
        {
            instance.Status = WorkflowInstanceStatus.Completed;
            instance.Outcome = outcome;
            instance.FinishedAt = Now;
            Journal(instance, null, null, "completed", outcome, JournalNote.Of(outcome is null ? "instanceCompleted" : "instanceCompletedWith", ("outcome", outcome)));
        }
        else
        {
            instance.Status = WorkflowInstanceStatus.Running;
        }
    }

    public Task EnqueueRunAsync(WorkflowInstance instance, CancellationToken ct) =>
        jobs.EnqueueAsync(new RunInstanceArgs(instance.Id), null, $"wf-run:{instance.Id:N}:{instance.Version}", ct);

    public async Task AddBookmarkAsync(WorkflowInstance instance, WorkflowBookmark bookmark, CancellationToken ct)
    {
        // Whole milliseconds: every provider stores them exactly (MariaDB keeps microseconds, .NET ticks are finer),
        // so the due time a timer job carries matches the stored bookmark.
        if (bookmark.DueAt is { } exact) bookmark.DueAt = Truncate(exact);
        db.Add(bookmark);
        if (bookmark.DueAt is { } due) await ScheduleTimerAsync(instance.Id, bookmark.Id, due, ct);
    }

    public static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public Task ScheduleTimerAsync(Guid instanceId, Guid bookmarkId, DateTime due, CancellationToken ct) =>
        jobs.EnqueueAsync(new TimerDueArgs(instanceId, bookmarkId, due), due, $"wf-timer:{bookmarkId:N}:{due.Ticks}", ct);

    public void Journal(WorkflowInstance instance, string? stepId, string? activity, string outcome, string? message, JournalNote? entry = null)
    {
        instance.JournalSequence++;
        db.Add(new WorkflowJournalEntry
        {
            InstanceId = instance.Id, Sequence = instance.JournalSequence, At = Now, StepId = stepId, Activity = activity, Outcome = outcome,
            Message = message is { Length: > 2000 } ? message[..2000] : message,
            Code = entry?.Code, ArgsJson = entry is null ? null : ArgsJson(entry.Args),
        });
    }

    /// <summary>Long values (a rendered subject, an error) are cut so the arguments fit their column.</summary>
    private static string ArgsJson(IReadOnlyDictionary<string, string?> args) =>
        WorkflowJson.Write(args.ToDictionary(a => a.Key, a => a.Value is { Length: > 500 } v ? v[..500] + "…" : a.Value));
}
