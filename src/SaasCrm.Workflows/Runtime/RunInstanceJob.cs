using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;

namespace SaasCrm.Workflows.Runtime;

/// <summary>
/// Drives an instance. A failing step is retried by the job's own retries (nothing of the failed attempt was
/// committed); on the last attempt the instance becomes Faulted with an incident an admin can retry, skip or cancel.
/// </summary>
public sealed class RunInstanceJob(WorkflowRunner runner, PlatformDbContext db, InstanceWriter writer) : IBackgroundJob<RunInstanceArgs>
{
    public const int MaxAttempts = 3;

    public async Task ExecuteAsync(RunInstanceArgs args, JobContext context, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(args.InstanceId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && context.Attempt >= context.MaxAttempts)
        {
            db.ChangeTracker.Clear();
            var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.Id == args.InstanceId, cancellationToken);
            if (instance is null || instance.Status != WorkflowInstanceStatus.Running) return;
            instance.Status = WorkflowInstanceStatus.Faulted;
            instance.Version++;
            db.Add(new WorkflowIncident { InstanceId = instance.Id, StepId = instance.CurrentStepId ?? "", Error = Trim(ex.Message), CreatedAt = writer.Now });
            writer.Journal(instance, instance.CurrentStepId, null, "failed", $"Failed after {context.Attempt} attempts: {ex.Message}",
                JournalNote.Of("failed", ("attempts", context.Attempt), ("error", ex.Message)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string Trim(string text) => text.Length > 2000 ? text[..2000] : text;
}

/// <summary>Fires a timer bookmark if it is still there with the same due time; the loser of a race does nothing.</summary>
public sealed class TimerDueJob(PlatformDbContext db, InstanceWriter writer) : IBackgroundJob<TimerDueArgs>
{
    public async Task ExecuteAsync(TimerDueArgs args, JobContext context, CancellationToken cancellationToken)
    {
        var bookmark = await db.Set<WorkflowBookmark>().FirstOrDefaultAsync(b => b.Id == args.BookmarkId, cancellationToken);
        if (bookmark is null || bookmark.DueAt is not { } due || Math.Abs((due - args.DueAt).Ticks) >= TimeSpan.TicksPerMillisecond || args.DueAt > writer.Now) return;
        var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.Id == args.InstanceId, cancellationToken);
        if (instance is null || instance.Status != WorkflowInstanceStatus.Waiting) return;
        await writer.ResumeAsync(instance, bookmark, null, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The event (or another node) resumed the instance first: this timer's branch is not taken.
        }
    }
}
