using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Workflows.Activities;
using SaasCrm.Workflows.Conditions;
using SaasCrm.Workflows.Runtime;

namespace SaasCrm.Workflows.Definitions;

/// <summary>Definitions and their versions: draft → published (immutable) → retired.</summary>
public sealed class DefinitionService(PlatformDbContext db, WorkflowRecordTypes recordTypes, ActivityCatalog activities, ScheduleTriggers schedules, TimeProvider clock)
{
    private static readonly WorkflowInstanceStatus[] Unfinished = [WorkflowInstanceStatus.Running, WorkflowInstanceStatus.Waiting, WorkflowInstanceStatus.Faulted];
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<DefinitionSummary>> ListAsync(string? recordType, CancellationToken ct)
    {
        var definitions = await db.Set<WorkflowDefinition>().AsNoTracking().Where(d => recordType == null || d.RecordType == recordType).OrderBy(d => d.Name).Take(500).ToListAsync(ct);
        var ids = definitions.Select(d => d.Id).ToList();
        var versions = await db.Set<WorkflowVersion>().AsNoTracking().Where(v => ids.Contains(v.DefinitionId))
            .Select(v => new { v.DefinitionId, v.Number, v.Status }).ToListAsync(ct);
        return definitions.Select(d => new DefinitionSummary(d.Id, d.Key, d.Name, d.NameZh, d.RecordType, d.TemplateKey,
            versions.Where(v => v.DefinitionId == d.Id).Max(v => (int?)v.Number) ?? 0,
            versions.Where(v => v.DefinitionId == d.Id && v.Status == WorkflowVersionStatus.Published).Max(v => (int?)v.Number))).ToList();
    }

    public async Task<DefinitionDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var d = await FindAsync(id, ct);
        var versions = await db.Set<WorkflowVersion>().AsNoTracking().Where(v => v.DefinitionId == id).OrderBy(v => v.Number).ToListAsync(ct);
        var versionIds = versions.Select(v => v.Id).ToList();
        var running = await db.Set<WorkflowInstance>().Where(i => versionIds.Contains(i.VersionId) && Unfinished.Contains(i.Status))
            .GroupBy(i => i.VersionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new DefinitionDetail(d.Id, d.Key, d.Name, d.NameZh, d.Description, d.DescriptionZh, d.RecordType, d.TemplateKey,
            versions.Select(v => new VersionSummary(v.Number, v.Status, v.CreatedAt, v.PublishedAt, v.RetiredAt, running.GetValueOrDefault(v.Id), v.ConcurrencyStamp)).ToList());
    }

    public async Task<VersionDetail> VersionAsync(Guid id, int number, CancellationToken ct)
    {
        await FindAsync(id, ct);
        var v = await db.Set<WorkflowVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.DefinitionId == id && v.Number == number, ct)
                ?? throw new EntityNotFoundException("WorkflowVersion", number);
        return ToDetail(v);
    }

    public async Task<DefinitionDetail> CreateAsync(CreateDefinitionRequest request, string? templateKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) throw RequestValidationException.For("name", "workflow.name_required", "Give the workflow a name.");
        var key = string.IsNullOrWhiteSpace(request.Key) ? $"wf-{Guid.NewGuid():N}"[..15] : request.Key.Trim();
        if (await db.Set<WorkflowDefinition>().AnyAsync(d => d.Key == key, ct))
            throw new BusinessException("workflow.key_taken", $"A workflow with the key '{key}' already exists.", 409, "key");
        await EnsureValidAsync(request.Definition, publishing: false, ct);
        var definition = new WorkflowDefinition { Key = key, Name = request.Name.Trim(), NameZh = Blank(request.NameZh), Description = request.Description, DescriptionZh = Blank(request.DescriptionZh), RecordType = request.Definition.Trigger.RecordType, TemplateKey = templateKey };
        db.Add(definition);
        db.Add(NewVersion(definition.Id, 1, request.Definition, request.Layout));
        await db.SaveChangesAsync(ct);
        return await GetAsync(definition.Id, ct);
    }

    public async Task<VersionDetail> SaveDraftAsync(Guid id, SaveDraftRequest request, CancellationToken ct)
    {
        var definition = await db.Set<WorkflowDefinition>().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new EntityNotFoundException("WorkflowDefinition", id);
        await EnsureValidAsync(request.Definition, publishing: false, ct);
        var draft = await db.Set<WorkflowVersion>().FirstOrDefaultAsync(v => v.DefinitionId == id && v.Status == WorkflowVersionStatus.Draft, ct);
        if (draft is null)
        {
            var latest = await db.Set<WorkflowVersion>().Where(v => v.DefinitionId == id).MaxAsync(v => (int?)v.Number, ct) ?? 0;
            db.Add(draft = NewVersion(id, latest + 1, request.Definition, request.Layout));
        }
        else
        {
            if (request.ConcurrencyStamp is not null) db.Entry(draft).Property(v => v.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
            draft.ModelJson = WorkflowJson.Write(request.Definition);
            draft.LayoutJson = WorkflowJson.Write(request.Layout ?? new WorkflowLayout());
            draft.TriggerKind = request.Definition.Trigger.Kind;
            draft.TriggerRecordType = request.Definition.Trigger.RecordType;
            draft.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }
        definition.RecordType = request.Definition.Trigger.RecordType;
        if (!string.IsNullOrWhiteSpace(request.Name) && request.Name.Trim() != definition.Name)
        {
            definition.Name = request.Name.Trim();
            definition.NameZh = Blank(request.NameZh); // the old Chinese name would describe what was renamed away
        }
        else if (Blank(request.NameZh) is { } zh) definition.NameZh = zh;
        await db.SaveChangesAsync(ct);
        return ToDetail(draft);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public async Task<ValidationReport> ValidateDraftAsync(Guid id, CancellationToken ct)
    {
        var draft = await DraftAsync(id, ct);
        var errors = await ValidateAsync(WorkflowJson.Model(draft.ModelJson), ct);
        return new ValidationReport(errors.Count == 0, errors);
    }

    public async Task<VersionDetail> PublishAsync(Guid id, CancellationToken ct)
    {
        var draft = await DraftAsync(id, ct);
        var model = WorkflowJson.Model(draft.ModelJson);
        await EnsureValidAsync(model, publishing: true, ct);
        draft.Status = WorkflowVersionStatus.Published;
        draft.PublishedAt = Now;
        draft.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (model.Trigger.Kind == "schedule") await schedules.ScheduleNextAsync(draft.Id, model.Trigger, Now, ct);
        await db.SaveChangesAsync(ct);
        return ToDetail(draft);
    }

    public async Task<VersionDetail> RetireAsync(Guid id, int number, CancellationToken ct)
    {
        await FindAsync(id, ct);
        var version = await db.Set<WorkflowVersion>().FirstOrDefaultAsync(v => v.DefinitionId == id && v.Number == number, ct) ?? throw new EntityNotFoundException("WorkflowVersion", number);
        if (version.Status != WorkflowVersionStatus.Published)
            throw new BusinessException("workflow.not_published", $"Version {number} is {version.Status}; only published versions can be retired.", 409);
        var running = await db.Set<WorkflowInstance>().CountAsync(i => i.VersionId == version.Id && Unfinished.Contains(i.Status), ct);
        if (running > 0)
            throw new BusinessException("workflow.version_in_use", $"Version {number} still has {running} running instance(s); let them finish, cancel them or migrate them to another version first.", 409);
        version.Status = WorkflowVersionStatus.Retired;
        version.RetiredAt = Now;
        version.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return ToDetail(version);
    }

    public async Task<List<WorkflowValidationError>> ValidateAsync(WorkflowDefinitionModel model, CancellationToken ct) =>
        WorkflowValidator.Validate(model, recordTypes.Find(model.Trigger.RecordType), await recordTypes.CatalogAsync(model, ct), activities);

    /// <summary>Saving rejects content errors (unknown fields, operators, activities, durations, cron); an unfinished graph may be saved.</summary>
    private async Task EnsureValidAsync(WorkflowDefinitionModel model, bool publishing, CancellationToken ct)
    {
        var errors = await ValidateAsync(model, ct);
        if (!publishing) errors = errors.Where(e => e.Code is not ("workflow.unreachable_step" or "workflow.missing_branch" or "workflow.unknown_step" or "workflow.missing_property" or "workflow.loop_without_wait")).ToList();
        if (errors.Count > 0)
            throw new RequestValidationException(errors.Select(e => new FluentValidation.Results.ValidationFailure(e.Path, e.Message) { ErrorCode = e.Code }));
    }

    private async Task<WorkflowVersion> DraftAsync(Guid id, CancellationToken ct)
    {
        await FindAsync(id, ct);
        return await db.Set<WorkflowVersion>().FirstOrDefaultAsync(v => v.DefinitionId == id && v.Status == WorkflowVersionStatus.Draft, ct)
               ?? throw new BusinessException("workflow.no_draft", "This workflow has no draft; save one first.", 409);
    }

    private async Task<WorkflowDefinition> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<WorkflowDefinition>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new EntityNotFoundException("WorkflowDefinition", id);

    private WorkflowVersion NewVersion(Guid definitionId, int number, WorkflowDefinitionModel model, WorkflowLayout? layout) => new()
    {
        DefinitionId = definitionId, Number = number, Status = WorkflowVersionStatus.Draft, ModelJson = WorkflowJson.Write(model),
        LayoutJson = WorkflowJson.Write(layout ?? new WorkflowLayout()), TriggerKind = model.Trigger.Kind, TriggerRecordType = model.Trigger.RecordType, CreatedAt = Now,
    };

    private static VersionDetail ToDetail(WorkflowVersion v) =>
        new(v.DefinitionId, v.Number, v.Status, WorkflowJson.Model(v.ModelJson), WorkflowJson.Layout(v.LayoutJson), v.ConcurrencyStamp);
}
