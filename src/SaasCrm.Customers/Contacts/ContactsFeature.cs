using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Records;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;
using SaasCrm.Search;

namespace SaasCrm.Customers.Contacts;

/// <summary>A contact as entered; on update it carries the stamp it was read with.</summary>
public sealed record SaveContactRequest : ContactInput
{
    public string? ConcurrencyStamp { get; init; }
}

internal sealed class SaveContactRequestValidator : AbstractValidator<SaveContactRequest>
{
    public SaveContactRequestValidator() => Include(new ContactInputValidator());
}

/// <summary>Contacts of a customer (C2): each belongs to exactly one customer; exactly one is primary while any exist.</summary>
internal sealed class ContactsFeature : CustomersFeature
{
    public override void MapEndpoints(RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/customers/{customerId:guid}/contacts");

        contacts.MapGet("/", async (Guid customerId, CustomerAccess access, PlatformDbContext db, CustomFieldService fields, CancellationToken ct) =>
        {
            await access.GetVisibleAsync(customerId, ct);
            var rows = await db.Set<Contact>().AsNoTracking().Where(c => c.CustomerId == customerId)
                .OrderByDescending(c => c.IsPrimary).ThenBy(c => c.CreatedAt).ToListAsync(ct);
            var values = await fields.LoadAsync(CustomersModule.ContactRecordType, rows.Select(r => r.Id).ToList(), ct);
            return rows.Select(r => ContactMapper.ToDto(r, values.GetValueOrDefault(r.Id))).ToList();
        }).RequirePermission(CustomerPermissions.Default);

        contacts.MapPost("/", async (Guid customerId, SaveContactRequest request, CustomerAccess access, PlatformDbContext db, CustomFieldService fields, ISearchIndexQueue search, CancellationToken ct) =>
        {
            await access.GetEditableAsync(customerId, ct);
            var contact = ContactMapper.New(customerId, request);
            var hasPrimary = await db.Set<Contact>().AnyAsync(c => c.CustomerId == customerId && c.IsPrimary, ct);
            contact.IsPrimary = !hasPrimary || request.IsPrimary;
            if (contact.IsPrimary && hasPrimary) await ClearPrimaryAsync(db, customerId, ct);
            db.Add(contact);
            await fields.SaveAsync(CustomersModule.ContactRecordType, contact.Id, request.CustomFields, isCreate: true, ct);
            search.Enqueue(SearchDocumentTypes.Contact, [contact.Id]);
            search.Enqueue(SearchDocumentTypes.Customer, [customerId]);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/customers/{customerId}/contacts/{contact.Id}", ContactMapper.ToDto(contact));
        }).Validate<SaveContactRequest>().Produces<ContactDto>(StatusCodes.Status201Created).RequirePermission(CustomerPermissions.Edit);

        contacts.MapPut("/{id:guid}", async (Guid customerId, Guid id, SaveContactRequest request, CustomerAccess access, PlatformDbContext db, CustomFieldService fields, ISearchIndexQueue search, CancellationToken ct) =>
        {
            await access.GetEditableAsync(customerId, ct);
            var contact = await db.Set<Contact>().FirstOrDefaultAsync(c => c.Id == id && c.CustomerId == customerId, ct) ?? throw new EntityNotFoundException("Contact", id);
            db.Entry(contact).Property(c => c.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp ?? "";
            ContactMapper.Apply(contact, request);
            if (request.IsPrimary && !contact.IsPrimary)
            {
                await ClearPrimaryAsync(db, customerId, ct);
                contact.IsPrimary = true;
            }
            await fields.SaveAsync(CustomersModule.ContactRecordType, contact.Id, request.CustomFields, isCreate: false, ct);
            search.Enqueue(SearchDocumentTypes.Contact, [contact.Id]);
            search.Enqueue(SearchDocumentTypes.Customer, [customerId]);
            await db.SaveChangesAsync(ct);
            return ContactMapper.ToDto(contact);
        }).Validate<SaveContactRequest>().RequirePermission(CustomerPermissions.Edit);

        contacts.MapDelete("/{id:guid}", async (Guid customerId, Guid id, CustomerAccess access, PlatformDbContext db, ISearchIndexQueue search, CancellationToken ct) =>
        {
            await access.GetEditableAsync(customerId, ct);
            var contact = await db.Set<Contact>().FirstOrDefaultAsync(c => c.Id == id && c.CustomerId == customerId, ct) ?? throw new EntityNotFoundException("Contact", id);
            contact.IsDeleted = true;
            if (contact.IsPrimary)
            {
                // The longest-standing remaining contact becomes primary.
                contact.IsPrimary = false;
                var next = await db.Set<Contact>().Where(c => c.CustomerId == customerId && c.Id != id).OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(ct);
                if (next is not null) next.IsPrimary = true;
            }
            search.Enqueue(SearchDocumentTypes.Contact, [contact.Id]);
            search.Enqueue(SearchDocumentTypes.Customer, [customerId]);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent).RequirePermission(CustomerPermissions.Edit);
    }

    private static async Task ClearPrimaryAsync(PlatformDbContext db, Guid customerId, CancellationToken ct)
    {
        foreach (var other in await db.Set<Contact>().Where(c => c.CustomerId == customerId && c.IsPrimary).ToListAsync(ct)) other.IsPrimary = false;
    }
}
