using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Permissions;
using SaasCrm.Search.Analysis;
using SaasCrm.Search.Engines;
using SaasCrm.Search.Indexing;

namespace SaasCrm.Search.Querying;

/// <summary>
/// Searches the current tenant's index, one query per document type, each narrowed to what the caller may see
/// of that type (its <see cref="ISearchScopeProvider"/>). A type without a scope provider is never searched.
/// </summary>
public sealed class SearchService(
    SearchNode node,
    ICurrentTenant currentTenant,
    IPermissionChecker permissions,
    IEnumerable<ISearchScopeProvider> scopeProviders)
{
    public const int MaxPageSize = 50, MaxQueryLength = 100, MaxDepth = 1000;
    /// <summary>Filters the API accepts; each matches the filter field of the same name on a document.</summary>
    public static readonly string[] FilterNames = ["owner", "level", "inPool", "serviceRep", "pool"];

    public async Task<SearchResponse> SearchAsync(string? q, string? types, int? page, int? pageSize, IReadOnlyDictionary<string, string> filters, CancellationToken ct)
    {
        var tenantId = currentTenant.Id ?? throw new BusinessException("search.tenant_required", "Search runs inside a tenant.", 403);
        var query = (q ?? "").Trim();
        if (query.Length == 0) throw RequestValidationException.For("q", "search.query_required", "Type something to search for.");
        if (query.Length > MaxQueryLength) throw RequestValidationException.For("q", "search.query_too_long", $"At most {MaxQueryLength} characters.");
        var size = Math.Clamp(pageSize ?? 10, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        if (number * size > MaxDepth) throw RequestValidationException.For("page", "search.page_too_deep", $"Only the first {MaxDepth} hits can be paged; refine the query.");
        var plan = QueryPlan.Parse(query);

        var wanted = (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var groups = new List<SearchGroupDto>();
        foreach (var provider in scopeProviders.OrderBy(p => p.DocumentType, StringComparer.Ordinal))
        {
            if (wanted.Count > 0 && !wanted.Contains(provider.DocumentType)) continue;
            if (provider.RequiredPermission is { } permission && !await permissions.IsGrantedAsync(permission, ct)) continue;
            var scope = await provider.GetScopeAsync(ct);
            var result = plan.IsEmpty || scope.AnyOf is { Count: 0 }
                ? new SearchIndexResult(0, [])
                : await node.Index.SearchAsync(tenantId, new SearchIndexQuery(plan, provider.DocumentType, scope, filters, (number - 1) * size, size), ct);
            groups.Add(new SearchGroupDto(provider.DocumentType, provider.DisplayName, Math.Min(result.Total, Paging.CountLimit), result.Total > Paging.CountLimit,
                result.Hits.Select(h => ToDto(h, plan)).ToList()));
        }
        return new SearchResponse(query, number, size, groups.Sum(g => g.Total), groups);
    }

    private static SearchHitDto ToDto(SearchIndexHit hit, QueryPlan plan)
    {
        var highlights = new List<SearchHighlightDto>();
        foreach (var (field, text) in hit.Text)
        {
            if (Highlighter.Fragment(text, plan) is { } fragment) highlights.Add(new SearchHighlightDto(field, fragment));
        }
        foreach (var identifier in hit.Identifiers)
        {
            if (Highlighter.Fragment(identifier, plan) is { } fragment) highlights.Add(new SearchHighlightDto("identifier", fragment));
        }
        var subtitle = hit.Subtitle is null ? null : Highlighter.Mark(hit.Subtitle, plan);
        return new SearchHitDto(hit.DocumentType, hit.Id, Highlighter.Mark(hit.Title, plan), subtitle, hit.Link, Math.Round(hit.Score, 4), highlights);
    }
}
