using SaasCrm.Platform.Domain;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Search.Analysis;
using SaasCrm.Search.Engines;
using SaasCrm.Search.Indexing;

namespace SaasCrm.Search.Querying;

/// <summary>
/// <see cref="IDocumentSearch"/> over this node's engine: the current tenant's index only, the caller's scope as a
/// filter, hits highlighted like the global search's. The calling module checks permissions and decides the scope.
/// </summary>
internal sealed class DocumentSearch(SearchNode node, ICurrentTenant currentTenant) : IDocumentSearch
{
    public async Task<DocumentSearchResult> SearchAsync(DocumentSearchRequest request, CancellationToken cancellationToken)
    {
        var tenantId = currentTenant.Id ?? throw new BusinessException("search.tenant_required", "Search runs inside a tenant.", 403);
        var plan = QueryPlan.Parse(request.Query);
        if (plan.IsEmpty || request.Scope.AnyOf is { Count: 0 } || request.Take <= 0)
            return new DocumentSearchResult(0, [], new Dictionary<string, long>());
        var result = await node.Index.SearchAsync(tenantId,
            new SearchIndexQuery(plan, request.DocumentType, request.Scope, request.Filters, request.Skip, request.Take, request.FacetField, request.MatchAny),
            cancellationToken);
        var hits = result.Hits.Select(h => new DocumentSearchHit(h.Id, Highlighter.Mark(h.Title, plan), Math.Round(h.Score, 4),
            h.Text.Select(t => (t.Key, Fragment: Highlighter.Fragment(t.Value, plan, 160)))
                .Where(t => t.Fragment is not null).Select(t => new DocumentSearchHighlight(t.Key, t.Fragment!)).ToList())).ToList();
        return new DocumentSearchResult(result.Total, hits, result.Facets ?? new Dictionary<string, long>());
    }
}
