using System.Globalization;
using System.Text.Json;
using SaasCrm.Platform.Http;

namespace SaasCrm.Service.Workflow;

/// <summary>Reads the loosely typed values a workflow writes (JSON elements, strings, numbers) into the record's types.</summary>
internal static class RecordFieldValues
{
    public static DateTime? DateTime(object? value, string field) => Unwrap(value) switch
    {
        null => null,
        System.DateTime d => d.Kind == DateTimeKind.Unspecified ? System.DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime(),
        DateTimeOffset o => o.UtcDateTime,
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var o) => o.UtcDateTime,
        _ => throw Bad(field, "a date"),
    };

    public static int Int(object? value, string field) => Unwrap(value) switch
    {
        int i => i,
        long l => checked((int)l),
        decimal m => (int)m,
        double d => (int)d,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        _ => throw Bad(field, "a number"),
    };

    public static Guid? Guid(object? value, string field) => Unwrap(value) switch
    {
        null => null,
        System.Guid g => g,
        string s when System.Guid.TryParse(s, out var g) => g,
        _ => throw Bad(field, "an id"),
    };

    public static string? Text(object? value) => Unwrap(value)?.ToString();

    private static object? Unwrap(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDecimal(),
        System.Text.Json.Nodes.JsonValue v => v.GetValue<JsonElement>() is var e ? Unwrap(e) : null,
        _ => value,
    };

    private static Exception Bad(string field, string what) =>
        RequestValidationException.For(field, "workflow.bad_value", $"The field '{field}' needs {what}.");
}
