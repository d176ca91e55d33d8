using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Events;
using SaasCrm.Service.CallCenter.Domain;

namespace SaasCrm.Service.CallCenter.Calls;

/// <summary>A call moved to a merge's survivor, remembered so undoing the merge moves exactly it back.</summary>
public sealed class CallLogMergeMove : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid MergeId { get; set; }
    public Guid CallLogId { get; set; }
    public Guid FromCustomerId { get; set; }
    public Guid ToCustomerId { get; set; }
}

/// <summary>Merging customers moves the losers' calls to the survivor (its timeline then shows them). Redelivery finds the moves and stops.</summary>
public sealed class CallMergeHandler(PlatformDbContext db) : IEventHandler<CustomersMerged>
{
    public async Task HandleAsync(CustomersMerged e, EventContext context, CancellationToken ct)
    {
        if (await db.Set<CallLogMergeMove>().AnyAsync(m => m.MergeId == e.MergeId, ct)) return;
        var calls = await db.Set<CallLog>().Where(c => c.CustomerId != null && e.LoserIds.Contains(c.CustomerId.Value)).ToListAsync(ct);
        foreach (var call in calls)
        {
            db.Add(new CallLogMergeMove { MergeId = e.MergeId, CallLogId = call.Id, FromCustomerId = call.CustomerId!.Value, ToCustomerId = e.SurvivorId });
            call.CustomerId = e.SurvivorId;
            call.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Undoing a merge moves back the calls the merge moved; calls logged on the survivor since stay.</summary>
public sealed class CallMergeRevertHandler(PlatformDbContext db) : IEventHandler<CustomerMergeReverted>
{
    public async Task HandleAsync(CustomerMergeReverted e, EventContext context, CancellationToken ct)
    {
        var moves = await db.Set<CallLogMergeMove>().Where(m => m.MergeId == e.MergeId).ToListAsync(ct);
        if (moves.Count == 0) return;
        var ids = moves.Select(m => m.CallLogId).ToList();
        var calls = await db.Set<CallLog>().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var move in moves)
        {
            if (calls.TryGetValue(move.CallLogId, out var call) && call.CustomerId == move.ToCustomerId)
            {
                call.CustomerId = move.FromCustomerId;
                call.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            }
            db.Remove(move);
        }
        await db.SaveChangesAsync(ct);
    }
}
