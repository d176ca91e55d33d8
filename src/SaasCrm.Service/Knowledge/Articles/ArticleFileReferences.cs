using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Files;
using SaasCrm.Service.Knowledge.Domain;

namespace SaasCrm.Service.Knowledge.Articles;

/// <summary>
/// Article files still in use: those attached to an article that is not deleted. Files dropped in an edit, those of
/// deleted articles and uploads never attached are left to the platform's file sweep.
/// </summary>
public sealed class ArticleFileReferences(PlatformDbContext db) : IFileReferences
{
    public async Task<IReadOnlyCollection<Guid>> FindReferencedAsync(IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken)
    {
        var ids = fileIds.ToList();
        // The article's query filter hides deleted ones (and other tenants').
        return await db.Set<ArticleAttachment>().AsNoTracking()
            .Where(a => ids.Contains(a.FileId) && db.Set<Article>().Any(x => x.Id == a.ArticleId))
            .Select(a => a.FileId).Distinct().ToListAsync(cancellationToken);
    }
}
