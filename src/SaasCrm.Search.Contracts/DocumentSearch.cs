namespace SaasCrm.Search;

/// <summary>
/// Searches one document type of the current tenant's index for a module that owns the page around it (the
/// knowledge base): the caller states the scope itself (its own visibility rule, e.g. published articles for the
/// portal), may ask for counts per value of one filter field (facets), and gets highlighted fragments.
/// </summary>
public interface IDocumentSearch
{
    Task<DocumentSearchResult> SearchAsync(DocumentSearchRequest request, CancellationToken cancellationToken);
}

/// <param name="Query">What the user typed (or a ticket's text with <paramref name="MatchAny"/>).</param>
/// <param name="Scope">What the caller may see of the type; an empty scope finds nothing.</param>
/// <param name="Filters">Exact filter values every hit must have (category ...).</param>
/// <param name="FacetField">A filter field to count hits by; a filter on the same field does not narrow its counts (so a side filter lists every value).</param>
/// <param name="MatchAny">Any term may match instead of all (related records from a long text); more matching terms rank higher.</param>
public sealed record DocumentSearchRequest(
    string DocumentType,
    string Query,
    SearchScope Scope,
    IReadOnlyDictionary<string, string> Filters,
    int Skip,
    int Take,
    string? FacetField = null,
    bool MatchAny = false);

/// <param name="Facets">Hits per value of the facet field (empty without one).</param>
public sealed record DocumentSearchResult(long Total, IReadOnlyList<DocumentSearchHit> Hits, IReadOnlyDictionary<string, long> Facets);

/// <param name="Title">HTML: the title escaped, matches in &lt;em&gt;.</param>
/// <param name="Highlights">HTML fragments of the text fields that matched, by field name.</param>
public sealed record DocumentSearchHit(Guid Id, string Title, double Score, IReadOnlyList<DocumentSearchHighlight> Highlights);

public sealed record DocumentSearchHighlight(string Field, string Fragment);
