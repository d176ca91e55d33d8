using System.Globalization;

namespace SaasCrm.Workflows.Runtime;

/// <summary>
/// A journal line as data: a message code the UI translates (workflows.journal.codes.*) and its arguments, so the
/// journal reads in the viewer's language. Arguments named <c>userId</c> or <c>departmentId</c> hold ids that the
/// journal DTO resolves to names (<c>user</c>, <c>department</c>); dates are ISO 8601 UTC for the UI to format.
/// </summary>
public sealed record JournalNote(string Code, IReadOnlyDictionary<string, string?> Args)
{
    public static JournalNote Of(string code, params (string Name, object? Value)[] args) =>
        new(code, args.ToDictionary(a => a.Name, a => Format(a.Value)));

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
