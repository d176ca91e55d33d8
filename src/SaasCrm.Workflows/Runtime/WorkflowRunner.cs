using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Workflows.Activities;
using SaasCrm.Workflows.Conditions;
using SaasCrm.Workflows.Definitions;

namespace SaasCrm.Workflows.Runtime;

/// <summary>
/// Executes an instance step by step. Each step is one SaveChanges: the record change, the instance's new state
/// (version-checked), bookmarks, jobs, notifications and journal commit together or not at all. A conflict (another
/// actor moved the instance, or a round-robin pointer was taken) discards the step and re-reads; the step runs again
/// only if the instance is still where it was.
/// </summary>
public sealed class WorkflowRunner(
    PlatformDbContext db,
    InstanceWriter writer,
    ActivityCatalog activities,
    WorkflowRecordTypes recordTypes,
    IServiceProvider services)
{
    private const int MaxStepsPerRun = 200;
    private const int MaxConflicts = 50;
    // A run reads the same version for every step; versions an instance runs on are published and never change.
    private readonly Dictionary<Guid, (WorkflowVersion Version, WorkflowDefinition Definition, WorkflowDefinitionModel Model)> _versions = [];

    public async Task RunAsync(Guid instanceId, CancellationToken ct)
    {
        var conflicts = 0;
        for (var steps = 0; steps < MaxStepsPerRun;)
        {
            db.ChangeTracker.Clear();
            var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
            if (instance is null || instance.Status != WorkflowInstanceStatus.Running) return;
            try
            {
                await StepAsync(instance, ct);
                await db.SaveChangesAsync(ct);
                steps++;
            }
            catch (DbUpdateException) when (++conflicts <= MaxConflicts)
            {
                // Lost a race (instance version, round-robin pointer or a unique key): read again and decide anew.
            }
        }
        // Still running after many steps: continue in a fresh job instead of holding this one.
        db.ChangeTracker.Clear();
        var unfinished = await db.Set<WorkflowInstance>().FirstAsync(i => i.Id == instanceId, ct);
        if (unfinished.Status != WorkflowInstanceStatus.Running) return;
        unfinished.Version++;
        await writer.EnqueueRunAsync(unfinished, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task StepAsync(WorkflowInstance instance, CancellationToken ct)
    {
        var (version, definition, model) = await VersionAsync(instance, ct);
        var step = model.Steps.FirstOrDefault(s => s.Id == instance.CurrentStepId)
                   ?? throw new BusinessException("workflow.unknown_step", $"Step '{instance.CurrentStepId}' is not in version {version.Number}.");
        var activity = activities.Find(step.Activity)
                       ?? throw new BusinessException("workflow.unknown_activity", $"'{step.Activity}' is not an activity.");
        var counts = WorkflowJson.Counts(instance.StepCountsJson);
        var context = await BuildContextAsync(model, step, instance.Id, definition, instance.RecordId, counts.GetValueOrDefault(step.Id),
            WorkflowJson.Object(instance.VariablesJson), WorkflowJson.Data(instance.EventDataJson), writer.Now, dryRun: false, ct);

        var result = await activity.ExecuteAsync(context, ct);

        counts[step.Id] = counts.GetValueOrDefault(step.Id) + 1;
        instance.StepCountsJson = WorkflowJson.Write(counts);
        instance.VariablesJson = context.Variables.ToJsonString();
        instance.Version++;
        switch (result)
        {
            case WaitResult wait:
                writer.Journal(instance, step.Id, step.Activity, "waiting", wait.Note);
                instance.Status = WorkflowInstanceStatus.Waiting;
                foreach (var request in wait.Bookmarks)
                {
                    await writer.AddBookmarkAsync(instance, new WorkflowBookmark
                    {
                        InstanceId = instance.Id, StepId = step.Id, Kind = request.DueAt is null ? BookmarkKind.Event : BookmarkKind.Timer,
                        Outcome = request.Outcome, RecordType = instance.RecordType, RecordId = instance.RecordId, EventName = request.EventName,
                        Correlation = request.Correlation, DueAt = request.DueAt, BoundField = request.BoundField, CreatedAt = writer.Now,
                    }, ct);
                }
                break;
            case CompleteResult complete:
                writer.Journal(instance, step.Id, step.Activity, "completed", complete.Note);
                writer.MoveTo(instance, null, complete.Outcome);
                break;
            case BranchResult branch:
                writer.Journal(instance, step.Id, step.Activity, branch.Branch, branch.Note);
                writer.MoveTo(instance, step.Branches?.GetValueOrDefault(branch.Branch) ?? (branch.Branch == "none" ? step.Next : null), null);
                break;
            default:
                writer.Journal(instance, step.Id, step.Activity, "next", result.Note);
                writer.MoveTo(instance, step.Next, null);
                break;
        }
    }

    private async Task<(WorkflowVersion, WorkflowDefinition, WorkflowDefinitionModel)> VersionAsync(WorkflowInstance instance, CancellationToken ct)
    {
        if (_versions.TryGetValue(instance.VersionId, out var known) && known.Definition.Id == instance.DefinitionId) return known;
        var version = await db.Set<WorkflowVersion>().AsNoTracking().SingleAsync(v => v.Id == instance.VersionId, ct);
        var definition = await db.Set<WorkflowDefinition>().AsNoTracking().SingleAsync(d => d.Id == instance.DefinitionId, ct);
        return _versions[instance.VersionId] = (version, definition, WorkflowJson.Model(version.ModelJson));
    }

    public async Task<ActivityContext> BuildContextAsync(WorkflowDefinitionModel model, WorkflowStep step, Guid instanceId, WorkflowDefinition definition,
        Guid? recordId, int execution, System.Text.Json.Nodes.JsonObject variables, IReadOnlyDictionary<string, string?> eventData, DateTime now, bool dryRun,
        CancellationToken ct, IReadOnlyDictionary<string, object?>? sampleValues = null)
    {
        var recordType = recordTypes.Find(model.Trigger.RecordType);
        WorkflowRecordSnapshot? record = null;
        if (recordType is not null && recordId is { } id)
            record = await recordType.LoadAsync(id, ct) ?? throw new BusinessException("workflow.record_gone", $"The {recordType.Name} '{id}' no longer exists.");
        return new ActivityContext
        {
            Step = step, InstanceId = instanceId, DefinitionId = definition.Id, DefinitionKey = definition.Key, Execution = execution, Now = now,
            DryRun = dryRun, Catalog = await recordTypes.CatalogAsync(model, ct), Services = services, RecordType = recordType, RecordId = recordId,
            Record = record, Values = new Dictionary<string, object?>(sampleValues ?? record?.Values ?? new Dictionary<string, object?>()),
            Variables = variables, EventData = eventData,
        };
    }
}
