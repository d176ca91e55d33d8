using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.FollowUps;

internal sealed class FollowUpsFeature : CustomersFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<FollowUpService>();
        services.AddScoped<FollowUpReader>();
        // Others read a follow-up's files through its customer (its data scope applies), never by file id alone; files no
        // follow-up uses any more are swept.
        services.AddFilePurpose<FollowUpFileReferences>(new FilePurpose(FollowUpService.AttachmentPurpose, 10 * 1024 * 1024, FileContentSniffer.Documents, ReadPermission: null));
    }

    public override void MapEndpoints(RouteGroupBuilder api)
    {
        var followUps = api.MapGroup("/customers/{customerId:guid}/follow-ups");
        followUps.MapGet("/", async (Guid customerId, string? cursor, int? pageSize, CustomerAccess access, FollowUpReader reader, CancellationToken ct) =>
        {
            await access.GetVisibleAsync(customerId, ct);
            return await reader.PageAsync(customerId, cursor, pageSize, ct);
        }).RequirePermission(CustomerPermissions.FollowUps);

        followUps.MapPost("/", async (Guid customerId, CreateFollowUpRequest request, FollowUpService service, FollowUpReader reader, CancellationToken ct) =>
        {
            var (followUp, reminder) = await service.CreateAsync(customerId, request, ct);
            return Results.Created($"/api/customers/{customerId}/follow-ups/{followUp.Id}", (await reader.ToDtosAsync([followUp], ct))[0] with { ReminderId = reminder?.Id });
        }).Validate<CreateFollowUpRequest>().Produces<FollowUpDto>(StatusCodes.Status201Created).RequirePermission(CustomerPermissions.FollowUps);

        followUps.MapPut("/{id:guid}", async (Guid customerId, Guid id, UpdateFollowUpRequest request, FollowUpService service, FollowUpReader reader, CancellationToken ct) =>
            (await reader.ToDtosAsync([await service.UpdateAsync(customerId, id, request, ct)], ct))[0])
            .Validate<UpdateFollowUpRequest>().RequirePermission(CustomerPermissions.FollowUps);

        followUps.MapDelete("/{id:guid}", async (Guid customerId, Guid id, FollowUpService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(customerId, id, ct);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent).RequirePermission(CustomerPermissions.FollowUps);

        api.MapUpload("/follow-ups/attachments", FollowUpService.AttachmentPurpose, f => new FollowUpFileDto(f.Id, f.OriginalName, f.Size))
            .RequirePermission(CustomerPermissions.FollowUps);

        followUps.MapGet("/{id:guid}/attachments/{fileId:guid}", async (Guid customerId, Guid id, Guid fileId, FollowUpService service, IFileStore files, CancellationToken ct) =>
            {
                var file = await service.AttachmentAsync(customerId, id, fileId, ct);
                return Results.File(files.OpenRead(file), file.ContentType, file.OriginalName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").RequirePermission(CustomerPermissions.FollowUps);

        api.MapGet("/check-ins", (DateTime? from, DateTime? to, Guid? userId, FollowUpService service, CancellationToken ct) => service.CheckInsAsync(from, to, userId, ct))
            .RequirePermission(CustomerPermissions.FollowUps);
    }
}

/// <summary>Follow-ups newest first with contact and author names, keyset-paged on (At, Id).</summary>
public sealed class FollowUpReader(PlatformDbContext db, UserNames users)
{
    public async Task<FollowUpPage> PageAsync(Guid customerId, string? cursor, int? pageSize, CancellationToken ct)
    {
        var size = Paging.Size(pageSize);
        var after = KeysetCursor.Decode(cursor);
        var query = db.Set<FollowUp>().AsNoTracking().Where(f => f.CustomerId == customerId);
        if (after is not null)
        {
            var seen = after.SeenAtSameTime.ToList();
            query = query.Where(f => f.At < after.At || (f.At == after.At && !seen.Contains(f.Id)));
        }
        var rows = await query.OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Take(size).ToListAsync(ct);
        return new FollowUpPage(await ToDtosAsync(rows, ct), KeysetCursor.After(rows, size, f => f.At, f => f.Id, after));
    }

    public async Task<IReadOnlyList<FollowUpDto>> ToDtosAsync(IReadOnlyList<FollowUp> rows, CancellationToken ct)
    {
        var contactIds = rows.Select(r => r.ContactId).OfType<Guid>().Distinct().ToList();
        var contacts = contactIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Set<Contact>().AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        await users.LoadAsync(rows.Select(r => (Guid?)r.OwnerId), ct);
        var ids = rows.Select(f => f.Id).ToList();
        var reminders = await db.Set<Reminder>().AsNoTracking().Where(r => ids.Select(i => (Guid?)i).Contains(r.FollowUpId))
            .Select(r => new { r.FollowUpId, r.Id }).ToListAsync(ct);
        var attachments = await AttachmentsAsync(db, ids, ct);
        return rows.Select(f => ToDto(f, f.ContactId is { } c ? contacts.GetValueOrDefault(c) : null, users.Of(f.OwnerId),
            reminders.FirstOrDefault(r => r.FollowUpId == f.Id)?.Id, attachments[f.Id].ToList())).ToList();
    }

    /// <summary>The files of these follow-ups, in the order they were added.</summary>
    public static async Task<ILookup<Guid, FollowUpFileDto>> AttachmentsAsync(PlatformDbContext db, IReadOnlyList<Guid> followUpIds, CancellationToken ct) =>
        (await db.Set<FollowUpAttachment>().AsNoTracking().Where(a => followUpIds.Contains(a.FollowUpId)).OrderBy(a => a.At).ThenBy(a => a.FileName).ToListAsync(ct))
            .ToLookup(a => a.FollowUpId, a => new FollowUpFileDto(a.FileId, a.FileName, a.Size));

    public static FollowUpDto ToDto(FollowUp f, string? contactName, string? ownerName, Guid? reminderId, IReadOnlyList<FollowUpFileDto> attachments) =>
        new(f.Id, f.CustomerId, f.ContactId, contactName, f.OwnerId, ownerName, f.MethodCode, f.Content, f.Result, f.At,
            f.CheckIn is { } k ? new CheckInDto(k.Latitude, k.Longitude, k.AccuracyMeters, k.Address, k.At, k.PhotoNote, k.DistanceMeters, k.IsFar) : null,
            reminderId, f.ConcurrencyStamp, attachments);
}
