using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Conditions;

/// <summary>The registered record types by name, and their field catalogues with the tenant's custom fields ("cf.*").</summary>
public sealed class WorkflowRecordTypes(IEnumerable<IWorkflowRecordType> recordTypes, CustomFieldService customFields)
{
    private readonly Dictionary<string, IWorkflowRecordType> _byName = recordTypes.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IWorkflowRecordType> All => _byName.Values;

    public IWorkflowRecordType? Find(string? name) => name is null ? null : _byName.GetValueOrDefault(name);

    public async Task<IReadOnlyList<WorkflowFieldDefinition>> FieldsAsync(IWorkflowRecordType? recordType, CancellationToken ct)
    {
        if (recordType is null) return [];
        var fields = recordType.Fields.ToList();
        if (recordType.CustomFieldEntityType is { } entityType)
        {
            var custom = await customFields.DefinitionsAsync(entityType, ct);
            fields.AddRange(custom.Select(f => new WorkflowFieldDefinition("cf." + f.Name, TypeOf(f.FieldType), new LocalizedText(f.LabelEn, f.LabelZh),
                f.DictionaryTypeCode, null, Writable: false)));
        }
        return fields;
    }

    public async Task<FieldCatalog> CatalogAsync(WorkflowDefinitionModel model, CancellationToken ct) =>
        new(await FieldsAsync(Find(model.Trigger.RecordType), ct), model.Variables);

    private static WorkflowFieldType TypeOf(CustomFieldType type) => type switch
    {
        CustomFieldType.Number => WorkflowFieldType.Number,
        CustomFieldType.Date => WorkflowFieldType.DateTime,
        CustomFieldType.Boolean => WorkflowFieldType.Boolean,
        CustomFieldType.Dictionary or CustomFieldType.MultiSelect => WorkflowFieldType.Dictionary,
        CustomFieldType.User => WorkflowFieldType.User,
        _ => WorkflowFieldType.Text,
    };
}
