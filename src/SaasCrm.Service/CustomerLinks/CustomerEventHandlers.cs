using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Events;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Shared;
using SaasCrm.Workflows;

namespace SaasCrm.Service.CustomerLinks;

/// <summary>
/// A handover with open records moves the handed-over customers' open tickets and complaints assigned to the
/// leaving user to the new one. Redelivery finds nothing left to move.
/// </summary>
public sealed class ServiceHandoverHandler(PlatformDbContext db, ServiceHistoryWriter history, IServiceProvider services) : IEventHandler<CustomersHandedOver>
{
    public async Task HandleAsync(CustomersHandedOver e, EventContext context, CancellationToken ct)
    {
        if (!e.IncludeOpenRecords || e.CustomerIds.Count == 0) return;
        var open = TicketTransitions.OpenStatuses;
        var tickets = await db.Set<Ticket>().Where(t => e.CustomerIds.Contains(t.CustomerId) && t.AssigneeId == e.FromUserId && open.Contains(t.Status)).ToListAsync(ct);
        var complaints = await db.Set<Complaint>().Where(c => e.CustomerIds.Contains(c.CustomerId) && c.AssigneeId == e.FromUserId && c.Status != ComplaintStatus.Closed).ToListAsync(ct);
        if (tickets.Count + complaints.Count == 0) return;
        // Resolved only when something moves: handovers of customers without service records need no workflow engine.
        var signals = services.GetRequiredService<IWorkflowSignals>();
        foreach (var record in tickets.Cast<IServiceRecord>().Concat(complaints))
        {
            var type = record is Ticket ? ServiceRecordTypes.Ticket : ServiceRecordTypes.Complaint;
            record.AssigneeId = e.ToUserId;
            record.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            history.Add(type, record.Id, "handover", e.FromUserId.ToString(), e.ToUserId.ToString(), $"customer handover {e.HandoverId}");
            await signals.RecordUpdatedAsync(type, record.Id, ["assigneeId"], ct);
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Merging customers moves the losers' tickets and complaints to the survivor, remembering each move under the merge.</summary>
public sealed class ServiceMergeHandler(PlatformDbContext db, ServiceHistoryWriter history) : IEventHandler<CustomersMerged>
{
    public async Task HandleAsync(CustomersMerged e, EventContext context, CancellationToken ct)
    {
        if (await db.Set<ServiceMergeMove>().AnyAsync(m => m.MergeId == e.MergeId, ct)) return; // delivered before
        var tickets = await db.Set<Ticket>().Where(t => e.LoserIds.Contains(t.CustomerId)).ToListAsync(ct);
        var complaints = await db.Set<Complaint>().Where(c => e.LoserIds.Contains(c.CustomerId)).ToListAsync(ct);
        foreach (var record in tickets.Cast<IServiceRecord>().Concat(complaints))
        {
            var type = record is Ticket ? ServiceRecordTypes.Ticket : ServiceRecordTypes.Complaint;
            db.Add(new ServiceMergeMove { MergeId = e.MergeId, RecordType = type, RecordId = record.Id, FromCustomerId = record.CustomerId, ToCustomerId = e.SurvivorId });
            history.Add(type, record.Id, "merge", record.CustomerId.ToString(), e.SurvivorId.ToString(), $"customer merge {e.MergeId}");
            record.CustomerId = e.SurvivorId;
            record.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Undoing a merge moves back exactly the tickets and complaints the merge moved (records added to the survivor since stay).</summary>
public sealed class ServiceMergeRevertHandler(PlatformDbContext db, ServiceHistoryWriter history) : IEventHandler<CustomerMergeReverted>
{
    public async Task HandleAsync(CustomerMergeReverted e, EventContext context, CancellationToken ct)
    {
        var moves = await db.Set<ServiceMergeMove>().Where(m => m.MergeId == e.MergeId).ToListAsync(ct);
        if (moves.Count == 0) return;
        var ticketIds = moves.Where(m => m.RecordType == ServiceRecordTypes.Ticket).Select(m => m.RecordId).ToList();
        var complaintIds = moves.Where(m => m.RecordType == ServiceRecordTypes.Complaint).Select(m => m.RecordId).ToList();
        var records = (await db.Set<Ticket>().Where(t => ticketIds.Contains(t.Id)).ToListAsync(ct)).Cast<IServiceRecord>()
            .Concat(await db.Set<Complaint>().Where(c => complaintIds.Contains(c.Id)).ToListAsync(ct)).ToDictionary(r => r.Id);
        foreach (var move in moves)
        {
            if (records.TryGetValue(move.RecordId, out var record) && record.CustomerId == move.ToCustomerId)
            {
                history.Add(move.RecordType, record.Id, "merge", record.CustomerId.ToString(), move.FromCustomerId.ToString(), $"merge {e.MergeId} undone");
                record.CustomerId = move.FromCustomerId;
                record.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            }
            db.Remove(move);
        }
        await db.SaveChangesAsync(ct);
    }
}
