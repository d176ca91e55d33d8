using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Files;
using SaasCrm.Service.Domain;

namespace SaasCrm.Service.Tickets;

/// <summary>
/// Ticket files still in use: those attached to a ticket or one of its comments (tickets are kept; a deleted one would
/// release its files). Uploads never attached are left to the platform's file sweep.
/// </summary>
public sealed class TicketFileReferences(PlatformDbContext db) : IFileReferences
{
    public async Task<IReadOnlyCollection<Guid>> FindReferencedAsync(IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken)
    {
        var ids = fileIds.ToList();
        return await db.Set<TicketAttachment>().AsNoTracking()
            .Where(a => ids.Contains(a.FileId) && db.Set<Ticket>().Any(t => t.Id == a.TicketId))
            .Select(a => a.FileId).Distinct().ToListAsync(cancellationToken);
    }
}
