using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SaasCrm.Workflows.Conditions;

/// <summary>
/// Evaluates conditions ({all}, {any}, {not}, {field, op, value}) by the field's type: numbers as decimals, dates
/// as UTC instants, booleans, ids as Guids, everything else as ordinal strings (contains/startsWith ignore case).
/// </summary>
public static class ConditionEvaluator
{
    public static bool Evaluate(JsonNode? condition, FieldCatalog catalog, Func<string, object?> read)
    {
        if (condition is null) return true;
        if (condition is not JsonObject obj) throw new InvalidOperationException("A condition must be a JSON object.");
        if (obj["all"] is JsonArray all) return all.All(c => Evaluate(c, catalog, read));
        if (obj["any"] is JsonArray any) return any.Any(c => Evaluate(c, catalog, read));
        if (obj.ContainsKey("not")) return !Evaluate(obj["not"], catalog, read);

        var field = obj["field"]?.GetValue<string>() ?? throw new InvalidOperationException("A comparison needs a field.");
        var op = obj["op"]?.GetValue<string>() ?? "eq";
        catalog.TryResolve(field, out var type, out _);
        return Compare(read(field), op, obj["value"], type);
    }

    /// <summary>Compares an actual value with the condition's JSON value under <paramref name="op"/>.</summary>
    public static bool Compare(object? actual, string op, JsonNode? expected, WorkflowFieldType? type)
    {
        type ??= InferType(expected);
        var value = Normalize(actual, type.Value);
        switch (op)
        {
            case "isEmpty": return IsEmpty(value);
            case "isNotEmpty": return !IsEmpty(value);
            case "eq": return EqualsTyped(value, FromJson(expected, type.Value));
            case "ne": return !EqualsTyped(value, FromJson(expected, type.Value));
            case "in": return Items(expected).Any(e => EqualsTyped(value, FromJson(e, type.Value)));
            case "notIn": return !Items(expected).Any(e => EqualsTyped(value, FromJson(e, type.Value)));
            case "contains": return Contains(value, FromJson(expected, type.Value));
            case "notContains": return !Contains(value, FromJson(expected, type.Value));
            case "startsWith":
                return value is string s && FromJson(expected, type.Value) is string prefix && s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
            case "gt": return Order(value, FromJson(expected, type.Value)) is > 0;
            case "gte": return Order(value, FromJson(expected, type.Value)) is >= 0;
            case "lt": return Order(value, FromJson(expected, type.Value)) is < 0;
            case "lte": return Order(value, FromJson(expected, type.Value)) is <= 0;
            default: throw new InvalidOperationException($"Unknown operator '{op}'.");
        }
    }

    private static WorkflowFieldType InferType(JsonNode? expected)
    {
        var sample = expected is JsonArray a ? a.FirstOrDefault() : expected;
        return sample?.GetValueKind() switch
        {
            JsonValueKind.Number => WorkflowFieldType.Number,
            JsonValueKind.True or JsonValueKind.False => WorkflowFieldType.Boolean,
            _ => WorkflowFieldType.Text,
        };
    }

    private static IEnumerable<JsonNode?> Items(JsonNode? expected) => expected is JsonArray array ? array : [expected];

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IList list => list.Count == 0,
        _ => false,
    };

    private static bool EqualsTyped(object? actual, object? expected)
    {
        if (actual is IList list) return list.Cast<object?>().Any(a => Equals(a, expected));
        return Equals(actual, expected);
    }

    private static bool Contains(object? actual, object? expected) => actual switch
    {
        string s when expected is string e => s.Contains(e, StringComparison.OrdinalIgnoreCase),
        IList list => list.Cast<object?>().Any(a => a is string x && expected is string e ? string.Equals(x, e, StringComparison.OrdinalIgnoreCase) : Equals(a, expected)),
        _ => false,
    };

    private static int? Order(object? actual, object? expected) => (actual, expected) switch
    {
        (decimal a, decimal e) => a.CompareTo(e),
        (DateTime a, DateTime e) => a.CompareTo(e),
        (string a, string e) => string.CompareOrdinal(a, e),
        _ => null,
    };

    private static object? FromJson(JsonNode? node, WorkflowFieldType type)
    {
        if (node is null) return null;
        if (node is JsonArray array) return array.Select(n => FromJson(n, type)).ToList();
        var element = node.GetValue<JsonElement>();
        object? raw = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetDecimal(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
        return Normalize(raw, type);
    }

    /// <summary>Brings a value to the type's canonical CLR form; values that cannot be read as the type become null.</summary>
    public static object? Normalize(object? value, WorkflowFieldType type)
    {
        if (value is null) return null;
        if (value is JsonNode node) return FromJson(node, type);
        if (value is IEnumerable items and not string) return items.Cast<object?>().Select(i => Normalize(i, type)).ToList();
        var inv = CultureInfo.InvariantCulture;
        return type switch
        {
            WorkflowFieldType.Number => value switch
            {
                decimal d => d,
                int or long or short or double or float => Convert.ToDecimal(value, inv),
                string s when decimal.TryParse(s, NumberStyles.Number, inv, out var d) => d,
                _ => null,
            },
            WorkflowFieldType.DateTime => value switch
            {
                DateTime dt => dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : DateTime.SpecifyKind(dt, DateTimeKind.Utc),
                DateTimeOffset dto => dto.UtcDateTime,
                DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                string s when DateTimeOffset.TryParse(s, inv, DateTimeStyles.AssumeUniversal, out var dto) => dto.UtcDateTime,
                _ => null,
            },
            WorkflowFieldType.Boolean => value switch
            {
                bool b => b,
                string s when bool.TryParse(s, out var b) => b,
                _ => null,
            },
            WorkflowFieldType.User or WorkflowFieldType.Department => value switch
            {
                Guid g => g,
                string s when Guid.TryParse(s, out var g) => g,
                _ => null,
            },
            _ => value switch
            {
                string s => s,
                IFormattable f => f.ToString(null, inv),
                _ => value.ToString(),
            },
        };
    }
}
