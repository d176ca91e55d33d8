using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;
using SaasCrm.Search;
using SaasCrm.Service.Knowledge.Articles;
using SaasCrm.Service.Knowledge.Domain;

namespace SaasCrm.Service.Knowledge.Search;

/// <summary>
/// An article as the index sees it: title, body as plain text and tags; filters for category, status, visibility
/// and the portal audience (set only when published for customers or partners), which the scopes use.
/// </summary>
internal sealed class ArticleDocumentSource(PlatformDbContext db) : ISearchDocumentSource
{
    public string DocumentType => ArticleService.DocumentType;

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (await db.Set<Article>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken)).Select(ToDocument).ToList();

    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            var query = db.Set<Article>().AsNoTracking();
            if (after is { } a) query = query.Where(x => x.Id.CompareTo(a) > 0);
            var batch = await query.OrderBy(x => x.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) yield break;
            yield return batch.Select(ToDocument).ToList();
            after = batch[^1].Id;
            if (batch.Count < batchSize) yield break;
        }
    }

    public async Task<int?> CountAsync(CancellationToken cancellationToken) => await db.Set<Article>().CountAsync(cancellationToken);

    public static SearchDocument ToDocument(Article a)
    {
        var text = new Dictionary<string, string?>
        {
            ["body"] = ArticleHtml.ToText(a.Body),
            ["tags"] = a.Tags.Count == 0 ? null : string.Join(" ", a.Tags),
        };
        var filters = new Dictionary<string, string?>
        {
            [ArticleAccess.CategoryField] = a.CategoryCode,
            [ArticleAccess.StatusField] = a.Status.ToString().ToLowerInvariant(),
            [ArticleAccess.VisibilityField] = a.Visibility.ToString().ToLowerInvariant(),
            [ArticleAccess.AudienceField] = ArticleAccess.AudienceOf(a),
        };
        return new SearchDocument(ArticleService.DocumentType, a.Id, a.Title, text, [], filters, null, (a.ModifiedAt ?? a.CreatedAt).Ticks,
            Link: $"/knowledge/articles/{a.Id}");
    }
}

/// <summary>Articles in the global search: the same reading rule as the knowledge pages.</summary>
internal sealed class ArticleScopeProvider(ArticleAccess access) : ISearchScopeProvider
{
    public string DocumentType => ArticleService.DocumentType;
    public LocalizedText DisplayName { get; } = new("Knowledge articles", "知识文章");
    public string? RequiredPermission => KnowledgePermissions.Read;
    public Task<SearchScope> GetScopeAsync(CancellationToken cancellationToken) => access.SearchScopeAsync(cancellationToken);
}
