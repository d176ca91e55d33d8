using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.CallCenter.Domain;

namespace SaasCrm.Service.CallCenter.Calls;

/// <summary>A customer's calls on its 360 page and in the merge preview; calls never keep a customer out of the pool.</summary>
public sealed class CallRelatedRecords(PlatformDbContext db, CallLogs calls) : ICustomerRelatedRecords
{
    public string Kind => ServiceRecordTypes.CallLog;
    public LocalizedText DisplayName => new("Calls", "通话记录");

    public async Task<IReadOnlyDictionary<Guid, int>> CountAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct) =>
        await db.Set<CallLog>().AsNoTracking().Where(c => c.CustomerId != null && customerIds.Contains(c.CustomerId.Value))
            .GroupBy(c => c.CustomerId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public Task<IReadOnlySet<Guid>> WithOpenRecordsAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<Guid>>(new HashSet<Guid>());

    public async Task<IReadOnlyList<CustomerRelatedRecord>> LatestAsync(Guid customerId, int take, CancellationToken ct) =>
        (await (await calls.VisibleAsync(ct)).Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Take(take)
            .Select(c => new { c.Id, c.Direction, c.Number, c.ContactName, c.DurationSeconds, c.StartedAt }).ToListAsync(ct))
        .Select(c => new CustomerRelatedRecord(c.Id,
            $"{(c.Direction == CallDirection.In ? "☎ ←" : "☎ →")} {c.Number}{(c.ContactName is null ? "" : " · " + c.ContactName)}{(c.DurationSeconds is { } d ? $" · {d / 60}:{d % 60:00}" : "")}",
            c.Direction == CallDirection.In ? "Incoming" : "Outgoing", null, c.StartedAt, $"/callcenter/calls?customerId={customerId}")).ToList();
}
