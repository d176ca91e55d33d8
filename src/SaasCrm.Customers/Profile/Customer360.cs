using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Contacts;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.FollowUps;
using SaasCrm.Customers.History;
using SaasCrm.Customers.Records;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.Profile;

/// <param name="Data">Kind-specific values from a later module's entry (a call's direction, durationSeconds, status, recordingUrl).</param>
/// <param name="Link">Where a later module's entry opens.</param>
public sealed record TimelineEntry(string Kind, DateTime At, string Title, string? Detail, Guid? UserId, string? UserName, Guid RefId,
    IReadOnlyDictionary<string, string>? Data = null, string? Link = null);
public sealed record ReminderBrief(Guid Id, Guid OwnerId, string? OwnerName, string Subject, DateTime DueAt, ReminderStatus Status);
public sealed record Customer360Slot(string Kind, LocalizedText DisplayName, int Count, IReadOnlyList<CustomerRelatedRecord> Items);

public sealed record Customer360Dto(CustomerDto Customer, IReadOnlyList<ContactDto> Contacts, IReadOnlyList<FollowUpDto> FollowUps,
    IReadOnlyList<ReminderBrief> Reminders, IReadOnlyList<OwnershipRecordDto> Ownership, IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<Customer360Slot> Slots);

/// <summary>
/// Everything about one customer on one page (C12): profile, contacts, latest follow-ups and check-ins, open
/// reminders, owner and pool history, the slots later modules fill through <see cref="ICustomerRelatedRecords"/>, and
/// the timeline entries they add through <see cref="ICustomerTimelineSource"/> (the call center's calls).
/// Reads stay few and bounded (a test counts them): one query per kind, names resolved in one query at the end.
/// </summary>
public sealed class Customer360(
    PlatformDbContext db,
    CustomerAccess access,
    CustomerReader customers,
    UserNames users,
    IEnumerable<ICustomerRelatedRecords> related,
    IEnumerable<ICustomerTimelineSource> timelineSources)
{
    private const int Latest = 20;

    public async Task<Customer360Dto> LoadAsync(Guid id, CancellationToken ct)
    {
        var customer = await access.GetVisibleAsync(id, ct);
        var contacts = await db.Set<Contact>().AsNoTracking().Where(c => c.CustomerId == id)
            .OrderByDescending(c => c.IsPrimary).ThenBy(c => c.CreatedAt).ToListAsync(ct);
        var followUps = await db.Set<FollowUp>().AsNoTracking().Where(f => f.CustomerId == id)
            .OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Take(Latest).ToListAsync(ct);
        var reminders = await db.Set<Reminder>().AsNoTracking().Where(r => r.CustomerId == id)
            .OrderByDescending(r => r.DueAt).Take(Latest).ToListAsync(ct);
        var ownership = await db.Set<OwnershipRecord>().AsNoTracking().Where(r => r.CustomerId == id)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(Latest).ToListAsync(ct);
        var contributed = new List<(string Kind, CustomerTimelineItem Item)>();
        foreach (var source in timelineSources)
            contributed.AddRange((await source.LatestAsync(id, Latest, ct)).Select(item => (source.Kind, item)));
        await users.LoadAsync(followUps.Select(f => (Guid?)f.OwnerId).Concat(reminders.Select(r => (Guid?)r.OwnerId))
            .Concat(ownership.SelectMany(r => new[] { r.FromUserId, r.ToUserId, r.ByUserId })).Append(customer.OwnerId).Append(customer.ServiceRepId)
            .Concat(contributed.Select(c => c.Item.UserId)), ct);

        var slots = new List<Customer360Slot>();
        foreach (var module in related)
        {
            var items = await module.LatestAsync(id, 5, ct);
            var count = (await module.CountAsync([id], ct)).GetValueOrDefault(id);
            slots.Add(new Customer360Slot(module.Kind, module.DisplayName, count, items));
        }

        var contactNames = contacts.ToDictionary(c => c.Id, c => c.Name);
        var files = await FollowUpReader.AttachmentsAsync(db, followUps.Select(f => f.Id).ToList(), ct);
        var followUpDtos = followUps.Select(f => FollowUpReader.ToDto(f, f.ContactId is { } c ? contactNames.GetValueOrDefault(c) : null, users.Of(f.OwnerId),
            reminders.FirstOrDefault(r => r.FollowUpId == f.Id)?.Id, files[f.Id].ToList())).ToList();
        var ownershipDtos = ownership.Select(r => new OwnershipRecordDto(r.Id, r.Action, r.FromUserId, users.Of(r.FromUserId), r.ToUserId, users.Of(r.ToUserId),
            r.PoolId, r.Reason, r.At, r.ByUserId, users.Of(r.ByUserId))).ToList();
        var timeline = followUps.Select(f => new TimelineEntry(f.CheckIn is null ? "followUp" : "checkIn", f.At, f.MethodCode, f.Content, f.OwnerId, users.Of(f.OwnerId), f.Id))
            .Concat(reminders.Select(r => new TimelineEntry("reminder", r.DueAt, r.Subject, r.Status.ToString(), r.OwnerId, users.Of(r.OwnerId), r.Id)))
            .Concat(ownership.Select(r => new TimelineEntry("ownership", r.At, r.Action.ToString(), r.Reason, r.ByUserId, users.Of(r.ByUserId), r.Id)))
            .Concat(contributed.Select(c => new TimelineEntry(c.Kind, c.Item.At, c.Item.Title, c.Item.Detail, c.Item.UserId, users.Of(c.Item.UserId), c.Item.Id,
                c.Item.Data, c.Item.Link)))
            .OrderByDescending(t => t.At)
            .ToList();

        return new Customer360Dto(
            await customers.ToDtoAsync(customer, ct),
            contacts.Select(c => ContactMapper.ToDto(c)).ToList(),
            followUpDtos,
            reminders.Where(r => r.Status == ReminderStatus.Pending).Select(r => new ReminderBrief(r.Id, r.OwnerId, users.Of(r.OwnerId), r.Subject, r.DueAt, r.Status)).ToList(),
            ownershipDtos,
            timeline,
            slots);
    }
}
