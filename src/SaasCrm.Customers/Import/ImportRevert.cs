using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Search;

namespace SaasCrm.Customers.Import;

/// <summary>
/// Undoes an import: deletes the customers (and their contacts) it created that nobody touched since, and
/// says which it kept and why — edited, followed up, with reminders or contacts added by hand, merged.
/// </summary>
public sealed class ImportRevert(PlatformDbContext db, ImportService imports, ISearchIndexQueue search, ICurrentTenant tenant, TimeProvider clock)
{
    public const string Modified = "modified", HasFollowUps = "has_follow_ups", HasReminders = "has_reminders",
        HasOtherContacts = "has_other_contacts", Merged = "merged", InPool = "in_pool";
    private const int Chunk = 500;

    public async Task<RevertReportDto> RevertAsync(Guid id, CancellationToken ct)
    {
        var batch = await imports.MineAsync(id, tracking: true, ct);
        if (batch.Status != ImportStatus.Completed)
            throw new BusinessException("import.not_revertible", "Only a completed import can be reverted.", 409);

        var customers = await db.Set<Customer>().AsNoTracking().Where(c => c.ImportBatchId == id)
            .Select(c => new { c.Id, c.Name, c.CreatedAt, c.ModifiedAt, c.Status, c.PoolId }).ToListAsync(ct);
        var kept = new List<KeptCustomerDto>();
        var deletable = new List<Guid>();
        foreach (var chunk in customers.Chunk(Chunk))
        {
            var ids = chunk.Select(c => c.Id).ToList();
            var followedUp = (await db.Set<FollowUp>().Where(f => ids.Contains(f.CustomerId)).Select(f => f.CustomerId).Distinct().ToListAsync(ct)).ToHashSet();
            var reminded = (await db.Set<Reminder>().Where(r => r.CustomerId != null && ids.Contains(r.CustomerId.Value)).Select(r => r.CustomerId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
            var otherContacts = (await db.Set<Contact>().Where(c => ids.Contains(c.CustomerId) && c.ImportBatchId != id).Select(c => c.CustomerId).Distinct().ToListAsync(ct)).ToHashSet();
            foreach (var c in chunk)
            {
                var reasons = new List<string>();
                if (c.ModifiedAt is { } modified && modified != c.CreatedAt) reasons.Add(Modified);
                if (followedUp.Contains(c.Id)) reasons.Add(HasFollowUps);
                if (reminded.Contains(c.Id)) reasons.Add(HasReminders);
                if (otherContacts.Contains(c.Id)) reasons.Add(HasOtherContacts);
                if (c.Status == CustomerStatus.Merged) reasons.Add(Merged);
                if (c.PoolId is not null) reasons.Add(InPool);
                if (reasons.Count > 0) kept.Add(new KeptCustomerDto(c.Id, c.Name, reasons));
                else deletable.Add(c.Id);
            }
        }

        var contactsDeleted = 0;
        var tenantId = tenant.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in deletable.Chunk(Chunk))
        {
            var ids = chunk.ToList();
            // Soft deletes through the change tracker, so the change log and audit fields record them.
            foreach (var customer in await db.Set<Customer>().Where(c => ids.Contains(c.Id)).ToListAsync(ct)) db.Remove(customer);
            var contacts = await db.Set<Contact>().Where(c => ids.Contains(c.CustomerId)).ToListAsync(ct);
            foreach (var contact in contacts) db.Remove(contact);
            contactsDeleted += contacts.Count;
            await db.Set<CustomerKey>().Where(k => k.TenantId == tenantId && ids.Contains(k.CustomerId)).ExecuteDeleteAsync(ct);
            await db.Set<CustomFieldValue>().Where(v => v.TenantId == tenantId && v.EntityType == CustomersModule.CustomerRecordType && ids.Contains(v.EntityId)).ExecuteDeleteAsync(ct);
            search.Enqueue(SearchDocumentTypes.Customer, ids);
            search.Enqueue(SearchDocumentTypes.Contact, contacts.Select(c => c.Id)); // deleted contacts are no dependents of their customer any more
        }
        batch.Status = ImportStatus.Reverted;
        batch.RevertedAt = clock.GetUtcNow().UtcDateTime;
        batch.Reverted = deletable.Count;
        batch.RevertKept = kept.Count;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RevertReportDto(deletable.Count, contactsDeleted, kept);
    }
}
