using System.Globalization;
using System.Text.Json;
using FluentValidation.Results;

namespace SaasCrm.Platform.CustomFields;

/// <summary>A value checked against its field's type, ready to store (one or more typed rows).</summary>
public sealed record TypedValue(IReadOnlyList<string?> Texts, decimal? Number, DateTime? Date)
{
    public static readonly TypedValue Empty = new([], null, null);
    public bool IsEmpty => Texts.Count == 0 && Number is null && Date is null;
}

/// <summary>Parses a JSON value for a field of a given type; the dictionary and user checks are done by the caller.</summary>
internal static class CustomFieldValueConverter
{
    public static TypedValue Parse(CustomFieldDefinition field, JsonElement json, string path, List<ValidationFailure> errors)
    {
        if (json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return TypedValue.Empty;
        switch (field.FieldType)
        {
            case CustomFieldType.Text or CustomFieldType.LongText or CustomFieldType.Dictionary or CustomFieldType.User:
                if (json.ValueKind != JsonValueKind.String) return Fail(errors, path, "custom_field.not_text", "Enter text.");
                var text = json.GetString()!.Trim();
                var max = field.FieldType == CustomFieldType.LongText ? 4000 : 500;
                if (text.Length > max) return Fail(errors, path, "custom_field.too_long", $"At most {max} characters.");
                if (field.FieldType == CustomFieldType.User && !Guid.TryParse(text, out _)) return Fail(errors, path, "custom_field.unknown_user", "Choose a user.");
                return text.Length == 0 ? TypedValue.Empty : new TypedValue([text], null, null);
            case CustomFieldType.MultiSelect:
                if (json.ValueKind != JsonValueKind.Array || json.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                    return Fail(errors, path, "custom_field.not_a_list", "Choose one or more items.");
                return new TypedValue(json.EnumerateArray().Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0).Distinct().ToList<string?>(), null, null);
            case CustomFieldType.Number:
                decimal number;
                if (json.ValueKind == JsonValueKind.Number && json.TryGetDecimal(out number)) { }
                else if (json.ValueKind == JsonValueKind.String && decimal.TryParse(json.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out number)) { }
                else return Fail(errors, path, "custom_field.not_a_number", "Enter a number.");
                var places = field.Precision ?? 2;
                if (decimal.Round(number, places) != number) return Fail(errors, path, "custom_field.too_many_decimals", $"At most {places} decimal places.");
                return new TypedValue([], number, null);
            case CustomFieldType.Date:
                if (json.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(json.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return new TypedValue([], null, date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
                return Fail(errors, path, "custom_field.not_a_date", "Enter a date as yyyy-MM-dd.");
            case CustomFieldType.Boolean:
                if (json.ValueKind is JsonValueKind.True or JsonValueKind.False) return new TypedValue([], json.GetBoolean() ? 1 : 0, null);
                return Fail(errors, path, "custom_field.not_a_boolean", "Choose yes or no.");
            default:
                return Fail(errors, path, "custom_field.unsupported", "Unsupported field type.");
        }
    }

    /// <summary>The stored rows of one field as the API shows them.</summary>
    public static object? Present(CustomFieldDefinition field, IReadOnlyList<CustomFieldValue> rows)
    {
        if (rows.Count == 0) return null;
        var row = rows[0];
        return field.FieldType switch
        {
            CustomFieldType.MultiSelect => rows.Select(r => r.TextValue).Order(StringComparer.Ordinal).ToArray(),
            CustomFieldType.Number => row.NumberValue,
            CustomFieldType.Boolean => row.NumberValue == 1,
            CustomFieldType.Date => row.DateValue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => row.TextValue,
        };
    }

    private static TypedValue Fail(List<ValidationFailure> errors, string path, string code, string message)
    {
        errors.Add(new ValidationFailure(path, message) { ErrorCode = code });
        return TypedValue.Empty;
    }
}
