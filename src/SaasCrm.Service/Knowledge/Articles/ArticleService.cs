using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Http;
using SaasCrm.Search;
using SaasCrm.Service.Knowledge.Domain;

namespace SaasCrm.Service.Knowledge.Articles;

/// <summary>
/// Writing articles: every change is one transaction that also queues the article for the index. A draft's edits
/// replace its current version; once published, every save makes a new version, and a restore copies an old
/// version into a new one (history is never rewritten).
/// </summary>
public sealed class ArticleService(
    PlatformDbContext db,
    ArticleAccess access,
    IDictionaryLookup dictionaries,
    IFileStore files,
    ISearchIndexQueue index,
    TimeProvider clock)
{
    public const string AttachmentPurpose = "knowledge-attachment";
    public const string DocumentType = "article";

    public async Task<Article> CreateAsync(SaveArticleRequest r, CancellationToken ct, Guid? sourceTicketId = null)
    {
        await dictionaries.EnsureSelectableAsync(KnowledgeDictionaries.Category, r.CategoryCode, "categoryCode", cancellationToken: ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var article = new Article { SourceTicketId = sourceTicketId };
        Apply(article, r);
        db.Add(article);
        db.Add(Snapshot(article, "created", now));
        foreach (var fileId in (r.AttachmentFileIds ?? []).Distinct()) await AttachAsync(article.Id, fileId, now, ct);
        index.Enqueue(DocumentType, [article.Id]);
        await db.SaveChangesAsync(ct);
        return article;
    }

    public async Task<Article> UpdateAsync(Guid id, SaveArticleRequest r, CancellationToken ct)
    {
        var article = await access.GetVisibleAsync(id, ct, tracking: true);
        await dictionaries.EnsureSelectableAsync(KnowledgeDictionaries.Category, r.CategoryCode, "categoryCode", article.CategoryCode, ct);
        db.Entry(article).Property(a => a.ConcurrencyStamp).OriginalValue = r.ConcurrencyStamp!;
        var now = clock.GetUtcNow().UtcDateTime;
        Apply(article, r);
        if (article.PublishedAt is null)
        {
            // A draft never published: its edits are one version.
            var current = await db.Set<ArticleVersion>().FirstAsync(v => v.ArticleId == id && v.Number == article.VersionNumber, ct);
            Copy(article, current);
            current.At = now;
            current.AuthorId = access.Me;
        }
        else
        {
            article.VersionNumber = await NextVersionAsync(id, ct);
            db.Add(Snapshot(article, "edited", now));
        }
        await SyncAttachmentsAsync(id, r.AttachmentFileIds ?? [], now, ct);
        return await SaveAsync(article, ct);
    }

    public async Task<Article> PublishAsync(Guid id, string concurrencyStamp, bool publish, CancellationToken ct)
    {
        var article = await access.GetVisibleAsync(id, ct, tracking: true);
        db.Entry(article).Property(a => a.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        article.Status = publish ? ArticleStatus.Published : ArticleStatus.Draft;
        if (publish) article.PublishedAt = clock.GetUtcNow().UtcDateTime;
        return await SaveAsync(article, ct);
    }

    public async Task<Article> RestoreAsync(Guid id, int number, string concurrencyStamp, CancellationToken ct)
    {
        var article = await access.GetVisibleAsync(id, ct, tracking: true);
        var old = await db.Set<ArticleVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.ArticleId == id && v.Number == number, ct)
                  ?? throw new EntityNotFoundException("ArticleVersion", number);
        db.Entry(article).Property(a => a.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        article.Title = old.Title;
        article.Body = old.Body;
        article.CategoryCode = old.CategoryCode;
        article.Tags = [.. old.Tags];
        article.Visibility = old.Visibility;
        article.VersionNumber = await NextVersionAsync(id, ct);
        db.Add(Snapshot(article, $"restored:{number}", clock.GetUtcNow().UtcDateTime));
        return await SaveAsync(article, ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var article = await access.GetVisibleAsync(id, ct, tracking: true);
        db.Remove(article); // soft delete
        index.Enqueue(DocumentType, [id]);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Counts a read; a plain increment, so readers never conflict with each other or with editors.</summary>
    public Task CountViewAsync(Guid id, CancellationToken ct) =>
        db.Set<Article>().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, a => a.ViewCount + 1), ct);

    /// <summary>One answer per user and article; answering again replaces it.</summary>
    public async Task<ArticleHelpfulDto> RateHelpfulAsync(Guid id, bool helpful, CancellationToken ct)
    {
        await access.GetVisibleAsync(id, ct);
        var me = access.Me;
        var feedback = await db.Set<ArticleFeedback>().FirstOrDefaultAsync(f => f.ArticleId == id && f.UserId == me, ct);
        if (feedback is null) db.Add(feedback = new ArticleFeedback { ArticleId = id, UserId = me });
        feedback.Helpful = helpful;
        feedback.At = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        var counts = await HelpfulCountsAsync(db, id, ct);
        return new ArticleHelpfulDto(counts.Yes, counts.No, helpful);
    }

    internal static async Task<(int Yes, int No)> HelpfulCountsAsync(PlatformDbContext db, Guid id, CancellationToken ct)
    {
        var counts = await db.Set<ArticleFeedback>().AsNoTracking().Where(f => f.ArticleId == id)
            .GroupBy(f => f.Helpful).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return (counts.FirstOrDefault(c => c.Key)?.Count ?? 0, counts.FirstOrDefault(c => !c.Key)?.Count ?? 0);
    }

    private async Task<Article> SaveAsync(Article article, CancellationToken ct)
    {
        article.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        index.Enqueue(DocumentType, [article.Id]);
        await db.SaveChangesAsync(ct);
        return article;
    }

    private static void Apply(Article a, SaveArticleRequest r)
    {
        a.Title = r.Title.Trim();
        a.Body = ArticleHtml.Sanitize(r.Body);
        a.CategoryCode = r.CategoryCode;
        a.Tags = (r.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        a.Visibility = r.Visibility;
    }

    private ArticleVersion Snapshot(Article a, string note, DateTime now)
    {
        var version = new ArticleVersion { ArticleId = a.Id, Number = a.VersionNumber, Note = note, AuthorId = access.Me, At = now };
        Copy(a, version);
        return version;
    }

    private static void Copy(Article a, ArticleVersion v)
    {
        v.Title = a.Title;
        v.Body = a.Body;
        v.CategoryCode = a.CategoryCode;
        v.Tags = [.. a.Tags];
        v.Visibility = a.Visibility;
    }

    private async Task<int> NextVersionAsync(Guid id, CancellationToken ct) =>
        (await db.Set<ArticleVersion>().Where(v => v.ArticleId == id).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;

    private async Task SyncAttachmentsAsync(Guid id, IReadOnlyList<Guid> fileIds, DateTime now, CancellationToken ct)
    {
        var existing = await db.Set<ArticleAttachment>().Where(a => a.ArticleId == id).ToListAsync(ct);
        db.RemoveRange(existing.Where(a => !fileIds.Contains(a.FileId)));
        foreach (var fileId in fileIds.Distinct().Except(existing.Select(a => a.FileId))) await AttachAsync(id, fileId, now, ct);
    }

    /// <summary>Only the caller's own upload for articles can be newly attached (attachments kept on an edit are not re-checked).</summary>
    private async Task AttachAsync(Guid articleId, Guid fileId, DateTime now, CancellationToken ct)
    {
        var file = await files.GetOwnUploadAsync(fileId, AttachmentPurpose, "knowledge.attachment_not_found", ct);
        db.Add(new ArticleAttachment { ArticleId = articleId, FileId = file.Id, FileName = file.OriginalName, Size = file.Size, AddedBy = access.Me, At = now });
    }
}
