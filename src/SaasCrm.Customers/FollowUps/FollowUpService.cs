using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Reminders;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;

namespace SaasCrm.Customers.FollowUps;

/// <summary>Recording a contact with a customer (C3), its check-in (C10) and the next follow-up reminder (C4), in one transaction.</summary>
public sealed class FollowUpService(
    PlatformDbContext db,
    CustomerAccess access,
    IDictionaryLookup dictionaries,
    IReminderScheduler reminders,
    CustomerSettingsStore settings,
    IPermissionChecker permissions,
    IDataScopeFilter scope,
    ICurrentUser user,
    IFileStore files,
    TimeProvider clock)
{
    public const string AttachmentPurpose = "follow-up-attachment";
    public const int MaxAttachments = 10;

    public async Task<(FollowUp FollowUp, Reminder? Reminder)> CreateAsync(Guid customerId, CreateFollowUpRequest request, CancellationToken ct)
    {
        var customer = await access.GetEditableAsync(customerId, ct);
        await dictionaries.EnsureSelectableAsync(CustomerDictionaries.ContactMethod, request.MethodCode, "methodCode", cancellationToken: ct);
        await EnsureContactAsync(customerId, request.ContactId, ct);
        var me = user.Id!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var followUp = new FollowUp
        {
            CustomerId = customerId, ContactId = request.ContactId, OwnerId = me, MethodCode = request.MethodCode,
            Content = request.Content.Trim(), Result = request.Result?.Trim(), At = request.At,
        };
        if (request.CheckIn is { } checkIn) followUp.CheckIn = await CheckInAsync(customer, checkIn, now, ct);
        db.Add(followUp);
        foreach (var fileId in (request.AttachmentFileIds ?? []).Distinct()) await AttachAsync(followUp.Id, fileId, now, ct);
        if (customer.LastFollowUpAt is null || customer.LastFollowUpAt < request.At) customer.LastFollowUpAt = request.At;

        Reminder? reminder = null;
        if (request.NextFollowUp is { } next)
        {
            reminder = new Reminder
            {
                OwnerId = me, CustomerId = customerId, FollowUpId = followUp.Id, DueAt = next.DueAt, Channels = next.Channels,
                Subject = string.IsNullOrWhiteSpace(next.Subject) ? customer.Name : next.Subject.Trim(),
            };
            db.Add(reminder);
            await reminders.ScheduleAsync(reminder, ct);
            // The earliest open reminder is the next follow-up (kept so by NextFollowUpDate when reminders change).
            if (customer.NextFollowUpAt is not { } current || current <= now || next.DueAt < current) customer.NextFollowUpAt = next.DueAt;
        }
        await db.SaveChangesAsync(ct);
        return (followUp, reminder);
    }

    public async Task<FollowUp> UpdateAsync(Guid customerId, Guid id, UpdateFollowUpRequest request, CancellationToken ct)
    {
        var customer = await access.GetEditableAsync(customerId, ct);
        var followUp = await GetOwnAsync(customerId, id, ct);
        await dictionaries.EnsureSelectableAsync(CustomerDictionaries.ContactMethod, request.MethodCode, "methodCode", followUp.MethodCode, ct);
        await EnsureContactAsync(customerId, request.ContactId, ct);
        db.Entry(followUp).Property(f => f.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
        followUp.MethodCode = request.MethodCode;
        followUp.Content = request.Content.Trim();
        followUp.Result = request.Result?.Trim();
        followUp.ContactId = request.ContactId;
        followUp.At = request.At;
        // A change of files alone is a change of the follow-up: a new stamp, so a concurrent edit from the old one gets 409.
        if (request.AttachmentFileIds is { } fileIds && await SyncAttachmentsAsync(followUp.Id, fileIds, clock.GetUtcNow().UtcDateTime, ct))
            followUp.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        await RefreshLastFollowUpAsync(customer, ct);
        return followUp;
    }

    public async Task DeleteAsync(Guid customerId, Guid id, CancellationToken ct)
    {
        var customer = await access.GetEditableAsync(customerId, ct);
        var followUp = await GetOwnAsync(customerId, id, ct);
        followUp.IsDeleted = true;
        await db.SaveChangesAsync(ct);
        await RefreshLastFollowUpAsync(customer, ct);
    }

    /// <summary>Check-ins (C10) of follow-ups by users within the caller's data scope.</summary>
    public async Task<IReadOnlyList<CheckInPoint>> CheckInsAsync(DateTime? from, DateTime? to, Guid? userId, CancellationToken ct)
    {
        var query = (await scope.ApplyAsync(db.Set<FollowUp>().AsNoTracking(), ct)).Where(f => f.CheckIn != null);
        if (from is { } f0) query = query.Where(f => f.At >= f0);
        if (to is { } t0) query = query.Where(f => f.At < t0);
        if (userId is { } u) query = query.Where(f => f.OwnerId == u);
        var rows = await query.OrderByDescending(f => f.At).Take(2000)
            .Join(db.Set<Customer>(), f => f.CustomerId, c => c.Id, (f, c) => new { f, c.Name })
            .ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Where(x => rows.Select(r => r.f.OwnerId).Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return rows.Select(r => new CheckInPoint(r.f.Id, r.f.CustomerId, r.Name, r.f.OwnerId, names.GetValueOrDefault(r.f.OwnerId),
            r.f.CheckIn!.Latitude, r.f.CheckIn.Longitude, r.f.CheckIn.Address, r.f.CheckIn.At, r.f.CheckIn.IsFar, r.f.CheckIn.DistanceMeters)).ToList();
    }

    private async Task<CheckIn> CheckInAsync(Customer customer, CheckInInput input, DateTime now, CancellationToken ct)
    {
        double? distance = customer is { Latitude: { } lat, Longitude: { } lon } ? Geo.DistanceMeters(lat, lon, input.Latitude, input.Longitude) : null;
        var maxDistance = (await settings.GetAsync(ct)).CheckInMaxDistanceMeters;
        return new CheckIn
        {
            Latitude = input.Latitude, Longitude = input.Longitude, AccuracyMeters = input.AccuracyMeters, Address = input.Address?.Trim(),
            PhotoNote = input.PhotoNote?.Trim(), At = now, DistanceMeters = distance is { } d ? Math.Round(d) : null, IsFar = distance > maxDistance,
        };
    }

    /// <summary>Only its author changes a follow-up; users with the delete permission may remove any they can see.</summary>
    private async Task<FollowUp> GetOwnAsync(Guid customerId, Guid id, CancellationToken ct)
    {
        var followUp = await db.Set<FollowUp>().FirstOrDefaultAsync(f => f.Id == id && f.CustomerId == customerId, ct) ?? throw new EntityNotFoundException("FollowUp", id);
        if (followUp.OwnerId != user.Id && !await permissions.IsGrantedAsync(CustomerPermissions.Delete, ct))
            throw new BusinessException("follow_up.not_author", "Only the author can change this follow-up.", 403);
        return followUp;
    }

    /// <summary>
    /// A file of a follow-up on a customer the caller sees, for download. A file of another follow-up, or of a customer
    /// outside the caller's data scope, answers 404 like an unknown one.
    /// </summary>
    public async Task<StoredFile> AttachmentAsync(Guid customerId, Guid id, Guid fileId, CancellationToken ct)
    {
        await access.GetVisibleAsync(customerId, ct);
        var kept = await db.Set<FollowUpAttachment>()
            .AnyAsync(a => a.FollowUpId == id && a.FileId == fileId && db.Set<FollowUp>().Any(f => f.Id == id && f.CustomerId == customerId), ct);
        if (!kept) throw new EntityNotFoundException("File", fileId);
        return await files.GetAsync(fileId, ct);
    }

    /// <returns>Whether the files changed.</returns>
    private async Task<bool> SyncAttachmentsAsync(Guid followUpId, IReadOnlyList<Guid> fileIds, DateTime now, CancellationToken ct)
    {
        var existing = await db.Set<FollowUpAttachment>().Where(a => a.FollowUpId == followUpId).ToListAsync(ct);
        var removed = existing.Where(a => !fileIds.Contains(a.FileId)).ToList();
        var added = fileIds.Distinct().Except(existing.Select(a => a.FileId)).ToList();
        db.RemoveRange(removed);
        foreach (var fileId in added) await AttachAsync(followUpId, fileId, now, ct);
        return removed.Count > 0 || added.Count > 0;
    }

    /// <summary>Only the caller's own upload for follow-ups can be attached.</summary>
    private async Task AttachAsync(Guid followUpId, Guid fileId, DateTime now, CancellationToken ct)
    {
        var file = await files.GetOwnUploadAsync(fileId, AttachmentPurpose, "follow_up.attachment_not_found", ct);
        db.Add(new FollowUpAttachment { FollowUpId = followUpId, FileId = file.Id, FileName = file.OriginalName, Size = file.Size, AddedBy = user.Id, At = now });
    }

    private async Task EnsureContactAsync(Guid customerId, Guid? contactId, CancellationToken ct)
    {
        if (contactId is { } id && !await db.Set<Contact>().AnyAsync(c => c.Id == id && c.CustomerId == customerId, ct))
            throw RequestValidationException.For("contactId", "contact.not_of_customer", "The contact does not belong to this customer.");
    }

    private async Task RefreshLastFollowUpAsync(Customer customer, CancellationToken ct)
    {
        customer.LastFollowUpAt = await db.Set<FollowUp>().Where(f => f.CustomerId == customer.Id).MaxAsync(f => (DateTime?)f.At, ct);
        await db.SaveChangesAsync(ct);
    }
}
