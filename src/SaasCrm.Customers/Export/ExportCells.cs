using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;

namespace SaasCrm.Customers.Export;

/// <summary>Turns a customer into cell values: dictionary codes become labels, user ids names, in one language.</summary>
internal sealed class ExportCells(IDictionaryLookup dictionaries, bool zh, IReadOnlyList<CustomFieldDefinition> customFields)
{
    private readonly Dictionary<string, Dictionary<string, string>> _labels = [];
    private readonly Dictionary<Guid, string> _users = [];

    public async Task LoadDictionariesAsync(CancellationToken ct)
    {
        var types = new[] { CustomerDictionaries.Level, CustomerDictionaries.Source, CustomerDictionaries.Industry }
            .Concat(customFields.Where(f => f.DictionaryTypeCode is not null).Select(f => f.DictionaryTypeCode!)).Distinct();
        foreach (var type in types)
            _labels[type] = (await dictionaries.ItemsAsync(type, ct)).ToDictionary(i => i.Code, i => zh ? i.LabelZh : i.LabelEn);
    }

    /// <summary>Names of users that user-type custom fields point to, loaded per page.</summary>
    public async Task LoadUsersAsync(PlatformDbContext db, Dictionary<Guid, Dictionary<string, object?>> custom, CancellationToken ct)
    {
        var userFields = customFields.Where(f => f.FieldType == CustomFieldType.User).Select(f => f.Name).ToList();
        if (userFields.Count == 0) return;
        var ids = custom.Values.SelectMany(v => userFields.Select(f => v.GetValueOrDefault(f) as string))
            .Select(s => Guid.TryParse(s, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty && !_users.ContainsKey(id)).Distinct().ToList();
        foreach (var u in await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            _users[u.Id] = u.Name;
    }

    public object? Value(string key, Customer c, IReadOnlyDictionary<Guid, string> owners, Contact? contact, Dictionary<string, object?>? custom) => key switch
    {
        "name" => c.Name,
        "kind" => c.Kind == CustomerKind.Company ? (zh ? "企业" : "Company") : (zh ? "个人" : "Person"),
        "level" => Label(CustomerDictionaries.Level, c.LevelCode),
        "source" => Label(CustomerDictionaries.Source, c.SourceCode),
        "industry" => Label(CustomerDictionaries.Industry, c.IndustryCode),
        "phones" => Join(c.Phones),
        "emails" => Join(c.Emails),
        "tags" => Join(c.Tags),
        "province" => c.Province,
        "city" => c.City,
        "district" => c.District,
        "address" => c.Address,
        "website" => c.Website,
        "remark" => c.Remark,
        "owner" => c.OwnerId is { } owner ? owners.GetValueOrDefault(owner) : null,
        "contactName" => contact?.Name,
        "contactMobile" => contact?.Mobile,
        "contactEmail" => contact?.Email,
        "contactTitle" => contact?.Title,
        "lastFollowUpAt" => c.LastFollowUpAt,
        "nextFollowUpAt" => c.NextFollowUpAt,
        "createdAt" => c.CreatedAt,
        _ when key.StartsWith("cf.", StringComparison.Ordinal) => Custom(key[3..], custom),
        _ => null,
    };

    private object? Custom(string name, Dictionary<string, object?>? values)
    {
        var field = customFields.FirstOrDefault(f => f.Name == name);
        var value = values?.GetValueOrDefault(name);
        if (field is null || value is null) return null;
        return field.FieldType switch
        {
            CustomFieldType.Dictionary => Label(field.DictionaryTypeCode!, value as string),
            CustomFieldType.MultiSelect => Join(((IEnumerable<string?>)value).Select(code => Label(field.DictionaryTypeCode!, code))),
            CustomFieldType.Boolean => (bool)value ? (zh ? "是" : "Yes") : (zh ? "否" : "No"),
            CustomFieldType.User => Guid.TryParse(value as string, out var id) ? _users.GetValueOrDefault(id) : null,
            _ => value,
        };
    }

    /// <summary>The label of a code; a code no longer in the dictionary shows as itself.</summary>
    private string? Label(string type, string? code) =>
        code is null ? null : _labels.GetValueOrDefault(type)?.GetValueOrDefault(code) ?? code;

    private static string? Join(IEnumerable<string?> values)
    {
        var text = string.Join(", ", values.Where(v => !string.IsNullOrEmpty(v)));
        return text.Length == 0 ? null : text;
    }
}
