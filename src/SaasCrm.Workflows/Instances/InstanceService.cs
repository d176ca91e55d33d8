using SaasCrm.Platform.Http;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Workflows.Assignment;
using SaasCrm.Workflows.Conditions;
using SaasCrm.Workflows.Definitions;
using SaasCrm.Workflows.Runtime;

namespace SaasCrm.Workflows.Instances;

/// <summary>Reading instances (within the caller's record visibility), migrating and cancelling them, resolving incidents.</summary>
public sealed class InstanceService(PlatformDbContext db, InstanceWriter writer, WorkflowRecordTypes recordTypes, CurrentUserRoles roles, JournalReader journalReader,
    AssignmentPoolNames poolNames)
{
    /// <summary>Newest first, in keyset pages. Instances of records the caller may not see are skipped, reading ahead in batches.</summary>
    public async Task<KeysetPage<InstanceSummary>> ListAsync(string? recordType, Guid? recordId, Guid? definitionId, WorkflowInstanceStatus? status,
        string? cursor, int? pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var query = db.Set<WorkflowInstance>().AsNoTracking()
            .Where(i => (recordType == null || i.RecordType == recordType) && (recordId == null || i.RecordId == recordId)
                        && (definitionId == null || i.DefinitionId == definitionId) && (status == null || i.Status == status));
        var position = KeysetCursor.Decode(cursor);
        var page = new List<WorkflowInstance>();
        const int maxBatches = 10; // bounds the work for a caller who sees few of many instances; the cursor resumes after what was read
        for (var batchNo = 0; batchNo < maxBatches; batchNo++)
        {
            var batchQuery = query;
            if (position is { } p)
            {
                var (at, seen) = (p.At, p.SeenAtSameTime.ToList());
                batchQuery = batchQuery.Where(i => i.StartedAt < at || (i.StartedAt == at && !seen.Contains(i.Id)));
            }
            var batch = await batchQuery.OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id).Take(size * 2).ToListAsync(ct);
            foreach (var row in batch)
            {
                position = Advance(position, row);
                if (await VisibleAsync(row, ct)) page.Add(row);
                if (page.Count == size) return new KeysetPage<InstanceSummary>(await SummariesAsync(page, ct), position.Encode());
            }
            if (batch.Count < size * 2) return new KeysetPage<InstanceSummary>(await SummariesAsync(page, ct), null);
        }
        return new KeysetPage<InstanceSummary>(await SummariesAsync(page, ct), position?.Encode());
    }

    private static KeysetCursor Advance(KeysetCursor? position, WorkflowInstance row) =>
        position is not null && position.At == row.StartedAt
            ? position with { SeenAtSameTime = [.. position.SeenAtSameTime, row.Id] }
            : new KeysetCursor(row.StartedAt, [row.Id]);

    public async Task<InstanceDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var instance = await VisibleInstanceAsync(id, ct);
        var steps = await VersionSteps.LoadAsync(db, [instance.VersionId], ct);
        var bookmarks = await db.Set<WorkflowBookmark>().AsNoTracking().Where(b => b.InstanceId == id).ToListAsync(ct);
        var journal = await journalReader.ReadAsync(instance, steps.GetValueOrDefault(instance.VersionId) ?? [], ct);
        var incidents = await db.Set<WorkflowIncident>().AsNoTracking().Where(x => x.InstanceId == id).OrderBy(x => x.CreatedAt).ToListAsync(ct);
        return new InstanceDetail((await SummariesAsync([instance], ct, steps))[0], instance.VariablesJson,
            bookmarks.Select(b =>
            {
                var step = steps.Find(instance.VersionId, b.StepId);
                return new BookmarkDto(b.Id, b.StepId, step?.Name, step?.NameZh, b.Kind, b.Outcome, b.EventName, b.DueAt, b.BoundField);
            }).ToList(),
            journal,
            incidents.Select(x => Incident(x, steps.Find(instance.VersionId, x.StepId))).ToList());
    }

    /// <summary>
    /// Moves a waiting instance to another version of its definition. Allowed only while it waits at a step that exists
    /// with the same activity in the target; its bookmarks stay, finished steps are not run again.
    /// </summary>
    public async Task<InstanceSummary> MigrateAsync(Guid id, MigrateRequest request, CancellationToken ct)
    {
        var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new EntityNotFoundException("WorkflowInstance", id);
        var target = await db.Set<WorkflowVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.DefinitionId == instance.DefinitionId && v.Number == request.ToVersion, ct)
                     ?? throw new EntityNotFoundException("WorkflowVersion", request.ToVersion);
        if (target.Status != WorkflowVersionStatus.Published)
            throw new BusinessException("workflow.migrate_target_not_published", $"Version {target.Number} is {target.Status}; instances move only to published versions.", 409, "toVersion");
        if (instance.Status != WorkflowInstanceStatus.Waiting)
            throw new BusinessException("workflow.migrate_not_waiting", $"The instance is {instance.Status}; only an instance waiting at a wait step can be migrated.", 409);
        var current = WorkflowJson.Model(await db.Set<WorkflowVersion>().Where(v => v.Id == instance.VersionId).Select(v => v.ModelJson).SingleAsync(ct));
        var currentStep = current.Steps.Single(s => s.Id == instance.CurrentStepId);
        var targetStep = WorkflowJson.Model(target.ModelJson).Steps.FirstOrDefault(s => s.Id == instance.CurrentStepId);
        if (targetStep is null || targetStep.Activity != currentStep.Activity)
            throw new BusinessException("workflow.migrate_step_missing",
                $"Version {target.Number} has no {currentStep.Activity} step '{currentStep.Id}' where this instance waits; it cannot be migrated there.", 409, "toVersion");
        var from = instance.VersionNumber;
        instance.VersionId = target.Id;
        instance.VersionNumber = target.Number;
        instance.Version++;
        writer.Journal(instance, instance.CurrentStepId, currentStep.Activity, "migrated", $"Migrated from version {from} to {target.Number} while waiting.",
            JournalNote.Of("migrated", ("from", from), ("to", target.Number)));
        await db.SaveChangesAsync(ct);
        return await SummaryAsync(instance, ct);
    }

    public async Task<InstanceSummary> CancelAsync(Guid id, CancellationToken ct)
    {
        var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new EntityNotFoundException("WorkflowInstance", id);
        if (instance.Status is WorkflowInstanceStatus.Completed or WorkflowInstanceStatus.Cancelled)
            throw new BusinessException("workflow.instance_finished", $"The instance is already {instance.Status}.", 409);
        await CancelInternalAsync(instance, "Cancelled by an administrator.", JournalNote.Of("cancelled"), ct);
        await db.SaveChangesAsync(ct);
        return await SummaryAsync(instance, ct);
    }

    public async Task<List<IncidentDto>> IncidentsAsync(IncidentStatus? status, CancellationToken ct)
    {
        var rows = await db.Set<WorkflowIncident>().AsNoTracking().Where(i => status == null || i.Status == status).OrderByDescending(i => i.CreatedAt).Take(200).ToListAsync(ct);
        var instanceIds = rows.Select(r => r.InstanceId).Distinct().ToList();
        var versionOf = await db.Set<WorkflowInstance>().AsNoTracking().Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.VersionId, ct);
        var steps = await VersionSteps.LoadAsync(db, versionOf.Values, ct);
        return rows.Select(x => Incident(x, versionOf.TryGetValue(x.InstanceId, out var v) ? steps.Find(v, x.StepId) : null)).ToList();
    }

    /// <summary>retry: run the failed step again; skip: continue after it; cancel: end the instance.</summary>
    public async Task<IncidentDto> ResolveAsync(Guid incidentId, string action, Guid? userId, CancellationToken ct)
    {
        var incident = await db.Set<WorkflowIncident>().FirstOrDefaultAsync(i => i.Id == incidentId, ct) ?? throw new EntityNotFoundException("WorkflowIncident", incidentId);
        if (incident.Status != IncidentStatus.Open) throw new BusinessException("workflow.incident_resolved", $"The incident is already {incident.Status}.", 409);
        var instance = await db.Set<WorkflowInstance>().SingleAsync(i => i.Id == incident.InstanceId, ct);
        incident.ResolvedAt = writer.Now;
        incident.ResolvedBy = userId;
        instance.Version++;
        switch (action)
        {
            case "retry":
                incident.Status = IncidentStatus.Retried;
                writer.Journal(instance, incident.StepId, null, "retried", "Retried by an administrator.", JournalNote.Of("retried"));
                writer.MoveTo(instance, incident.StepId, null);
                await writer.EnqueueRunAsync(instance, ct);
                break;
            case "skip":
                incident.Status = IncidentStatus.Skipped;
                var model = WorkflowJson.Model(await db.Set<WorkflowVersion>().Where(v => v.Id == instance.VersionId).Select(v => v.ModelJson).SingleAsync(ct));
                var next = model.Steps.FirstOrDefault(s => s.Id == incident.StepId)?.Next;
                writer.Journal(instance, incident.StepId, null, "skipped", "Skipped by an administrator.", JournalNote.Of("skipped"));
                writer.MoveTo(instance, next, "skipped");
                if (instance.Status == WorkflowInstanceStatus.Running) await writer.EnqueueRunAsync(instance, ct);
                break;
            case "cancel":
                incident.Status = IncidentStatus.Cancelled;
                await CancelInternalAsync(instance, "Cancelled from an incident.", JournalNote.Of("cancelledFromIncident"), ct);
                break;
            default:
                throw new EntityNotFoundException("IncidentAction", action);
        }
        await db.SaveChangesAsync(ct);
        return Incident(incident, (await VersionSteps.LoadAsync(db, [instance.VersionId], ct)).Find(instance.VersionId, incident.StepId));
    }

    public async Task<List<AssignmentDecisionDto>> AssignmentsAsync(string? recordType, Guid? recordId, CancellationToken ct)
    {
        var rows = await db.Set<AssignmentDecision>().AsNoTracking()
            .Where(d => (recordType == null || d.RecordType == recordType) && (recordId == null || d.RecordId == recordId))
            .OrderByDescending(d => d.At).Take(200).ToListAsync(ct);
        var visible = new List<(AssignmentDecision Row, Dictionary<string, string?> Args)>();
        foreach (var d in rows)
            if (await VisibleAsync(d.RecordType, d.RecordId, ct))
                visible.Add((d, d.ReasonArgsJson is null ? new Dictionary<string, string?>() : WorkflowJson.Data(d.ReasonArgsJson)));
        await poolNames.AddAsync(visible.Select(v => (v.Row.RecordType, v.Args)).ToList(), ct);
        return visible.Select(v => new AssignmentDecisionDto(v.Row.Id, v.Row.RecordType, v.Row.RecordId, v.Row.InstanceId, v.Row.StepId, v.Row.Strategy, v.Row.CandidatesJson,
            v.Row.ChosenUserId, v.Row.ChosenDepartmentId, v.Row.Reason, v.Row.At, v.Row.ReasonCode, v.Args)).ToList();
    }

    private async Task CancelInternalAsync(WorkflowInstance instance, string message, JournalNote entry, CancellationToken ct)
    {
        db.RemoveRange(await db.Set<WorkflowBookmark>().Where(b => b.InstanceId == instance.Id).ToListAsync(ct));
        instance.Status = WorkflowInstanceStatus.Cancelled;
        instance.FinishedAt = writer.Now;
        instance.Version++;
        writer.Journal(instance, instance.CurrentStepId, null, "cancelled", message, entry);
    }

    private async Task<WorkflowInstance> VisibleInstanceAsync(Guid id, CancellationToken ct)
    {
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (instance is null || !await VisibleAsync(instance, ct)) throw new EntityNotFoundException("WorkflowInstance", id);
        return instance;
    }

    private Task<bool> VisibleAsync(WorkflowInstance i, CancellationToken ct) =>
        i.RecordType is null || i.RecordId is null ? Task.FromResult(true) : VisibleAsync(i.RecordType, i.RecordId.Value, ct);

    private bool? _isAdmin;

    private async Task<bool> VisibleAsync(string recordType, Guid recordId, CancellationToken ct)
    {
        _isAdmin ??= (await roles.GetAsync(ct)).Any(r => r.IsAdministrator || r.DataScope == DataScope.All);
        if (_isAdmin.Value) return true;
        var type = recordTypes.Find(recordType);
        return type is not null && await type.IsVisibleAsync(recordId, ct);
    }

    private async Task<InstanceSummary> SummaryAsync(WorkflowInstance instance, CancellationToken ct) => (await SummariesAsync([instance], ct))[0];

    /// <summary>
    /// Instances as a list shows them: definition names, record type names, current step titles and each record's title,
    /// read once per page and kind (not per row).
    /// </summary>
    /// <param name="steps">The versions' steps when the caller has read them already.</param>
    private async Task<List<InstanceSummary>> SummariesAsync(IReadOnlyList<WorkflowInstance> rows, CancellationToken ct,
        Dictionary<Guid, Dictionary<string, WorkflowStep>>? steps = null)
    {
        var definitionIds = rows.Select(r => r.DefinitionId).Distinct().ToList();
        var definitions = await db.Set<WorkflowDefinition>().AsNoTracking().Where(d => definitionIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => (d.Name, d.NameZh), ct);
        steps ??= await VersionSteps.LoadAsync(db, rows.Select(r => r.VersionId), ct);
        var titles = new Dictionary<Guid, string>();
        foreach (var kind in rows.Where(r => r.RecordId is not null).GroupBy(r => r.RecordType))
        {
            if (recordTypes.Find(kind.Key) is not { } type) continue;
            foreach (var (id, title) in await type.TitlesAsync(kind.Select(r => r.RecordId!.Value).Distinct().ToList(), ct)) titles[id] = title;
        }
        return rows.Select(i =>
        {
            var (name, nameZh) = definitions.GetValueOrDefault(i.DefinitionId, ("", null));
            var step = steps.Find(i.VersionId, i.CurrentStepId);
            var type = recordTypes.Find(i.RecordType)?.DisplayName;
            return new InstanceSummary(i.Id, i.DefinitionId, name, nameZh, i.VersionNumber, i.RecordType, type?.En, type?.Zh, i.RecordId,
                i.RecordId is { } r ? titles.GetValueOrDefault(r) : null, i.Status, i.CurrentStepId, step?.Name, step?.NameZh, i.StartedAt, i.FinishedAt, i.Outcome);
        }).ToList();
    }

    private static IncidentDto Incident(WorkflowIncident x, WorkflowStep? step) =>
        new(x.Id, x.InstanceId, x.StepId, step?.Name, step?.NameZh, x.Error, x.Status, x.CreatedAt, x.ResolvedAt);
}
