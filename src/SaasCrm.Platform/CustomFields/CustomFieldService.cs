using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;

namespace SaasCrm.Platform.CustomFields;

/// <summary>A filter on a custom field: <c>cf.budget=gte:1000</c>, <c>cf.region=in:east,south</c>, <c>cf.note=contains:vip</c>.</summary>
public sealed record CustomFieldFilter(string Name, string Operator, string Value);

/// <summary>
/// What every module uses for its records' custom fields: validate and store them with the record (same
/// unit of work), read them back, and filter or sort lists by them in SQL.
/// </summary>
public sealed class CustomFieldService(PlatformDbContext db, IDictionaryLookup dictionaries, Security.ICurrentUser user, TimeProvider clock,
    MultiTenancy.ICurrentTenant tenant)
{
    private readonly Dictionary<(Guid?, string), IReadOnlyList<CustomFieldDefinition>> _definitions = [];

    /// <summary>
    /// The entity type's field definitions in display order, read once per scope (a request or a job runs many
    /// reads of the same few rows) and per tenant, since a scope may switch tenants. Untracked: not for editing.
    /// </summary>
    public async Task<IReadOnlyList<CustomFieldDefinition>> DefinitionsAsync(string entityType, CancellationToken ct)
    {
        var key = (tenant.Id, entityType);
        if (!_definitions.TryGetValue(key, out var fields))
            _definitions[key] = fields = await db.CustomFieldDefinitions.AsNoTracking().Where(f => f.EntityType == entityType).OrderBy(f => f.Sort).ToListAsync(ct);
        return fields;
    }

    /// <summary>
    /// Validates <paramref name="input"/> (field name → JSON value) and queues the rows. On create, missing
    /// fields take their default and required ones must be present; on update, only given fields change.
    /// Errors are 400s on "customFields.{name}".
    /// </summary>
    public async Task SaveAsync(string entityType, Guid entityId, IReadOnlyDictionary<string, JsonElement>? input, bool isCreate, CancellationToken ct)
    {
        var fields = await db.CustomFieldDefinitions.Where(f => f.EntityType == entityType).ToListAsync(ct);
        var existing = isCreate ? [] : await db.CustomFieldValues.Where(v => v.EntityType == entityType && v.EntityId == entityId).ToListAsync(ct);
        var errors = new List<ValidationFailure>();
        var changes = await ValidateAsync(fields, input, existing, isCreate, errors, new ReferenceChecks(db, dictionaries), ct);
        if (errors.Count > 0) throw new RequestValidationException(errors);
        if (!isCreate) LogChanges(entityType, entityId, changes, existing);
        Queue(entityType, entityId, changes, existing);
    }

    /// <summary>
    /// <see cref="SaveAsync"/> for many records created in one unit of work (imports): each record is checked the same
    /// way, but definitions are loaded once and each dictionary code or user is checked once, not once per record.
    /// Nothing is queued when any record is invalid.
    /// </summary>
    public async Task SaveCreatedAsync(string entityType, IReadOnlyList<(Guid EntityId, IReadOnlyDictionary<string, JsonElement>? Input)> records, CancellationToken ct)
    {
        if (records.Count == 0) return;
        var fields = await DefinitionsAsync(entityType, ct);
        var errors = new List<ValidationFailure>();
        var checks = new ReferenceChecks(db, dictionaries);
        var valid = new List<(Guid, List<(CustomFieldDefinition, TypedValue)>)>(records.Count);
        foreach (var (entityId, input) in records)
        {
            valid.Add((entityId, await ValidateAsync(fields, input, [], isCreate: true, errors, checks, ct)));
        }
        if (errors.Count > 0) throw new RequestValidationException(errors);
        foreach (var (entityId, changes) in valid) Queue(entityType, entityId, changes, []);
    }

    private static async Task<List<(CustomFieldDefinition Field, TypedValue Value)>> ValidateAsync(IReadOnlyList<CustomFieldDefinition> fields,
        IReadOnlyDictionary<string, JsonElement>? input, List<CustomFieldValue> existing, bool isCreate, List<ValidationFailure> errors, ReferenceChecks checks, CancellationToken ct)
    {
        input ??= new Dictionary<string, JsonElement>();
        foreach (var unknown in input.Keys.Where(k => fields.All(f => f.Name != k)))
        {
            errors.Add(new ValidationFailure($"customFields.{unknown}", $"There is no field '{unknown}'.") { ErrorCode = "custom_field.unknown_field" });
        }

        var changes = new List<(CustomFieldDefinition Field, TypedValue Value)>();
        foreach (var field in fields)
        {
            var path = $"customFields.{field.Name}";
            var given = input.TryGetValue(field.Name, out var json);
            if (!given && isCreate && field.DefaultValue is not null)
            {
                json = JsonDocument.Parse(field.DefaultValue).RootElement;
                given = true;
            }
            var current = existing.Where(v => v.FieldId == field.Id).ToList();
            if (!given)
            {
                if (field.IsRequired && current.Count == 0 && !field.IsHidden) Required(errors, path);
                continue;
            }
            var value = CustomFieldValueConverter.Parse(field, json, path, errors);
            if (value.IsEmpty && field.IsRequired) Required(errors, path);
            await checks.CheckAsync(field, value, current, path, errors, ct);
            changes.Add((field, value));
        }
        return changes;
    }

    private void Queue(string entityType, Guid entityId, List<(CustomFieldDefinition Field, TypedValue Value)> changes, List<CustomFieldValue> existing)
    {
        foreach (var (field, value) in changes)
        {
            db.CustomFieldValues.RemoveRange(existing.Where(v => v.FieldId == field.Id));
            foreach (var text in value.Texts.DefaultIfEmpty(null))
            {
                if (text is null && value.Number is null && value.Date is null) continue;
                db.CustomFieldValues.Add(new CustomFieldValue
                {
                    EntityType = entityType, EntityId = entityId, FieldId = field.Id, TextValue = text, NumberValue = value.Number, DateValue = value.Date,
                });
            }
        }
    }

    /// <summary>
    /// Value rows are not entities of their own in the change log: a changed field is recorded as "cf.{name}" on
    /// the record (under its record type name), so the record's history shows custom fields beside its own fields.
    /// </summary>
    private void LogChanges(string entityType, Guid entityId, List<(CustomFieldDefinition Field, TypedValue Value)> changes, List<CustomFieldValue> existing)
    {
        var properties = new List<Auditing.EntityPropertyChange>();
        foreach (var (field, value) in changes)
        {
            var rows = existing.Where(v => v.FieldId == field.Id).ToList();
            var before = Describe(rows.Select(r => r.TextValue).Where(t => t is not null).ToList(), rows.FirstOrDefault()?.NumberValue, rows.FirstOrDefault()?.DateValue);
            var after = Describe(value.Texts, value.Number, value.Date);
            if (before != after) properties.Add(new Auditing.EntityPropertyChange { PropertyName = "cf." + field.Name, OldValue = before, NewValue = after });
        }
        if (properties.Count == 0) return;
        var change = new Auditing.EntityChange
        {
            EntityType = entityType, EntityId = entityId.ToString(), ChangeType = Auditing.EntityChangeType.Updated,
            ChangedAt = clock.GetUtcNow().UtcDateTime, UserId = user.Id, UserName = user.UserName, PropertyChanges = properties,
        };
        foreach (var p in properties) p.EntityChangeId = change.Id;
        db.Add(change);
    }

    private static string? Describe(IReadOnlyList<string?> texts, decimal? number, DateTime? date) =>
        texts.Count > 0 ? string.Join(", ", texts)
        : number is { } n ? n.ToString("0.############################", CultureInfo.InvariantCulture)
        : date is { } d ? d.ToString("O", CultureInfo.InvariantCulture)
        : null;

    /// <summary>Custom field values of the given records: entity id → field name → value.</summary>
    public async Task<Dictionary<Guid, Dictionary<string, object?>>> LoadAsync(string entityType, IReadOnlyCollection<Guid> entityIds, CancellationToken ct)
    {
        var fields = await DefinitionsAsync(entityType, ct);
        var ids = entityIds.Distinct().ToList();
        var rows = await db.CustomFieldValues.AsNoTracking().Where(v => v.EntityType == entityType && ids.Contains(v.EntityId)).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => fields.ToDictionary(f => f.Name,
            f => CustomFieldValueConverter.Present(f, rows.Where(r => r.EntityId == id && r.FieldId == f.Id).ToList())));
    }

    /// <summary>Removes the values of a deleted record.</summary>
    public async Task DeleteAsync(string entityType, Guid entityId, CancellationToken ct) =>
        db.CustomFieldValues.RemoveRange(await db.CustomFieldValues.Where(v => v.EntityType == entityType && v.EntityId == entityId).ToListAsync(ct));

    /// <summary>Reads <c>cf.{name}</c> query parameters into filters.</summary>
    public static IReadOnlyList<CustomFieldFilter> ParseFilters(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query) =>
        query.Where(q => q.Key.StartsWith("cf.", StringComparison.Ordinal))
            .Select(q =>
            {
                var raw = q.Value.ToString();
                var colon = raw.IndexOf(':', StringComparison.Ordinal);
                var op = colon > 0 && Operators.Contains(raw[..colon]) ? raw[..colon] : "eq";
                return new CustomFieldFilter(q.Key[3..], op, op == "eq" && !raw.StartsWith("eq:", StringComparison.Ordinal) ? raw : raw[(colon + 1)..]);
            })
            .ToList();

    private static readonly HashSet<string> Operators = ["eq", "contains", "gt", "gte", "lt", "lte", "in"];

    public async Task<IQueryable<T>> FilterAsync<T>(IQueryable<T> query, string entityType, IReadOnlyList<CustomFieldFilter> filters, CancellationToken ct) where T : Entity
    {
        foreach (var filter in filters)
        {
            var field = await FieldAsync(entityType, filter.Name, "cf." + filter.Name, ct);
            var fieldId = field.Id;
            var matching = db.CustomFieldValues.Where(v => v.FieldId == fieldId).Where(Predicate(field, filter));
            query = query.Where(e => matching.Any(v => v.EntityId == e.Id));
        }
        return query;
    }

    /// <summary>Orders by a custom field ("cf.budget" or "-cf.budget"); records without a value come first ascending.</summary>
    public async Task<IQueryable<T>> OrderByAsync<T>(IQueryable<T> query, string entityType, string name, bool descending, CancellationToken ct) where T : Entity
    {
        var field = await FieldAsync(entityType, name, "sort", ct);
        var fieldId = field.Id;
        var values = db.CustomFieldValues.Where(v => v.FieldId == fieldId);
        return field.FieldType switch
        {
            CustomFieldType.Number or CustomFieldType.Boolean => Order(query, e => values.Where(v => v.EntityId == e.Id).Min(v => v.NumberValue), descending),
            CustomFieldType.Date => Order(query, e => values.Where(v => v.EntityId == e.Id).Min(v => v.DateValue), descending),
            _ => Order(query, e => values.Where(v => v.EntityId == e.Id).Min(v => v.TextValue), descending),
        };
    }

    private static IQueryable<T> Order<T, TKey>(IQueryable<T> query, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private static Expression<Func<CustomFieldValue, bool>> Predicate(CustomFieldDefinition field, CustomFieldFilter filter)
    {
        var invalid = RequestValidationException.For("cf." + filter.Name, "custom_field.invalid_filter", $"Cannot filter {field.Name} with '{filter.Operator}:{filter.Value}'.");
        switch (field.FieldType)
        {
            case CustomFieldType.Number:
            case CustomFieldType.Boolean:
                var number = field.FieldType == CustomFieldType.Boolean
                    ? (bool.TryParse(filter.Value, out var b) ? (b ? 1 : 0) : throw invalid)
                    : decimal.TryParse(filter.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : throw invalid;
                return filter.Operator switch
                {
                    "eq" => v => v.NumberValue == number,
                    "gt" => v => v.NumberValue > number,
                    "gte" => v => v.NumberValue >= number,
                    "lt" => v => v.NumberValue < number,
                    "lte" => v => v.NumberValue <= number,
                    _ => throw invalid,
                };
            case CustomFieldType.Date:
                var date = DateOnly.TryParseExact(filter.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : throw invalid;
                return filter.Operator switch
                {
                    "eq" => v => v.DateValue == date,
                    "gt" => v => v.DateValue > date,
                    "gte" => v => v.DateValue >= date,
                    "lt" => v => v.DateValue < date,
                    "lte" => v => v.DateValue <= date,
                    _ => throw invalid,
                };
            default:
                var text = filter.Value;
                var list = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                return filter.Operator switch
                {
                    "eq" => v => v.TextValue == text,
                    "contains" => v => v.TextValue!.Contains(text),
                    "in" => v => list.Contains(v.TextValue!),
                    _ => throw invalid,
                };
        }
    }

    private async Task<CustomFieldDefinition> FieldAsync(string entityType, string name, string path, CancellationToken ct) =>
        await db.CustomFieldDefinitions.AsNoTracking().FirstOrDefaultAsync(f => f.EntityType == entityType && f.Name == name, ct)
        ?? throw RequestValidationException.For(path, "custom_field.unknown_field", $"There is no field '{name}'.");

    /// <summary>Dictionary and user references of values; a code or user already checked in this save is not asked again.</summary>
    private sealed class ReferenceChecks(PlatformDbContext db, IDictionaryLookup dictionaries)
    {
        private readonly Dictionary<(Guid FieldId, string? Code, string? Held), List<ValidationFailure>> _codes = [];
        private readonly Dictionary<Guid, bool> _users = [];

        public async Task CheckAsync(CustomFieldDefinition field, TypedValue value, List<CustomFieldValue> current, string path, List<ValidationFailure> errors, CancellationToken ct)
        {
            if (field.FieldType is CustomFieldType.Dictionary or CustomFieldType.MultiSelect)
            {
                foreach (var code in value.Texts)
                {
                    // A disabled item the record already holds stays allowed.
                    var held = current.Any(v => v.TextValue == code) ? code : null;
                    if (!_codes.TryGetValue((field.Id, code, held), out var failures))
                    {
                        failures = [];
                        try
                        {
                            await dictionaries.EnsureSelectableAsync(field.DictionaryTypeCode!, code, path, held, ct);
                        }
                        catch (RequestValidationException e)
                        {
                            failures.AddRange(e.Failures);
                        }
                        _codes[(field.Id, code, held)] = failures;
                    }
                    errors.AddRange(failures);
                }
            }
            else if (field.FieldType == CustomFieldType.User && value.Texts is [{ } text])
            {
                var userId = Guid.Parse(text);
                if (!_users.TryGetValue(userId, out var exists)) _users[userId] = exists = await db.Users.AnyAsync(u => u.Id == userId, ct);
                if (!exists) errors.Add(new ValidationFailure(path, "The user does not exist.") { ErrorCode = "custom_field.unknown_user" });
            }
        }
    }

    private static void Required(List<ValidationFailure> errors, string path) =>
        errors.Add(new ValidationFailure(path, "This field is required.") { ErrorCode = "custom_field.required" });
}
