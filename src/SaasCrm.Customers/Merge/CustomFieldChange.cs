using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers.Merge;

public sealed record CustomFieldRow(string? Text, decimal? Number, DateTime? Date);

/// <summary>The survivor's rows of one custom field before and after the merge took another customer's value.</summary>
public sealed record CustomFieldChange(Guid FieldId, List<CustomFieldRow> Before, List<CustomFieldRow> After)
{
    public static string Serialize(List<CustomFieldChange> changes) => JsonSerializer.Serialize(changes);
    public static List<CustomFieldChange> Parse(string json) => JsonSerializer.Deserialize<List<CustomFieldChange>>(json) ?? [];

    public static async Task<List<CustomFieldValue>> RowsAsync(PlatformDbContext db, Guid customerId, Guid fieldId, CancellationToken ct) =>
        await db.CustomFieldValues
            .Where(v => v.EntityType == CustomersModule.CustomerRecordType && v.EntityId == customerId && v.FieldId == fieldId)
            .OrderBy(v => v.Id).ToListAsync(ct);

    public static List<CustomFieldRow> Of(IEnumerable<CustomFieldValue> rows) =>
        rows.Select(r => new CustomFieldRow(r.TextValue, r.NumberValue, r.DateValue)).OrderBy(r => r.Text).ThenBy(r => r.Number).ThenBy(r => r.Date).ToList();

    /// <summary>Replaces the customer's rows of the field (already loaded and tracked) with <paramref name="rows"/>.</summary>
    public static void Replace(PlatformDbContext db, Guid customerId, Guid fieldId, List<CustomFieldValue> current, IEnumerable<CustomFieldRow> rows)
    {
        db.CustomFieldValues.RemoveRange(current);
        foreach (var row in rows)
            db.CustomFieldValues.Add(new CustomFieldValue
            {
                EntityType = CustomersModule.CustomerRecordType, EntityId = customerId, FieldId = fieldId,
                TextValue = row.Text, NumberValue = row.Number, DateValue = row.Date,
            });
    }
}
