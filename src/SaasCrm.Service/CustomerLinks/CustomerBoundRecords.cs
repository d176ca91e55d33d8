using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Service.Consultations;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Returns;

namespace SaasCrm.Service.CustomerLinks;

/// <summary>A service record that belongs to a customer, seen the same way whatever its kind, so merge and undo treat all kinds alike.</summary>
internal sealed record CustomerBoundRecord(string Type, AuditedEntity Entity, Guid CustomerId, Action<Guid> MoveTo);

/// <summary>
/// The service records that follow their customer through merges: tickets, complaints, consultations and returns.
/// Consultations and returns have an optional customer; those without one are never touched.
/// </summary>
internal static class CustomerBoundRecords
{
    public static async Task<List<CustomerBoundRecord>> OfCustomersAsync(PlatformDbContext db, IReadOnlyCollection<Guid> customerIds, CancellationToken ct)
    {
        var records = new List<CustomerBoundRecord>();
        records.AddRange((await db.Set<Ticket>().Where(t => customerIds.Contains(t.CustomerId)).ToListAsync(ct)).Select(Of));
        records.AddRange((await db.Set<Complaint>().Where(c => customerIds.Contains(c.CustomerId)).ToListAsync(ct)).Select(Of));
        records.AddRange((await db.Set<Consultation>().Where(c => c.CustomerId != null && customerIds.Contains(c.CustomerId.Value)).ToListAsync(ct)).Select(Of));
        records.AddRange((await db.Set<ReturnEntry>().Where(r => r.CustomerId != null && customerIds.Contains(r.CustomerId.Value)).ToListAsync(ct)).Select(Of));
        return records;
    }

    /// <summary>The records a merge moved, by id (records deleted since are missing).</summary>
    public static async Task<Dictionary<Guid, CustomerBoundRecord>> ByIdAsync(PlatformDbContext db, IReadOnlyCollection<ServiceMergeMove> moves, CancellationToken ct)
    {
        List<Guid> Ids(string type) => moves.Where(m => m.RecordType == type).Select(m => m.RecordId).ToList();
        var tickets = Ids(ServiceRecordTypes.Ticket);
        var complaints = Ids(ServiceRecordTypes.Complaint);
        var consultations = Ids(ServiceRecordTypes.Consultation);
        var returns = Ids(ServiceRecordTypes.Return);
        var records = new List<CustomerBoundRecord>();
        if (tickets.Count > 0) records.AddRange((await db.Set<Ticket>().Where(t => tickets.Contains(t.Id)).ToListAsync(ct)).Select(Of));
        if (complaints.Count > 0) records.AddRange((await db.Set<Complaint>().Where(c => complaints.Contains(c.Id)).ToListAsync(ct)).Select(Of));
        if (consultations.Count > 0)
            records.AddRange((await db.Set<Consultation>().Where(c => c.CustomerId != null && consultations.Contains(c.Id)).ToListAsync(ct)).Select(Of));
        if (returns.Count > 0) records.AddRange((await db.Set<ReturnEntry>().Where(r => r.CustomerId != null && returns.Contains(r.Id)).ToListAsync(ct)).Select(Of));
        return records.ToDictionary(r => r.Entity.Id);
    }

    private static CustomerBoundRecord Of(Ticket t) => new(ServiceRecordTypes.Ticket, t, t.CustomerId, to => t.CustomerId = to);
    private static CustomerBoundRecord Of(Complaint c) => new(ServiceRecordTypes.Complaint, c, c.CustomerId, to => c.CustomerId = to);
    private static CustomerBoundRecord Of(Consultation c) => new(ServiceRecordTypes.Consultation, c, c.CustomerId!.Value, to => c.CustomerId = to);
    private static CustomerBoundRecord Of(ReturnEntry r) => new(ServiceRecordTypes.Return, r, r.CustomerId!.Value, to => r.CustomerId = to);
}
