using System.Text;
using System.Text.Json;

namespace SaasCrm.Platform.Http;

/// <summary>A page of a deep list read with keyset (seek) paging: the next page starts after <see cref="NextCursor"/>.</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Opaque cursor for lists ordered newest first by a timestamp: it holds the last timestamp and the ids
/// already returned at exactly that timestamp, so rows sharing a timestamp are neither skipped nor repeated.
/// </summary>
public sealed record KeysetCursor(DateTime At, IReadOnlyList<Guid> SeenAtSameTime)
{
    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static KeysetCursor? Decode(string? cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor)) return null;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            return JsonSerializer.Deserialize<KeysetCursor>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw RequestValidationException.For("cursor", "cursor.invalid", "The paging cursor is not valid.");
        }
    }

    /// <summary>Cursor after the last row of a full page, or null at the end.</summary>
    /// <param name="previous">The cursor this page was read after: while the timestamp stays the same, its seen ids carry over.</param>
    public static string? After<T>(IReadOnlyList<T> page, int pageSize, Func<T, DateTime> at, Func<T, Guid> id, KeysetCursor? previous)
    {
        if (page.Count < pageSize || page.Count == 0) return null;
        var last = at(page[^1]);
        var seen = page.Where(r => at(r) == last).Select(id);
        if (previous is not null && previous.At == last) seen = previous.SeenAtSameTime.Concat(seen);
        return new KeysetCursor(last, seen.Distinct().ToList()).Encode();
    }
}
