using SaasCrm.Platform.Permissions;

namespace SaasCrm.Search;

/// <summary>
/// Makes one document type searchable for a caller: its label and which of its documents the caller may see.
/// Every searchable type needs one; a type without a scope provider is never returned (fail closed).
/// Adding a document type is a source (<see cref="ISearchDocumentSource"/>) plus one of these.
/// </summary>
public interface ISearchScopeProvider
{
    string DocumentType { get; }

    /// <summary>The group heading in results.</summary>
    LocalizedText DisplayName { get; }

    /// <summary>The permission the caller needs to find this type at all (besides the search permission).</summary>
    string? RequiredPermission => null;

    /// <summary>What the current user may see of this type, in the current tenant.</summary>
    Task<SearchScope> GetScopeAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The documents a caller may see: all of them (<see cref="All"/>), or those where at least one of the named
/// filter fields holds one of the allowed values (an OR over fields, e.g. owner in my team OR service rep is me
/// OR pool in my pools). "id" names the document's own id. An empty scope sees nothing.
/// </summary>
public sealed class SearchScope
{
    private SearchScope(IReadOnlyDictionary<string, IReadOnlyCollection<string>>? anyOf) => AnyOf = anyOf;

    public static SearchScope All { get; } = new(null);
    public static SearchScope Nothing { get; } = new(new Dictionary<string, IReadOnlyCollection<string>>());

    /// <summary>Null: everything is visible.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>>? AnyOf { get; }

    public bool IsAll => AnyOf is null;

    public static SearchScope AnyOfFields(IReadOnlyDictionary<string, IReadOnlyCollection<string>> anyOf) =>
        new(anyOf.Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => kv.Value));
}
