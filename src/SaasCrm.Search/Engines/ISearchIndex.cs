using SaasCrm.Search.Analysis;

namespace SaasCrm.Search.Engines;

/// <summary>
/// A search engine holding one index per tenant. The tenant is a parameter of every call (part of the index
/// path or name), so no call can reach another tenant's documents.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Adds or replaces documents (a document older than the indexed version is skipped) and removes the deleted ones; durable on return.</summary>
    Task ApplyAsync(Guid tenantId, IReadOnlyList<SearchDocument> upserts, IReadOnlyList<DocumentKey> deletes, CancellationToken cancellationToken);

    Task<SearchIndexResult> SearchAsync(Guid tenantId, SearchIndexQuery query, CancellationToken cancellationToken);

    /// <summary>Starts a new index next to the live one; searches keep using the old one until the build is swapped in.</summary>
    Task<ISearchIndexBuild> BeginRebuildAsync(Guid tenantId, CancellationToken cancellationToken);

    Task DeleteTenantAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>Tenants this engine holds an index for (to find those of deleted tenants).</summary>
    Task<IReadOnlyList<Guid>> ListTenantsAsync(CancellationToken cancellationToken);
}

public interface ISearchIndexBuild : IAsyncDisposable
{
    Task AddAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken);

    /// <summary>Makes the new index the live one and drops the old one.</summary>
    Task SwapAsync(CancellationToken cancellationToken);
}

public readonly record struct DocumentKey(string DocumentType, Guid Id)
{
    public override string ToString() => $"{DocumentType}:{Id:N}";
}

/// <summary>One page of one document type, already narrowed to the caller's scope and filters.</summary>
/// <param name="FacetField">A filter field to count hits by (ignoring a filter on that same field); null: no counts.</param>
/// <param name="MatchAny">Any plan term may match (at least one) instead of all of them.</param>
public sealed record SearchIndexQuery(QueryPlan Plan, string DocumentType, SearchScope Scope, IReadOnlyDictionary<string, string> Filters, int Skip, int Take,
    string? FacetField = null, bool MatchAny = false);

/// <param name="Facets">Hits per value of the query's facet field; null when none was asked for.</param>
public sealed record SearchIndexResult(long Total, IReadOnlyList<SearchIndexHit> Hits, IReadOnlyDictionary<string, long>? Facets = null);

/// <summary>A hit with its stored fields, for display and highlighting.</summary>
public sealed record SearchIndexHit(
    string DocumentType,
    Guid Id,
    double Score,
    string Title,
    string? Subtitle,
    string? Link,
    IReadOnlyDictionary<string, string> Text,
    IReadOnlyList<string> Identifiers,
    long Version);

/// <summary>Field names shared by the engines.</summary>
internal static class IndexFields
{
    public const string Key = "key", Type = "type", Id = "id", Version = "version", Title = "title", TitleExact = "title_exact",
        Text = "text", Identifiers = "ident", StoredIdentifiers = "idents", Subtitle = "subtitle", Link = "link";
    public const string StoredTextPrefix = "t_";
    public const string FilterPrefix = "f_";

    public static string Filter(string name) => name == SearchDocument.IdField ? Id : FilterPrefix + name;
    public static string KeyOf(SearchDocument d) => new DocumentKey(d.DocumentType, d.Id).ToString();

    /// <summary>How much a match in each field counts: the name first.</summary>
    public const float TitleBoost = 4f, TextBoost = 1f, IdentifierBoost = 3f, ExactTitleBoost = 10f;
}
