using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.Consultations;

/// <summary>A customer's consultations on the 360 page; they never keep a customer out of the public pool.</summary>
internal sealed class ConsultationRelatedRecords(PlatformDbContext db, ConsultationAccess access) : ICustomerRelatedRecords
{
    public string Kind => ServiceRecordTypes.Consultation;
    public LocalizedText DisplayName => new("Consultations", "咨询");

    public async Task<IReadOnlyDictionary<Guid, int>> CountAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct) =>
        await db.Set<Consultation>().AsNoTracking().Where(c => c.CustomerId != null && customerIds.Contains(c.CustomerId.Value))
            .GroupBy(c => c.CustomerId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public Task<IReadOnlySet<Guid>> WithOpenRecordsAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<Guid>>(new HashSet<Guid>());

    public async Task<IReadOnlyList<CustomerRelatedRecord>> LatestAsync(Guid customerId, int take, CancellationToken ct) =>
        (await (await access.VisibleAsync(db.Set<Consultation>().AsNoTracking(), ct)).Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(take)
            .Select(c => new { c.Id, c.Number, c.Content, c.Status, c.CreatedAt }).ToListAsync(ct))
        .Select(c => new CustomerRelatedRecord(c.Id, $"{c.Number} {(c.Content.Length <= 40 ? c.Content : c.Content[..40] + "…")}", c.Status.ToString(), null,
            c.CreatedAt, $"/service/consultations/{c.Id}")).ToList();
}
