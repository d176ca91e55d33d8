using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Pool.Access;
using SaasCrm.Customers.Pool.Rules;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;

namespace SaasCrm.Customers.Pool.Release;

public sealed record ReleasePreviewItem(
    Guid CustomerId, string Name, Guid OwnerId, string? OwnerName, string? LevelCode,
    string Cause, int Days, DateTime DueAt, string Reason, string ReasonZh);

/// <summary>What the next run would release from the pool's governed owners now, with the reason per customer.</summary>
public sealed record ReleasePreview(IReadOnlyList<ReleasePreviewItem> Items, int Total, int Exempted, int Page, int PageSize);

/// <summary>Runs the release's own candidate search (same code, same exemptions), without changing anything.</summary>
public sealed class ReleasePreviewService(PlatformDbContext db, PoolDirectory directory, ReleaseCandidates candidates, TimeProvider clock)
{
    public async Task<ReleasePreview> PreviewAsync(Guid poolId, int? page, int? pageSize, CancellationToken ct)
    {
        var pool = (await directory.LoadAsync(ct)).FirstOrDefault(p => p.Pool.Id == poolId) ?? throw new EntityNotFoundException("CustomerPool", poolId);
        var (due, exempted) = await candidates.FindAsync(pool, clock.GetUtcNow().UtcDateTime, ct);
        var size = Paging.Size(pageSize);
        var number = Paging.Number(page);
        var slice = due.Skip((number - 1) * size).Take(size).ToList();
        var ownerIds = slice.Select(c => c.OwnerId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var items = slice.Select(c => new ReleasePreviewItem(c.CustomerId, c.Name, c.OwnerId, names.GetValueOrDefault(c.OwnerId), c.LevelCode,
            c.Cause == ReleaseCause.NoFollowUp ? "noFollowUp" : "noDeal", c.Days, c.DueAt, c.Reason, c.ReasonZh)).ToList();
        return new ReleasePreview(items, due.Count, exempted, number, size);
    }
}
