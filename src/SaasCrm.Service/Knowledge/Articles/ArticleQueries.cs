using System.Net;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;
using SaasCrm.Search;
using SaasCrm.Service.Knowledge.Domain;
using SaasCrm.Service.Shared;

namespace SaasCrm.Service.Knowledge.Articles;

/// <summary>
/// Reading articles: one article with its counts, its versions, and the list — from the database when nothing
/// is typed, from the search index (highlighted, counted by category) when something is. Both answer only what
/// <see cref="ArticleAccess"/> lets the caller read.
/// </summary>
public sealed class ArticleQueries(PlatformDbContext db, ArticleAccess access, IDocumentSearch search, ServiceNames names)
{
    public const int MaxPageSize = 50, MaxQueryLength = 100, MaxDepth = 1000, SummaryLength = 160;

    public async Task<ArticleDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await access.GetVisibleAsync(id, ct), ct);

    public async Task<ArticleDto> ToDtoAsync(Article a, CancellationToken ct)
    {
        var attachments = await db.Set<ArticleAttachment>().AsNoTracking().Where(x => x.ArticleId == a.Id).OrderBy(x => x.At)
            .Select(x => new ArticleAttachmentDto(x.FileId, x.FileName, x.Size)).ToListAsync(ct);
        var (yes, no) = await ArticleService.HelpfulCountsAsync(db, a.Id, ct);
        var me = access.Me;
        var mine = await db.Set<ArticleFeedback>().AsNoTracking().Where(f => f.ArticleId == a.Id && f.UserId == me).Select(f => (bool?)f.Helpful).FirstOrDefaultAsync(ct);
        await names.LoadAsync([a.CreatedBy], [], ct);
        return new ArticleDto(a.Id, a.Title, a.Body, a.CategoryCode, a.Tags, a.Visibility, a.Status, a.VersionNumber, a.PublishedAt, a.SourceTicketId,
            a.ViewCount, yes, no, mine, attachments, a.CreatedAt, a.CreatedBy, names.User(a.CreatedBy), a.ModifiedAt, a.ConcurrencyStamp);
    }

    public async Task<IReadOnlyList<ArticleVersionDto>> VersionsAsync(Guid id, CancellationToken ct)
    {
        await access.GetVisibleAsync(id, ct);
        var versions = await db.Set<ArticleVersion>().AsNoTracking().Where(v => v.ArticleId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        await names.LoadAsync(versions.Select(v => v.AuthorId), [], ct);
        return versions.Select(v => new ArticleVersionDto(v.Number, v.Title, v.Body, v.CategoryCode, v.Tags, v.Visibility, v.Note, v.AuthorId, names.User(v.AuthorId), v.At)).ToList();
    }

    /// <summary>The staff list and the portal list: filters, paging, counts by category (which ignore the category filter).</summary>
    public async Task<ArticleSearchResponse> SearchAsync(ArticleSearchParameters p, CancellationToken ct)
    {
        var query = (p.Q ?? "").Trim();
        if (query.Length > MaxQueryLength) throw RequestValidationException.For("q", "knowledge.query_too_long", $"At most {MaxQueryLength} characters.");
        var size = Math.Clamp(p.PageSize ?? 10, 1, MaxPageSize);
        var page = Math.Max(p.Page ?? 1, 1);
        if (page * size > MaxDepth) throw RequestValidationException.For("page", "knowledge.page_too_deep", $"Only the first {MaxDepth} articles can be paged; refine the search.");
        return query.Length == 0 ? await BrowseAsync(p, page, size, ct) : await SearchIndexAsync(p, query, page, size, ct);
    }

    private async Task<ArticleSearchResponse> BrowseAsync(ArticleSearchParameters p, int page, int size, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(db.Set<Article>().AsNoTracking(), ct);
        if (p.Status is { } status) visible = visible.Where(a => a.Status == status);
        if (p.Visibility is { } visibility) visible = visible.Where(a => a.Visibility == visibility);
        var counts = await visible.GroupBy(a => a.CategoryCode).Select(g => new ArticleCategoryCountDto(g.Key, g.LongCount())).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(p.Category)) visible = visible.Where(a => a.CategoryCode == p.Category);
        var total = await visible.LongCountAsync(ct);
        var rows = await visible.OrderByDescending(a => a.ModifiedAt ?? a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(a => ToItem(a, WebUtility.HtmlEncode(a.Title), null)).ToList();
        return new ArticleSearchResponse(null, page, size, total, items, counts.OrderByDescending(c => c.Count).ThenBy(c => c.Code).ToList());
    }

    private async Task<ArticleSearchResponse> SearchIndexAsync(ArticleSearchParameters p, string query, int page, int size, CancellationToken ct)
    {
        var filters = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(p.Category)) filters[ArticleAccess.CategoryField] = p.Category;
        if (p.Status is { } status) filters[ArticleAccess.StatusField] = status.ToString().ToLowerInvariant();
        if (p.Visibility is { } visibility) filters[ArticleAccess.VisibilityField] = visibility.ToString().ToLowerInvariant();
        var scope = await access.SearchScopeAsync(ct);
        var result = await search.SearchAsync(new DocumentSearchRequest(ArticleService.DocumentType, query, scope, filters, (page - 1) * size, size,
            FacetField: ArticleAccess.CategoryField), ct);
        // The index may lag a change by a moment: rows come from the database and still pass the access rule.
        var ids = result.Hits.Select(h => h.Id).ToList();
        var rows = await (await access.VisibleAsync(db.Set<Article>().AsNoTracking(), ct)).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var items = result.Hits.Where(h => rows.ContainsKey(h.Id))
            .Select(h => ToItem(rows[h.Id], h.Title, h.Highlights.FirstOrDefault(x => x.Field == "body")?.Fragment ?? h.Highlights.FirstOrDefault()?.Fragment)).ToList();
        var categories = result.Facets.Select(f => new ArticleCategoryCountDto(f.Key, f.Value)).OrderByDescending(c => c.Count).ThenBy(c => c.Code).ToList();
        return new ArticleSearchResponse(query, page, size, Math.Min(result.Total, Paging.CountLimit), items, categories);
    }

    /// <summary>Related articles for a text (a ticket's title and description): any of its words, best first.</summary>
    public async Task<IReadOnlyList<ArticleSuggestionDto>> SuggestAsync(string text, int take, CancellationToken ct)
    {
        var query = text.Length > 200 ? text[..200] : text;
        var result = await search.SearchAsync(new DocumentSearchRequest(ArticleService.DocumentType, query, await access.SearchScopeAsync(ct),
            new Dictionary<string, string>(), 0, take, MatchAny: true), ct);
        var ids = result.Hits.Select(h => h.Id).ToList();
        var rows = await (await access.VisibleAsync(db.Set<Article>().AsNoTracking(), ct)).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return result.Hits.Where(h => rows.ContainsKey(h.Id)).Select(h =>
        {
            var a = rows[h.Id];
            return new ArticleSuggestionDto(a.Id, h.Title, h.Highlights.FirstOrDefault()?.Fragment ?? Summary(a), a.CategoryCode, a.Status, h.Score);
        }).ToList();
    }

    private static ArticleListItemDto ToItem(Article a, string title, string? fragment) =>
        new(a.Id, title, fragment ?? Summary(a), a.CategoryCode, a.Tags, a.Visibility, a.Status, a.ViewCount, a.PublishedAt, a.ModifiedAt ?? a.CreatedAt);

    private static string Summary(Article a)
    {
        var text = ArticleHtml.ToText(a.Body);
        return WebUtility.HtmlEncode(text.Length > SummaryLength ? text[..SummaryLength] + "…" : text);
    }
}

public sealed record ArticleSearchParameters(string? Q, string? Category, ArticleStatus? Status, ArticleVisibility? Visibility, int? Page, int? PageSize);
