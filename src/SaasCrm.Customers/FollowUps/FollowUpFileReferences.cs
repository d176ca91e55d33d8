using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Files;

namespace SaasCrm.Customers.FollowUps;

/// <summary>
/// Follow-up files still in use: those attached to a follow-up that is not deleted. Files removed from a follow-up in an
/// edit, those of deleted follow-ups and uploads never attached are left to the platform's file sweep.
/// </summary>
public sealed class FollowUpFileReferences(PlatformDbContext db) : IFileReferences
{
    public async Task<IReadOnlyCollection<Guid>> FindReferencedAsync(IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken)
    {
        var ids = fileIds.ToList();
        // The follow-up's query filter hides deleted ones (and other tenants').
        return await db.Set<FollowUpAttachment>().AsNoTracking()
            .Where(a => ids.Contains(a.FileId) && db.Set<FollowUp>().Any(f => f.Id == a.FollowUpId))
            .Select(a => a.FileId).Distinct().ToListAsync(cancellationToken);
    }
}
