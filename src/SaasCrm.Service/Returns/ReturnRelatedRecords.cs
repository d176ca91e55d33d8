using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.Returns;

/// <summary>A customer's return and compensation entries on the 360 page, with their amounts.</summary>
internal sealed class ReturnRelatedRecords(PlatformDbContext db, ReturnAccess access) : ICustomerRelatedRecords
{
    public string Kind => ServiceRecordTypes.Return;
    public LocalizedText DisplayName => new("Returns and compensation", "退换货与补偿");

    public async Task<IReadOnlyDictionary<Guid, int>> CountAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct) =>
        await db.Set<ReturnEntry>().AsNoTracking().Where(r => r.CustomerId != null && customerIds.Contains(r.CustomerId.Value))
            .GroupBy(r => r.CustomerId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public Task<IReadOnlySet<Guid>> WithOpenRecordsAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<Guid>>(new HashSet<Guid>());

    public async Task<IReadOnlyList<CustomerRelatedRecord>> LatestAsync(Guid customerId, int take, CancellationToken ct) =>
        (await (await access.VisibleAsync(db.Set<ReturnEntry>().AsNoTracking(), ct)).Where(r => r.CustomerId == customerId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(take)
            .Select(r => new { r.Id, r.Number, r.Kind, r.Status, r.Amount, r.CreatedAt }).ToListAsync(ct))
        .Select(r => new CustomerRelatedRecord(r.Id, $"{r.Number} {r.Kind}", r.Status.ToString(), r.Amount, r.CreatedAt, $"/service/returns/{r.Id}")).ToList();
}
