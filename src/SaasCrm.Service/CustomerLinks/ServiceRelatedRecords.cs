using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Shared;

namespace SaasCrm.Service.CustomerLinks;

/// <summary>
/// A customer's tickets for the 360 page and the merge preview. Open tickets do NOT keep a customer out of the public
/// pool: service work is no sales activity, and a customer released to the pool is still served.
/// </summary>
public sealed class TicketRelatedRecords(PlatformDbContext db, ServiceAccess access) : ICustomerRelatedRecords
{
    public string Kind => ServiceRecordTypes.Ticket;
    public LocalizedText DisplayName => new("Tickets", "工单");

    public async Task<IReadOnlyDictionary<Guid, int>> CountAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct) =>
        await db.Set<Ticket>().AsNoTracking().Where(t => customerIds.Contains(t.CustomerId))
            .GroupBy(t => t.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public Task<IReadOnlySet<Guid>> WithOpenRecordsAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<Guid>>(new HashSet<Guid>());

    public async Task<IReadOnlyList<CustomerRelatedRecord>> LatestAsync(Guid customerId, int take, CancellationToken ct) =>
        (await (await access.VisibleAsync(db.Set<Ticket>().AsNoTracking(), ct)).Where(t => t.CustomerId == customerId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(take)
            .Select(t => new { t.Id, t.Number, t.Title, t.Status, t.CreatedAt }).ToListAsync(ct))
        .Select(t => new CustomerRelatedRecord(t.Id, $"{t.Number} {t.Title}", t.Status.ToString(), null, t.CreatedAt, $"/service/tickets/{t.Id}")).ToList();
}

/// <summary>A customer's complaints for the 360 page and the merge preview; open complaints do not exempt from the pool either.</summary>
public sealed class ComplaintRelatedRecords(PlatformDbContext db, ServiceAccess access) : ICustomerRelatedRecords
{
    public string Kind => ServiceRecordTypes.Complaint;
    public LocalizedText DisplayName => new("Complaints", "客诉");

    public async Task<IReadOnlyDictionary<Guid, int>> CountAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct) =>
        await db.Set<Complaint>().AsNoTracking().Where(c => customerIds.Contains(c.CustomerId))
            .GroupBy(c => c.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public Task<IReadOnlySet<Guid>> WithOpenRecordsAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<Guid>>(new HashSet<Guid>());

    public async Task<IReadOnlyList<CustomerRelatedRecord>> LatestAsync(Guid customerId, int take, CancellationToken ct) =>
        (await (await access.VisibleAsync(db.Set<Complaint>().AsNoTracking(), ct)).Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(take)
            .Select(c => new { c.Id, c.Number, c.Title, c.Status, c.CreatedAt }).ToListAsync(ct))
        .Select(c => new CustomerRelatedRecord(c.Id, $"{c.Number} {c.Title}", c.Status.ToString(), null, c.CreatedAt, $"/service/complaints/{c.Id}")).ToList();
}
