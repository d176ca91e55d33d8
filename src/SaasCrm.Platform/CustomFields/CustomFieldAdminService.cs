using System.Text.Json;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;

namespace SaasCrm.Platform.CustomFields;

/// <summary>The tenant admin's field designer. A field in use can be hidden, never retyped.</summary>
public sealed class CustomFieldAdminService(PlatformDbContext db, CustomFieldEntityTypes entityTypes, IDictionaryLookup dictionaries)
{
    public IReadOnlyList<CustomFieldEntityType> EntityTypes() => entityTypes.All;

    public async Task<IReadOnlyList<CustomFieldDto>> ListAsync(string entityType, bool includeHidden, CancellationToken ct) =>
        await db.CustomFieldDefinitions.AsNoTracking()
            .Where(f => f.EntityType == entityType && (includeHidden || !f.IsHidden))
            .OrderBy(f => f.Sort).ThenBy(f => f.Name)
            .Select(f => new CustomFieldDto(f.Id, f.EntityType, f.Name, f.LabelEn, f.LabelZh, f.FieldType, f.Precision, f.DictionaryTypeCode,
                f.IsRequired, f.DefaultValue, f.Sort, f.HelpEn, f.HelpZh, f.IsHidden, f.ConcurrencyStamp))
            .ToListAsync(ct);

    public async Task<CustomFieldDto> CreateAsync(SaveCustomFieldRequest request, CancellationToken ct)
    {
        if (!entityTypes.Contains(request.EntityType))
            throw new BusinessException("custom_field.unknown_entity_type", $"Records of type '{request.EntityType}' have no custom fields.", 400, "entityType");
        if (await db.CustomFieldDefinitions.AnyAsync(f => f.EntityType == request.EntityType && f.Name == request.Name, ct))
            throw new BusinessException("custom_field.name_taken", $"A field named '{request.Name}' already exists.", 409, "name");
        var sort = await db.CustomFieldDefinitions.Where(f => f.EntityType == request.EntityType).Select(f => (int?)f.Sort).MaxAsync(ct) ?? 0;
        var field = new CustomFieldDefinition { EntityType = request.EntityType, Name = request.Name, Sort = sort + 10 };
        await ApplyAsync(field, request, ct);
        db.CustomFieldDefinitions.Add(field);
        await db.SaveChangesAsync(ct);
        return await GetAsync(field.Id, ct);
    }

    public async Task<CustomFieldDto> UpdateAsync(Guid id, SaveCustomFieldRequest request, CancellationToken ct)
    {
        var field = await FindAsync(id, ct);
        db.Entry(field).Property(f => f.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp ?? "";
        if (request.Name != field.Name || request.EntityType != field.EntityType)
            throw new BusinessException("custom_field.key_immutable", "A field's name and record type cannot change.", 400, "name");
        var retyped = request.FieldType != field.FieldType || request.DictionaryTypeCode != field.DictionaryTypeCode || request.Precision < field.Precision;
        if (retyped && await db.CustomFieldValues.AnyAsync(v => v.FieldId == id, ct))
            throw new BusinessException("custom_field.in_use", "Records hold values of this field, so its type cannot change. Hide it and add a new field instead.", 409, "fieldType");
        await ApplyAsync(field, request, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task ReorderAsync(string entityType, IReadOnlyList<Guid> fieldIds, CancellationToken ct)
    {
        var fields = await db.CustomFieldDefinitions.Where(f => f.EntityType == entityType).OrderBy(f => f.Sort).ToListAsync(ct);
        if (fieldIds.Any(id => fields.All(f => f.Id != id)))
            throw new BusinessException("custom_field.not_found", "One or more fields do not belong to this record type.", 400, "fieldIds");
        var sort = 0;
        foreach (var field in fieldIds.Select(id => fields.First(f => f.Id == id)).Concat(fields.Where(f => !fieldIds.Contains(f.Id))))
        {
            field.Sort = sort += 10;
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var field = await FindAsync(id, ct);
        if (await db.CustomFieldValues.AnyAsync(v => v.FieldId == id, ct))
            throw new BusinessException("custom_field.in_use", "Records hold values of this field: hide it instead of deleting it.", 409);
        db.CustomFieldDefinitions.Remove(field);
        await db.SaveChangesAsync(ct);
    }

    private async Task ApplyAsync(CustomFieldDefinition field, SaveCustomFieldRequest request, CancellationToken ct)
    {
        field.LabelEn = request.LabelEn.Trim();
        field.LabelZh = request.LabelZh.Trim();
        field.FieldType = request.FieldType;
        field.Precision = request.FieldType == CustomFieldType.Number ? request.Precision ?? 2 : null;
        field.DictionaryTypeCode = request.FieldType is CustomFieldType.Dictionary or CustomFieldType.MultiSelect ? request.DictionaryTypeCode : null;
        field.IsRequired = request.IsRequired;
        field.HelpEn = request.HelpEn;
        field.HelpZh = request.HelpZh;
        field.IsHidden = request.IsHidden;
        if (field.DictionaryTypeCode is { } code && !await db.DictionaryTypes.AnyAsync(t => t.Code == code, ct))
            throw new BusinessException("dictionary.not_found", $"There is no dictionary '{code}'.", 400, "dictionaryTypeCode");
        field.DefaultValue = await ValidDefaultAsync(field, request.DefaultValue, ct);
    }

    private async Task<string?> ValidDefaultAsync(CustomFieldDefinition field, string? raw, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        JsonElement json;
        try { json = JsonDocument.Parse(raw).RootElement.Clone(); }
        catch (JsonException) { throw RequestValidationException.For("defaultValue", "custom_field.invalid_default", "The default must be a JSON value, e.g. \"text\", 12.5, true or [\"a\"]."); }
        var errors = new List<ValidationFailure>();
        var value = CustomFieldValueConverter.Parse(field, json, "defaultValue", errors);
        if (errors.Count > 0) throw new RequestValidationException(errors);
        if (field.DictionaryTypeCode is { } type)
        {
            foreach (var code in value.Texts) await dictionaries.EnsureSelectableAsync(type, code, "defaultValue", cancellationToken: ct);
        }
        return json.GetRawText();
    }

    private async Task<CustomFieldDto> GetAsync(Guid id, CancellationToken ct)
    {
        var field = await db.CustomFieldDefinitions.AsNoTracking().FirstAsync(f => f.Id == id, ct);
        return (await ListAsync(field.EntityType, true, ct)).Single(f => f.Id == id);
    }

    private async Task<CustomFieldDefinition> FindAsync(Guid id, CancellationToken ct) =>
        await db.CustomFieldDefinitions.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new EntityNotFoundException("CustomField", id);
}

/// <summary>Dictionary items held by custom field values count as used.</summary>
public sealed class CustomFieldDictionaryUsage(PlatformDbContext db) : IDictionaryUsageProbe
{
    public Task<bool> IsUsedAsync(string typeCode, string itemCode, CancellationToken cancellationToken) =>
        db.CustomFieldValues.AnyAsync(v => v.TextValue == itemCode
            && db.CustomFieldDefinitions.Any(f => f.Id == v.FieldId && f.DictionaryTypeCode == typeCode), cancellationToken);
}
