using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Events;
using SaasCrm.Service.Consultations;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Shared;
using SaasCrm.Workflows;

namespace SaasCrm.Service.CustomerLinks;

/// <summary>
/// A handover with open records moves the handed-over customers' open tickets, complaints and consultations assigned to
/// the leaving user to the new one. Redelivery finds nothing left to move. Returns have no assignee to hand over: their
/// approver is chosen by the approval workflow from the responsible department, not from the customer's owner.
/// </summary>
public sealed class ServiceHandoverHandler(PlatformDbContext db, ServiceHistoryWriter history, IServiceProvider services) : IEventHandler<CustomersHandedOver>
{
    public async Task HandleAsync(CustomersHandedOver e, EventContext context, CancellationToken ct)
    {
        if (!e.IncludeOpenRecords || e.CustomerIds.Count == 0) return;
        var open = TicketTransitions.OpenStatuses;
        var tickets = await db.Set<Ticket>().Where(t => e.CustomerIds.Contains(t.CustomerId) && t.AssigneeId == e.FromUserId && open.Contains(t.Status)).ToListAsync(ct);
        var complaints = await db.Set<Complaint>().Where(c => e.CustomerIds.Contains(c.CustomerId) && c.AssigneeId == e.FromUserId && c.Status != ComplaintStatus.Closed).ToListAsync(ct);
        // Not answered yet: the assignee still owes the department's answer (or the originator the reply to the customer).
        var consultations = await db.Set<Consultation>().Where(c => c.CustomerId != null && e.CustomerIds.Contains(c.CustomerId.Value)
            && c.AssigneeId == e.FromUserId && c.Status != ConsultationStatus.Answered).ToListAsync(ct);
        if (tickets.Count + complaints.Count + consultations.Count == 0) return;
        // Resolved only when something moves: handovers of customers without service records need no workflow engine.
        var signals = services.GetRequiredService<IWorkflowSignals>();
        var moved = tickets.Select(t => (ServiceRecordTypes.Ticket, (AuditedEntity)t, (Action)(() => t.AssigneeId = e.ToUserId)))
            .Concat(complaints.Select(c => (ServiceRecordTypes.Complaint, (AuditedEntity)c, (Action)(() => c.AssigneeId = e.ToUserId))))
            .Concat(consultations.Select(c => (ServiceRecordTypes.Consultation, (AuditedEntity)c, (Action)(() => c.AssigneeId = e.ToUserId))));
        foreach (var (type, record, assign) in moved)
        {
            assign();
            record.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            history.Add(type, record.Id, "handover", e.FromUserId.ToString(), e.ToUserId.ToString(), $"customer handover {e.HandoverId}");
            await signals.RecordUpdatedAsync(type, record.Id, ["assigneeId"], ct);
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Merging customers moves the losers' tickets, complaints, consultations and returns to the survivor, remembering each
/// move under the merge. Redelivery finds the moves and stops.
/// </summary>
public sealed class ServiceMergeHandler(PlatformDbContext db, ServiceHistoryWriter history) : IEventHandler<CustomersMerged>
{
    public async Task HandleAsync(CustomersMerged e, EventContext context, CancellationToken ct)
    {
        if (await db.Set<ServiceMergeMove>().AnyAsync(m => m.MergeId == e.MergeId, ct)) return; // delivered before
        foreach (var record in await CustomerBoundRecords.OfCustomersAsync(db, e.LoserIds, ct))
        {
            db.Add(new ServiceMergeMove { MergeId = e.MergeId, RecordType = record.Type, RecordId = record.Entity.Id, FromCustomerId = record.CustomerId, ToCustomerId = e.SurvivorId });
            history.Add(record.Type, record.Entity.Id, "merge", record.CustomerId.ToString(), e.SurvivorId.ToString(), $"customer merge {e.MergeId}");
            record.MoveTo(e.SurvivorId);
            record.Entity.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Undoing a merge moves back exactly the service records the merge moved (records added to the survivor since stay).</summary>
public sealed class ServiceMergeRevertHandler(PlatformDbContext db, ServiceHistoryWriter history) : IEventHandler<CustomerMergeReverted>
{
    public async Task HandleAsync(CustomerMergeReverted e, EventContext context, CancellationToken ct)
    {
        var moves = await db.Set<ServiceMergeMove>().Where(m => m.MergeId == e.MergeId).ToListAsync(ct);
        if (moves.Count == 0) return;
        var records = await CustomerBoundRecords.ByIdAsync(db, moves, ct);
        foreach (var move in moves)
        {
            // A record moved on to another customer since (or deleted) is left where it is.
            if (records.TryGetValue(move.RecordId, out var record) && record.CustomerId == move.ToCustomerId)
            {
                history.Add(move.RecordType, record.Entity.Id, "merge", record.CustomerId.ToString(), move.FromCustomerId.ToString(), $"merge {e.MergeId} undone");
                record.MoveTo(move.FromCustomerId);
                record.Entity.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            }
            db.Remove(move);
        }
        await db.SaveChangesAsync(ct);
    }
}
