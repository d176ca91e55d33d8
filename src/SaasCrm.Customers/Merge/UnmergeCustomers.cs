using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Records;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Events;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;
using SaasCrm.Search;

namespace SaasCrm.Customers.Merge;

/// <summary>
/// Undoes a merge within the tenant's period: the losers come back as they were, exactly the records that came
/// from them go back (records added to the survivor since stay), and the survivor's fields the merge changed
/// return to their earlier values unless someone edited them since.
/// </summary>
internal sealed class UnmergeCustomers(
    PlatformDbContext db,
    CustomerAccess access,
    CustomerKeyWriter keys,
    ISearchIndexQueue search,
    IEventPublisher events,
    ICurrentTenant tenant,
    ICurrentUser user,
    MergeQueries queries,
    TimeProvider clock)
{
    public async Task<CustomerMergeDto> ExecuteAsync(Guid mergeId, CancellationToken ct)
    {
        var merge = await db.Set<CustomerMerge>().FirstOrDefaultAsync(m => m.Id == mergeId, ct) ?? throw new EntityNotFoundException("CustomerMerge", mergeId);
        var survivor = await access.GetVisibleAsync(merge.SurvivorId, ct, tracking: true);
        if (merge.Status == CustomerMergeStatus.Reverted)
            throw new BusinessException("merge.already_reverted", "This merge was already undone.", 409);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now > merge.MergedAt.AddDays(await MergeQueries.UnmergeDaysAsync(db, ct)))
            throw new BusinessException("merge.unmerge_expired", "The period in which this merge could be undone has ended.", 409);
        if (survivor.Status == CustomerStatus.Merged)
            throw new BusinessException("merge.survivor_merged", "The surviving customer was merged into another one since; undo that merge first.", 409) { Detail = survivor.MergedIntoId?.ToString() };

        var loserRows = await db.Set<CustomerMergeLoser>().Where(l => l.MergeId == merge.Id).ToListAsync(ct);
        var loserIds = loserRows.Select(l => l.CustomerId).ToList();
        var losers = await db.Set<Customer>().Where(c => loserIds.Contains(c.Id)).ToListAsync(ct);
        if (losers.Count != loserRows.Count || losers.Any(l => l.Status != CustomerStatus.Merged || l.MergedIntoId != survivor.Id))
            throw new BusinessException("merge.loser_changed", "A merged customer is no longer part of this merge.", 409);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var movedContacts = await MoveBackAsync(merge, survivor.Id, now, ct);
        foreach (var loser in losers)
        {
            Restore(loser, CustomerState.Parse(loserRows.Single(r => r.CustomerId == loser.Id).State));
            keys.AddFor(loser);
            db.Add(new OwnershipRecord { CustomerId = loser.Id, Action = OwnershipAction.Unmerged, FromUserId = survivor.OwnerId, ToUserId = loser.OwnerId, Reason = "Merge undone", At = now, ByUserId = user.Id });
        }
        RestoreSurvivor(survivor, CustomerState.Parse(merge.SurvivorBefore).ToCustomer(), CustomerState.Parse(merge.SurvivorAfter).ToCustomer());
        await RestoreCustomFieldsAsync(survivor.Id, CustomFieldChange.Parse(merge.CustomFieldChanges), ct);
        await keys.SyncAsync(survivor, ct);
        db.Add(new OwnershipRecord { CustomerId = survivor.Id, Action = OwnershipAction.Unmerged, FromUserId = survivor.OwnerId, ToUserId = survivor.OwnerId, Reason = "Merge undone", At = now, ByUserId = user.Id });

        merge.Status = CustomerMergeStatus.Reverted;
        merge.RevertedAt = now;
        merge.RevertedBy = user.Id;
        search.Enqueue(CustomersModule.CustomerRecordType, loserIds.Append(survivor.Id));
        search.Enqueue(CustomersModule.ContactRecordType, movedContacts);
        await events.PublishAsync(new CustomerMergeReverted(merge.Id, survivor.Id, loserIds), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await queries.GetAsync(merge.Id, ct);
    }

    /// <summary>Moves back the recorded items that are still with the survivor; returns the contacts moved.</summary>
    private async Task<List<Guid>> MoveBackAsync(CustomerMerge merge, Guid survivorId, DateTime now, CancellationToken ct)
    {
        var tenantId = tenant.Id;
        var me = user.Id;
        var stamp = Guid.NewGuid().ToString("N");
        var items = await db.Set<CustomerMergeItem>().AsNoTracking().Where(i => i.MergeId == merge.Id).ToListAsync(ct);
        foreach (var group in items.GroupBy(i => (i.Kind, i.FromCustomerId)))
        {
            var (kind, from) = group.Key;
            var ids = group.Select(i => i.ItemId).ToList();
            switch (kind)
            {
                case CustomerMergeItem.Contact:
                    await db.Set<Contact>().Where(c => c.TenantId == tenantId && ids.Contains(c.Id) && c.CustomerId == survivorId)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, from).SetProperty(c => c.ModifiedAt, now).SetProperty(c => c.ModifiedBy, me).SetProperty(c => c.ConcurrencyStamp, stamp), ct);
                    var primaries = group.Where(i => i.WasPrimary).Select(i => i.ItemId).ToList();
                    if (primaries.Count > 0)
                        await db.Set<Contact>().Where(c => c.TenantId == tenantId && primaries.Contains(c.Id) && c.CustomerId == from)
                            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPrimary, true), ct);
                    break;
                case CustomerMergeItem.FollowUp:
                    await db.Set<FollowUp>().Where(f => f.TenantId == tenantId && ids.Contains(f.Id) && f.CustomerId == survivorId)
                        .ExecuteUpdateAsync(s => s.SetProperty(f => f.CustomerId, from).SetProperty(f => f.ModifiedAt, now).SetProperty(f => f.ModifiedBy, me).SetProperty(f => f.ConcurrencyStamp, stamp), ct);
                    break;
                case CustomerMergeItem.Reminder:
                    await db.Set<Reminder>().Where(r => r.TenantId == tenantId && ids.Contains(r.Id) && r.CustomerId == survivorId)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.CustomerId, (Guid?)from).SetProperty(r => r.ModifiedAt, now).SetProperty(r => r.ModifiedBy, me).SetProperty(r => r.ConcurrencyStamp, stamp), ct);
                    break;
            }
        }
        return items.Where(i => i.Kind == CustomerMergeItem.Contact).Select(i => i.ItemId).ToList();
    }

    private static void Restore(Customer loser, CustomerState state)
    {
        var before = state.ToCustomer();
        foreach (var field in MergeFields.Choosable.Concat(MergeFields.Derived)) field.Copy(loser, before);
        loser.Phones = before.Phones;
        loser.Emails = before.Emails;
        loser.Tags = before.Tags;
        loser.Status = before.Status;
        loser.MergedIntoId = before.MergedIntoId;
    }

    /// <summary>Fields the merge changed go back unless edited since; list values the merge added are dropped, later additions kept.</summary>
    private static void RestoreSurvivor(Customer survivor, Customer before, Customer after)
    {
        foreach (var field in MergeFields.Choosable.Concat(MergeFields.Derived))
            if (!field.SameIn(before, after) && field.SameIn(survivor, after)) field.Copy(survivor, before);
        survivor.Phones = Unadd(survivor.Phones, before.Phones, after.Phones);
        survivor.Emails = Unadd(survivor.Emails, before.Emails, after.Emails);
        survivor.Tags = Unadd(survivor.Tags, before.Tags, after.Tags);
    }

    private static List<string> Unadd(List<string> current, List<string> before, List<string> after) =>
        current.Where(v => before.Contains(v) || !after.Contains(v)).ToList();

    private async Task RestoreCustomFieldsAsync(Guid survivorId, List<CustomFieldChange> changes, CancellationToken ct)
    {
        foreach (var change in changes)
        {
            var current = await CustomFieldChange.RowsAsync(db, survivorId, change.FieldId, ct);
            if (!CustomFieldChange.Of(current).SequenceEqual(change.After)) continue; // edited since the merge: the newer value stays
            CustomFieldChange.Replace(db, survivorId, change.FieldId, current, change.Before);
        }
    }
}
