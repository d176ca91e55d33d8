using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Records;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Http;

namespace SaasCrm.Customers.Import;

/// <summary>
/// Turns mapped rows into customers and contacts and says what is wrong with each row. Everything the rows
/// refer to (dictionaries, users, custom fields, existing lookup keys) is loaded in bulk up front — IN lists
/// by chunk, never a query per row — so thousands of rows a second are checked.
/// </summary>
public sealed class ImportValidator(PlatformDbContext db, IDictionaryLookup dictionaries)
{
    private const int InChunk = 500;
    private static readonly char[] ListSeparators = [',', ';', '，', '；', '、', '\n', '|'];
    private static readonly HashSet<string> MultiColumnFields = [ImportFields.Phones, ImportFields.Emails, ImportFields.Tags];

    public async Task<IReadOnlyList<CustomFieldDefinition>> CustomFieldsAsync(CancellationToken ct) =>
        await db.CustomFieldDefinitions.AsNoTracking().Where(f => f.EntityType == CustomersModule.CustomerRecordType).ToListAsync(ct);

    /// <summary>Checks a mapping against the sheet and the fields: 400 when it cannot be used at all.</summary>
    public static (string Field, int Column)[] ResolveMapping(SheetData sheet, IReadOnlyDictionary<string, string?> mapping, IReadOnlyList<ImportField> fields)
    {
        var columns = new List<(string, int)>();
        foreach (var (header, field) in mapping)
        {
            if (string.IsNullOrEmpty(field)) continue;
            var column = sheet.Headers.ToList().IndexOf(header);
            if (column < 0) throw RequestValidationException.For($"mapping.{header}", "import.unknown_column", $"The file has no column '{header}'.");
            if (fields.All(f => f.Key != field)) throw RequestValidationException.For($"mapping.{header}", "import.unknown_field", $"'{field}' is not a field that can be imported.");
            if (!MultiColumnFields.Contains(field) && columns.Any(c => c.Item1 == field))
                throw RequestValidationException.For($"mapping.{header}", "import.field_mapped_twice", $"'{field}' is mapped to more than one column.");
            columns.Add((field, column));
        }
        if (columns.All(c => c.Item1 != ImportFields.Name))
            throw RequestValidationException.For("mapping", "import.name_not_mapped", "Map a column to the customer name.");
        return [.. columns];
    }

    public async Task<ImportPlan> ValidateAsync(SheetData sheet, IReadOnlyDictionary<string, string?> mapping, Guid? resumingBatchId, CancellationToken ct)
    {
        var customFields = await CustomFieldsAsync(ct);
        var columns = ResolveMapping(sheet, mapping, ImportFields.All(customFields));
        var context = await LoadReferencesAsync(sheet, columns, customFields, ct);

        var rows = new List<ImportRow>(sheet.Rows.Count);
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var row = new ImportRow(i, sheet.Rows[i]);
            ParseRow(row, columns, context);
            rows.Add(row);
        }

        var groups = new List<ImportGroup>();
        var byName = new Dictionary<string, ImportGroup>();
        foreach (var row in rows.Where(r => r.Status == RowStatus.Valid))
        {
            if (byName.TryGetValue(row.Customer.NormalizedName, out var group)) group.Rows.Add(row);
            else groups.Add(byName[row.Customer.NormalizedName] = new ImportGroup(row));
        }
        DuplicatesWithinFile(groups);
        await DuplicatesInTenantAsync(groups, resumingBatchId, ct);
        return new ImportPlan(sheet, rows, groups.Where(g => g.First.Status == RowStatus.Valid).ToList());
    }

    private sealed record References(
        Dictionary<string, Dictionary<string, LookupItem>> Dictionaries,
        Dictionary<string, Guid> Users,
        IReadOnlyList<CustomFieldDefinition> CustomFields);

    private sealed record LookupItem(string Code, bool IsEnabled);

    private async Task<References> LoadReferencesAsync(SheetData sheet, (string Field, int Column)[] columns, IReadOnlyList<CustomFieldDefinition> customFields, CancellationToken ct)
    {
        var types = new[] { CustomerDictionaries.Level, CustomerDictionaries.Source, CustomerDictionaries.Industry }
            .Concat(customFields.Where(f => f.DictionaryTypeCode is not null).Select(f => f.DictionaryTypeCode!)).Distinct();
        var lookups = new Dictionary<string, Dictionary<string, LookupItem>>();
        foreach (var type in types)
        {
            var byText = new Dictionary<string, LookupItem>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in await dictionaries.ItemsAsync(type, ct))
            {
                var entry = new LookupItem(item.Code, item.IsEnabled);
                byText.TryAdd(item.Code, entry);
                byText.TryAdd(item.LabelZh, entry);
                byText.TryAdd(item.LabelEn, entry);
            }
            lookups[type] = byText;
        }

        // Owners (and user custom fields) by user name or display name; active users of the tenant only.
        var userColumns = columns.Where(c => c.Field == ImportFields.Owner
            || customFields.Any(f => f.FieldType == CustomFieldType.User && ImportFields.CustomPrefix + f.Name == c.Field)).Select(c => c.Column).ToList();
        var names = sheet.Rows.SelectMany(r => userColumns.Select(c => r[c])).OfType<string>().Distinct().ToList();
        var users = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in names.Chunk(InChunk))
        {
            var normalized = chunk.Select(n => n.ToUpperInvariant()).ToList();
            var found = await db.Users.AsNoTracking().Where(u => u.IsActive && (normalized.Contains(u.NormalizedUserName!) || chunk.Contains(u.Name)))
                .Select(u => new { u.Id, u.UserName, u.Name }).ToListAsync(ct);
            foreach (var u in found)
            {
                users[u.UserName!] = u.Id;
                users.TryAdd(u.Name, u.Id);
            }
        }
        return new References(lookups, users, customFields);
    }

    private static void ParseRow(ImportRow row, (string Field, int Column)[] columns, References refs)
    {
        var c = row.Customer;
        string? contactName = null, contactMobile = null, contactEmail = null, contactTitle = null;
        foreach (var (field, column) in columns)
        {
            var value = row.Cells[column];
            switch (field)
            {
                case ImportFields.Name: c.Name = Limit(row, field, value, 200) ?? ""; break;
                case ImportFields.Kind: c.Kind = ParseKind(row, value); break;
                case ImportFields.Level: c.LevelCode = Dictionary(row, field, CustomerDictionaries.Level, value, refs); break;
                case ImportFields.Source: c.SourceCode = Dictionary(row, field, CustomerDictionaries.Source, value, refs); break;
                case ImportFields.Industry: c.IndustryCode = Dictionary(row, field, CustomerDictionaries.Industry, value, refs); break;
                case ImportFields.Phones:
                    foreach (var phone in Split(value))
                    {
                        if (IsPhone(phone)) c.Phones.Add(phone);
                        else row.Fail(field, "import.invalid_phone", $"'{phone}' is not a phone number.", phone);
                    }
                    break;
                case ImportFields.Emails:
                    foreach (var email in Split(value))
                    {
                        if (IsEmail(email)) c.Emails.Add(email);
                        else row.Fail(field, "import.invalid_email", $"'{email}' is not an email address.", email);
                    }
                    break;
                case ImportFields.Tags: c.Tags.AddRange(Split(value).Where(t => Limit(row, field, t, 50) is not null)); break;
                case ImportFields.Province: c.Province = Limit(row, field, value, 64); break;
                case ImportFields.City: c.City = Limit(row, field, value, 64); break;
                case ImportFields.District: c.District = Limit(row, field, value, 64); break;
                case ImportFields.Address: c.Address = Limit(row, field, value, 500); break;
                case ImportFields.Website: c.Website = Limit(row, field, value, 300); break;
                case ImportFields.Remark: c.Remark = Limit(row, field, value, 2000); break;
                case ImportFields.Owner:
                    if (value is null) break;
                    if (refs.Users.TryGetValue(value, out var owner)) c.OwnerId = owner;
                    else row.Fail(field, "import.unknown_owner", $"There is no active user '{value}'.", value);
                    break;
                case ImportFields.ContactName: contactName = Limit(row, field, value, 100); break;
                case ImportFields.ContactMobile:
                    contactMobile = Limit(row, field, value, 32);
                    if (contactMobile is not null && !IsPhone(contactMobile)) row.Fail(field, "import.invalid_phone", $"'{contactMobile}' is not a phone number.", contactMobile);
                    break;
                case ImportFields.ContactEmail:
                    contactEmail = Limit(row, field, value, 256);
                    if (contactEmail is not null && !IsEmail(contactEmail)) row.Fail(field, "import.invalid_email", $"'{contactEmail}' is not an email address.", contactEmail);
                    break;
                case ImportFields.ContactTitle: contactTitle = Limit(row, field, value, 100); break;
                default: CustomField(row, field, value, refs); break;
            }
        }
        if (string.IsNullOrWhiteSpace(c.Name)) row.Fail(ImportFields.Name, "import.name_required", "The customer name is required.");
        c.NormalizedName = CustomerNormalizer.Name(c.Name);
        if (c.Name.Length > 0 && c.NormalizedName.Length == 0) row.Fail(ImportFields.Name, "import.name_required", "The name has no letters or digits.", c.Name);
        DedupeLists(row, c);
        if (contactName is not null) row.Contact = new ParsedContact(contactName, contactMobile, contactEmail, contactTitle);
        else if (contactMobile is not null || contactEmail is not null || contactTitle is not null)
            row.Fail(ImportFields.ContactName, "import.contact_name_required", "A contact needs a name.");
        foreach (var field in refs.CustomFields.Where(f => f.IsRequired && !f.IsHidden && f.DefaultValue is null))
        {
            if (!c.CustomFields.ContainsKey(field.Name) && row.Errors.All(e => e.Field != ImportFields.CustomPrefix + field.Name))
                row.Fail(ImportFields.CustomPrefix + field.Name, "custom_field.required", $"{field.LabelEn} is required.");
        }
    }

    private static void DedupeLists(ImportRow row, ParsedCustomer c)
    {
        Distinct(c.Phones, CustomerNormalizer.Phone);
        Distinct(c.Emails, CustomerNormalizer.Email);
        Distinct(c.Tags, t => t);
        // The lists are stored as JSON in 2,000 characters.
        if (JsonSerializer.Serialize(c.Phones).Length > 2000) row.Fail(ImportFields.Phones, "import.too_long", "Too many phone numbers.");
        if (JsonSerializer.Serialize(c.Emails).Length > 2000) row.Fail(ImportFields.Emails, "import.too_long", "Too many email addresses.");
        if (JsonSerializer.Serialize(c.Tags).Length > 2000) row.Fail(ImportFields.Tags, "import.too_long", "Too many tags.");
    }

    private static void Distinct(List<string> values, Func<string, string> key)
    {
        var seen = new HashSet<string>();
        values.RemoveAll(v => !seen.Add(key(v)));
    }

    private static CustomerKind ParseKind(ImportRow row, string? value)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "company" or "organization" or "organisation" or "企业" or "公司" or "单位" or "企业客户": return CustomerKind.Company;
            case "person" or "individual" or "个人" or "个人客户": return CustomerKind.Person;
            default:
                row.Fail(ImportFields.Kind, "import.unknown_kind", $"'{value}' is neither Company (企业) nor Person (个人).", value);
                return CustomerKind.Company;
        }
    }

    private static string? Dictionary(ImportRow row, string field, string type, string? value, References refs)
    {
        if (value is null) return null;
        if (!refs.Dictionaries[type].TryGetValue(value.Trim(), out var item))
        {
            row.Fail(field, "dictionary.unknown_item", $"'{value}' is not a value of {type}.", value);
            return null;
        }
        if (!item.IsEnabled) row.Fail(field, "dictionary.item_disabled", $"'{value}' is disabled and can no longer be chosen.", value);
        return item.Code;
    }

    private static void CustomField(ImportRow row, string key, string? value, References refs)
    {
        var field = refs.CustomFields.First(f => ImportFields.CustomPrefix + f.Name == key);
        if (value is null) return;
        object? parsed;
        switch (field.FieldType)
        {
            case CustomFieldType.Number:
                if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    row.Fail(key, "custom_field.not_a_number", $"'{value}' is not a number.", value);
                    return;
                }
                parsed = number;
                break;
            case CustomFieldType.Date:
                string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm", "yyyy年M月d日"];
                if (!DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    row.Fail(key, "custom_field.not_a_date", $"'{value}' is not a date (yyyy-MM-dd).", value);
                    return;
                }
                parsed = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case CustomFieldType.Boolean:
                switch (value.Trim().ToLowerInvariant())
                {
                    case "true" or "yes" or "y" or "1" or "是" or "对": parsed = true; break;
                    case "false" or "no" or "n" or "0" or "否" or "不是": parsed = false; break;
                    default:
                        row.Fail(key, "custom_field.not_a_boolean", $"'{value}' is neither yes (是) nor no (否).", value);
                        return;
                }
                break;
            case CustomFieldType.Dictionary:
                parsed = Dictionary(row, key, field.DictionaryTypeCode!, value, refs);
                if (parsed is null) return;
                break;
            case CustomFieldType.MultiSelect:
                var codes = Split(value).Select(v => Dictionary(row, key, field.DictionaryTypeCode!, v, refs)).ToList();
                if (codes.Any(code => code is null)) return;
                parsed = codes;
                break;
            case CustomFieldType.User:
                if (!refs.Users.TryGetValue(value, out var userId))
                {
                    row.Fail(key, "custom_field.unknown_user", $"There is no active user '{value}'.", value);
                    return;
                }
                parsed = userId.ToString();
                break;
            default:
                var max = field.FieldType == CustomFieldType.LongText ? 4000 : 500;
                if (Limit(row, key, value, max) is null) return;
                parsed = value;
                break;
        }
        row.Customer.CustomFields[field.Name] = JsonSerializer.SerializeToElement(parsed);
    }

    /// <summary>Customers of the file sharing a phone or email with an earlier customer of the file.</summary>
    private static void DuplicatesWithinFile(List<ImportGroup> groups)
    {
        var seen = new Dictionary<(CustomerKeyKind, string), ImportGroup>();
        foreach (var group in groups)
        {
            foreach (var (kind, value) in ContactKeys(group.Customer))
            {
                if (seen.TryGetValue((kind, value), out var earlier) && earlier != group)
                {
                    MarkDuplicate(group, kind == CustomerKeyKind.Phone ? ImportFields.Phones : ImportFields.Emails,
                        $"Row {earlier.First.Number} of this file has the same {kind.ToString().ToLowerInvariant()} '{value}'.", null, earlier.Customer.Name, earlier.First.Number);
                    break;
                }
                seen.TryAdd((kind, value), group);
            }
        }
    }

    private async Task DuplicatesInTenantAsync(List<ImportGroup> groups, Guid? resumingBatchId, CancellationToken ct)
    {
        var candidates = groups.Where(g => g.First.Status == RowStatus.Valid).ToList();
        var wanted = candidates.Select(g => (CustomerKeyKind.Name, g.Customer.NormalizedName)).Concat(candidates.SelectMany(g => ContactKeys(g.Customer))).Distinct()
            .GroupBy(k => k.Item1, k => k.Item2);
        var found = new Dictionary<(CustomerKeyKind, string), Guid>();
        foreach (var kind in wanted)
        {
            var k = kind.Key;
            foreach (var chunk in kind.Chunk(InChunk))
            {
                var rows = await db.Set<CustomerKey>().AsNoTracking().Where(x => x.Kind == k && chunk.Contains(x.Value))
                    .Select(x => new { x.Value, x.CustomerId }).ToListAsync(ct);
                foreach (var row in rows) found.TryAdd((k, row.Value), row.CustomerId);
            }
        }
        if (found.Count == 0) return;

        // A resumed commit must not see the customers it created itself as duplicates.
        var ours = resumingBatchId is { } batchId
            ? (await db.Set<Customer>().AsNoTracking().Where(c => c.ImportBatchId == batchId).Select(c => c.Id).ToListAsync(ct)).ToHashSet()
            : [];
        var names = new Dictionary<Guid, string>();
        foreach (var chunk in found.Values.Distinct().Where(id => !ours.Contains(id)).Chunk(InChunk))
        {
            foreach (var c in await db.Set<Customer>().AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                names[c.Id] = c.Name;
        }
        foreach (var group in candidates)
        {
            var keys = new[] { (CustomerKeyKind.Name, group.Customer.NormalizedName) }.Concat(ContactKeys(group.Customer));
            foreach (var key in keys)
            {
                if (found.TryGetValue(key, out var id) && names.TryGetValue(id, out var name))
                {
                    var field = key.Item1 switch { CustomerKeyKind.Name => ImportFields.Name, CustomerKeyKind.Phone => ImportFields.Phones, _ => ImportFields.Emails };
                    MarkDuplicate(group, field, $"Customer '{name}' already has this {key.Item1.ToString().ToLowerInvariant()}.", id, name, null);
                    break;
                }
            }
        }
    }

    private static IEnumerable<(CustomerKeyKind, string)> ContactKeys(ParsedCustomer c) =>
        c.Phones.Select(p => (CustomerKeyKind.Phone, CustomerNormalizer.Phone(p)))
            .Concat(c.Emails.Select(e => (CustomerKeyKind.Email, CustomerNormalizer.Email(e))))
            .Where(k => k.Item2.Length > 0);

    private static void MarkDuplicate(ImportGroup group, string field, string message, Guid? customerId, string name, int? row)
    {
        foreach (var r in group.Rows)
        {
            r.Duplicate(field, message);
            r.DuplicateOfCustomerId = customerId;
            r.DuplicateOfName = name;
            r.DuplicateOfRow = row;
        }
    }

    private static IEnumerable<string> Split(string? value) =>
        value is null ? [] : value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Limit(ImportRow row, string field, string? value, int max)
    {
        if (value is null || value.Length <= max) return value;
        row.Fail(field, "import.too_long", $"At most {max} characters.");
        return null;
    }

    private static bool IsPhone(string value)
    {
        if (value.Any(ch => !(char.IsDigit(ch) || ch is '+' or '-' or ' ' or '(' or ')' or '（' or '）' or '－' or '＋'))) return false;
        var digits = CustomerNormalizer.Phone(value).Length;
        return digits is >= 5 and <= 20;
    }

    private static bool IsEmail(string value) =>
        value.Length <= 256 && System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);
}
