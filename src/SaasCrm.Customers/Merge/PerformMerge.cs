using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Records;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Events;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;
using SaasCrm.Search;

namespace SaasCrm.Customers.Merge;

/// <summary>
/// Merges losers into a survivor in one transaction: chosen fields, united phones, emails and tags, contacts,
/// follow-ups and reminders moved (and recorded one by one), losers turned into read-only pointers without
/// lookup keys, history, search operations and the integration event for later modules.
/// </summary>
internal sealed class PerformMerge(
    PlatformDbContext db,
    CustomerAccess access,
    CustomFieldService fields,
    CustomerKeyWriter keys,
    ISearchIndexQueue search,
    IEventPublisher events,
    ICurrentTenant tenant,
    ICurrentUser user,
    MergeQueries queries,
    TimeProvider clock)
{
    public async Task<CustomerMergeDto> ExecuteAsync(MergeRequest request, CancellationToken ct)
    {
        var p = await MergeParticipants.LoadAsync(access, request.SurvivorId, request.LoserIds, ct);
        foreach (var customer in p.All)
            db.Entry(customer).Property(c => c.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamps[customer.Id];
        var choices = request.FieldChoices ?? new Dictionary<string, Guid>();
        var now = clock.GetUtcNow().UtcDateTime;
        var survivor = p.Survivor;
        var merge = new CustomerMerge { SurvivorId = survivor.Id, Status = CustomerMergeStatus.Merged, MergedAt = now, MergedBy = user.Id, SurvivorBefore = CustomerState.Serialize(survivor) };
        var comparisons = await CustomFieldComparison.LoadAsync(db, fields, p, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        TakeFields(p, choices);
        merge.CustomFieldChanges = CustomFieldChange.Serialize(await TakeCustomFieldsAsync(p, comparisons, choices, ct));
        var movedContacts = await MoveRecordsAsync(merge, p, now, ct);

        foreach (var loser in p.Losers)
        {
            db.Add(new CustomerMergeLoser { MergeId = merge.Id, CustomerId = loser.Id, State = CustomerState.Serialize(loser) });
            loser.Status = CustomerStatus.Merged;
            loser.MergedIntoId = survivor.Id;
            await keys.RemoveForAsync(loser.Id, ct);
            db.Add(new OwnershipRecord { CustomerId = loser.Id, Action = OwnershipAction.Merged, FromUserId = loser.OwnerId, ToUserId = survivor.OwnerId, Reason = Truncate($"Merged into {survivor.Name}"), At = now, ByUserId = user.Id });
        }
        await keys.SyncAsync(survivor, ct);
        db.Add(new OwnershipRecord { CustomerId = survivor.Id, Action = OwnershipAction.Merged, FromUserId = survivor.OwnerId, ToUserId = survivor.OwnerId, Reason = Truncate("Merged " + string.Join(", ", p.Losers.Select(l => l.Name))), At = now, ByUserId = user.Id });
        merge.SurvivorAfter = CustomerState.Serialize(survivor);
        db.Add(merge);

        search.Enqueue(CustomersModule.CustomerRecordType, p.All.Select(c => c.Id));
        search.Enqueue(CustomersModule.ContactRecordType, movedContacts);
        await events.PublishAsync(new CustomersMerged(merge.Id, survivor.Id, p.Losers.Select(l => l.Id).ToList()), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await queries.GetAsync(merge.Id, ct);
    }

    /// <summary>Chosen fields, else the survivor's own value, else the first loser's; lists united; follow-up and deal dates combined.</summary>
    private static void TakeFields(MergeParticipants p, IReadOnlyDictionary<string, Guid> choices)
    {
        var survivor = p.Survivor;
        foreach (var field in MergeFields.Choosable)
        {
            var chosen = choices.FirstOrDefault(c => string.Equals(c.Key, field.Name, StringComparison.OrdinalIgnoreCase));
            var source = chosen.Key is not null ? p.All.First(c => c.Id == chosen.Value)
                : field.IsEmpty(survivor) ? p.Losers.FirstOrDefault(l => !field.IsEmpty(l)) : null;
            if (source is not null && source != survivor) field.Copy(survivor, source);
        }
        survivor.Phones = PreviewMerge.Unite(p, c => c.Phones, CustomerNormalizer.Phone);
        survivor.Emails = PreviewMerge.Unite(p, c => c.Emails, CustomerNormalizer.Email);
        survivor.Tags = PreviewMerge.Unite(p, c => c.Tags, t => t.Trim());
        survivor.LastFollowUpAt = p.All.Max(c => c.LastFollowUpAt);
        survivor.NextFollowUpAt = p.All.Where(c => c.NextFollowUpAt != null).Min(c => c.NextFollowUpAt);
        survivor.LastDealAt = p.All.Max(c => c.LastDealAt);
    }

    private async Task<List<CustomFieldChange>> TakeCustomFieldsAsync(MergeParticipants p, List<CustomFieldComparison> comparisons, IReadOnlyDictionary<string, Guid> choices, CancellationToken ct)
    {
        var changes = new List<CustomFieldChange>();
        foreach (var cf in comparisons)
        {
            Guid? source = choices.TryGetValue(cf.Key, out var chosen) ? chosen
                : CustomFieldComparison.IsEmpty(cf.Values[p.Survivor.Id]) ? p.Losers.FirstOrDefault(l => !CustomFieldComparison.IsEmpty(cf.Values[l.Id]))?.Id : null;
            if (source is not { } from || from == p.Survivor.Id || CustomFieldComparison.Same(cf.Values[from], cf.Values[p.Survivor.Id])) continue;
            var current = await CustomFieldChange.RowsAsync(db, p.Survivor.Id, cf.Field.Id, ct);
            var taken = CustomFieldChange.Of(await CustomFieldChange.RowsAsync(db, from, cf.Field.Id, ct));
            CustomFieldChange.Replace(db, p.Survivor.Id, cf.Field.Id, current, taken);
            changes.Add(new CustomFieldChange(cf.Field.Id, CustomFieldChange.Of(current), taken));
        }
        return changes;
    }

    /// <summary>Moves the losers' contacts, follow-ups and reminders with set-based updates naming the tenant; returns the moved contacts.</summary>
    private async Task<List<Guid>> MoveRecordsAsync(CustomerMerge merge, MergeParticipants p, DateTime now, CancellationToken ct)
    {
        var tenantId = tenant.Id;
        var survivorId = p.Survivor.Id;
        var loserIds = p.Losers.Select(l => l.Id).ToList();
        var contacts = await db.Set<Contact>().Where(c => loserIds.Contains(c.CustomerId)).Select(c => new { c.Id, c.CustomerId, c.IsPrimary }).ToListAsync(ct);
        var followUps = await db.Set<FollowUp>().Where(f => loserIds.Contains(f.CustomerId)).Select(f => new { f.Id, f.CustomerId }).ToListAsync(ct);
        var reminders = await db.Set<Reminder>().Where(r => r.CustomerId != null && loserIds.Contains(r.CustomerId.Value)).Select(r => new { r.Id, CustomerId = r.CustomerId!.Value }).ToListAsync(ct);

        // One primary contact remains: the survivor's, or else the first loser's.
        var survivorHasPrimary = await db.Set<Contact>().AnyAsync(c => c.CustomerId == survivorId && c.IsPrimary, ct);
        var primaries = contacts.Where(c => c.IsPrimary).OrderBy(c => loserIds.IndexOf(c.CustomerId)).Select(c => c.Id).ToList();
        var demoted = survivorHasPrimary ? primaries : primaries.Skip(1).ToList();

        db.AddRange(contacts.Select(c => new CustomerMergeItem { MergeId = merge.Id, Kind = CustomerMergeItem.Contact, ItemId = c.Id, FromCustomerId = c.CustomerId, WasPrimary = c.IsPrimary }));
        db.AddRange(followUps.Select(f => new CustomerMergeItem { MergeId = merge.Id, Kind = CustomerMergeItem.FollowUp, ItemId = f.Id, FromCustomerId = f.CustomerId }));
        db.AddRange(reminders.Select(r => new CustomerMergeItem { MergeId = merge.Id, Kind = CustomerMergeItem.Reminder, ItemId = r.Id, FromCustomerId = r.CustomerId }));

        var me = user.Id;
        var stamp = Guid.NewGuid().ToString("N");
        await db.Set<Contact>().Where(c => c.TenantId == tenantId && loserIds.Contains(c.CustomerId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, survivorId).SetProperty(c => c.ModifiedAt, now).SetProperty(c => c.ModifiedBy, me).SetProperty(c => c.ConcurrencyStamp, stamp), ct);
        if (demoted.Count > 0)
            await db.Set<Contact>().Where(c => c.TenantId == tenantId && demoted.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPrimary, false), ct);
        await db.Set<FollowUp>().Where(f => f.TenantId == tenantId && loserIds.Contains(f.CustomerId))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.CustomerId, survivorId).SetProperty(f => f.ModifiedAt, now).SetProperty(f => f.ModifiedBy, me).SetProperty(f => f.ConcurrencyStamp, stamp), ct);
        await db.Set<Reminder>().Where(r => r.TenantId == tenantId && r.CustomerId != null && loserIds.Contains(r.CustomerId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CustomerId, survivorId).SetProperty(r => r.ModifiedAt, now).SetProperty(r => r.ModifiedBy, me).SetProperty(r => r.ConcurrencyStamp, stamp), ct);
        return contacts.Select(c => c.Id).ToList();
    }

    private static string Truncate(string text) => text.Length > 500 ? text[..500] : text;
}
