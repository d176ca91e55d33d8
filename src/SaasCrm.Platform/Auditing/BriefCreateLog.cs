using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace SaasCrm.Platform.Auditing;

/// <summary>
/// Bulk creation (imports) may log each record it creates briefly: still one "Created" entry per record with who and
/// when, but naming only the given properties instead of one row per field. The full values are the record itself plus
/// the source the caller keeps (an import keeps its file and mapping). Updates and deletes stay logged field by field.
/// </summary>
public static class BriefCreateLog
{
    private static readonly ConditionalWeakTable<DbContext, HashSet<string>> Scopes = new();

    /// <summary>Until disposed, records added through <paramref name="db"/> are logged with only <paramref name="properties"/>.</summary>
    public static IDisposable LogCreatesBriefly(this DbContext db, params string[] properties)
    {
        Scopes.AddOrUpdate(db, [.. properties]);
        return new Scope(db);
    }

    internal static IReadOnlySet<string>? Of(DbContext db) => Scopes.TryGetValue(db, out var properties) ? properties : null;

    private sealed class Scope(DbContext db) : IDisposable
    {
        public void Dispose() => Scopes.Remove(db);
    }
}
