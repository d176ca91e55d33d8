using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Seeding;
using SaasCrm.Workflows.Calendars;
using SaasCrm.Workflows.Conditions;
using SaasCrm.Workflows.Definitions;

namespace SaasCrm.Workflows.Templates;

/// <summary>Definitions made from templates: on tenant creation (once per key) and on demand as a new draft.</summary>
public sealed class TemplateService(IEnumerable<IWorkflowTemplateProvider> providers, WorkflowRecordTypes recordTypes, DefinitionService definitions, PlatformDbContext db)
{
    public IEnumerable<WorkflowTemplate> Available =>
        providers.SelectMany(p => p.Templates).Where(t => t.Definition.Trigger.RecordType is null || recordTypes.Find(t.Definition.Trigger.RecordType) is not null);

    public async Task<DefinitionDetail> CreateDraftAsync(string key, CancellationToken ct)
    {
        var template = Available.FirstOrDefault(t => t.Key == key) ?? throw new EntityNotFoundException("WorkflowTemplate", key);
        return await definitions.CreateAsync(new CreateDefinitionRequest(template.Name.En, $"{key}-{Guid.NewGuid():N}"[..Math.Min(100, key.Length + 9)],
            template.Description.En, template.Definition, null, template.Name.Zh, template.Description.Zh), template.Key, ct);
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var template in Available)
        {
            if (await db.Set<WorkflowDefinition>().AnyAsync(d => d.Key == template.Key, ct)) continue;
            var created = await definitions.CreateAsync(new CreateDefinitionRequest(template.Name.En, template.Key, template.Description.En, template.Definition, null,
                template.Name.Zh, template.Description.Zh), template.Key, ct);
            if (template.Publish && (await definitions.ValidateAsync(template.Definition, ct)).Count == 0)
                await definitions.PublishAsync(created.Id, ct);
        }
    }
}

/// <summary>Seeds templates and the default business calendar into a new tenant.</summary>
public sealed class WorkflowTenantSeeder(TemplateService templates, PlatformDbContext db) : ITenantDataSeeder
{
    public int Order => 200;

    public async Task SeedAsync(TenantSeedContext context, CancellationToken cancellationToken)
    {
        if (!await db.Set<BusinessCalendar>().AnyAsync(cancellationToken))
        {
            db.Add(new BusinessCalendar { Name = "Default", TimeZone = "Asia/Shanghai", IsDefault = true, WeeklyHours = WorkingCalendarRules.DefaultWeek() });
            await db.SaveChangesAsync(cancellationToken);
        }
        await templates.SeedAsync(cancellationToken);
    }
}
