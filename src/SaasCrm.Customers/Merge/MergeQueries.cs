using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;

namespace SaasCrm.Customers.Merge;

/// <summary>Merges as the caller may see them: those whose survivor the caller can open.</summary>
internal sealed class MergeQueries(PlatformDbContext db, CustomerAccess access, TimeProvider clock)
{
    public const int DefaultUnmergeDays = 30;

    /// <summary>The tenant's period; no settings row yet means the default.</summary>
    public static async Task<int> UnmergeDaysAsync(PlatformDbContext db, CancellationToken ct) =>
        await db.Set<CustomerSettings>().Select(s => (int?)s.UnmergeDays).FirstOrDefaultAsync(ct) ?? DefaultUnmergeDays;

    public async Task<PagedResult<CustomerMergeDto>> ListAsync(Guid? customerId, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Set<CustomerMerge>().AsNoTracking();
        if (customerId is { } id)
        {
            await access.GetVisibleAsync(id, ct); // 404 when the caller cannot open the customer
            var asLoser = db.Set<CustomerMergeLoser>().Where(l => l.CustomerId == id).Select(l => l.MergeId);
            query = query.Where(m => m.SurvivorId == id || asLoser.Contains(m.Id));
        }
        else
        {
            var visible = (await access.VisibleAsync(db.Set<Customer>(), ct)).Select(c => c.Id);
            query = query.Where(m => visible.Contains(m.SurvivorId));
        }
        var rows = await query.OrderByDescending(m => m.MergedAt).ThenByDescending(m => m.Id).ToPageAsync(page, pageSize, ct);
        return new PagedResult<CustomerMergeDto>(await ToDtosAsync(rows.Items, ct), rows.Total, rows.TotalIsLowerBound, rows.Page, rows.PageSize);
    }

    public async Task<CustomerMergeDto> GetAsync(Guid id, CancellationToken ct)
    {
        var merge = await db.Set<CustomerMerge>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new EntityNotFoundException("CustomerMerge", id);
        await access.GetVisibleAsync(merge.SurvivorId, ct);
        return (await ToDtosAsync([merge], ct))[0];
    }

    private async Task<List<CustomerMergeDto>> ToDtosAsync(IReadOnlyList<CustomerMerge> merges, CancellationToken ct)
    {
        var mergeIds = merges.Select(m => m.Id).ToList();
        var losers = await db.Set<CustomerMergeLoser>().AsNoTracking().Where(l => mergeIds.Contains(l.MergeId)).Select(l => new { l.MergeId, l.CustomerId }).ToListAsync(ct);
        var counts = await db.Set<CustomerMergeItem>().AsNoTracking().Where(i => mergeIds.Contains(i.MergeId))
            .GroupBy(i => new { i.MergeId, i.Kind }).Select(g => new { g.Key.MergeId, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        var customerIds = losers.Select(l => l.CustomerId).Concat(merges.Select(m => m.SurvivorId)).Distinct().ToList();
        var names = await db.Set<Customer>().AsNoTracking().Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var days = await UnmergeDaysAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return merges.Select(m =>
        {
            var until = m.MergedAt.AddDays(days);
            return new CustomerMergeDto(
                m.Id, m.SurvivorId, names.GetValueOrDefault(m.SurvivorId) ?? "",
                losers.Where(l => l.MergeId == m.Id).Select(l => new MergedLoserDto(l.CustomerId, names.GetValueOrDefault(l.CustomerId) ?? "")).ToList(),
                m.Status, m.MergedAt, m.MergedBy, m.RevertedAt, m.RevertedBy, until,
                m.Status == CustomerMergeStatus.Merged && now <= until,
                Labels.Select(k => new MergeMoveCountDto(k.Kind, k.En, k.Zh, counts.Where(c => c.MergeId == m.Id && c.Kind == k.Kind).Sum(c => c.Count))).ToList(),
                m.ConcurrencyStamp);
        }).ToList();
    }

    private static readonly (string Kind, string En, string Zh)[] Labels =
    [
        (CustomerMergeItem.Contact, "Contacts", "联系人"),
        (CustomerMergeItem.FollowUp, "Follow-ups", "跟进记录"),
        (CustomerMergeItem.Reminder, "Reminders", "预约提醒"),
    ];
}
