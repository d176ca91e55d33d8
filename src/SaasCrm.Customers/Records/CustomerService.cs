using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Editions;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;
using SaasCrm.Search;

namespace SaasCrm.Customers.Records;

/// <summary>Creating, changing, assigning and deleting customers (C1, C5, C11).</summary>
public sealed class CustomerService(
    PlatformDbContext db,
    CustomerAccess access,
    CustomerKeyWriter keys,
    DuplicateFinder duplicates,
    IDictionaryLookup dictionaries,
    CustomFieldService customFields,
    IEditionLimitChecker editionLimits,
    IPermissionChecker permissions,
    ISearchIndexQueue search,
    SaasCrm.Workflows.IWorkflowSignals workflows,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<Customer> CreateAsync(CreateCustomerRequest request, CancellationToken ct)
    {
        await editionLimits.EnsureCanAddAsync(EditionLimits.Customers, c => db.Set<Customer>().CountAsync(x => x.Status == CustomerStatus.Active, c), ct);
        var me = user.Id ?? throw new BusinessException("auth.user_required", "Sign in as a user to create customers.", 403);
        var mayAssign = await permissions.IsGrantedAsync(CustomerPermissions.Assign, ct);
        if ((request.OwnerId is { } o && o != me || request.ServiceRepId is not null) && !mayAssign)
            throw new BusinessException("customer.assign_forbidden", "Only users who may assign customers can choose the owner or service rep.", 403);
        var ownerId = request.OwnerId ?? me;
        await EnsureUsersExistAsync([ownerId, request.ServiceRepId], ct);

        var customer = new Customer { OwnerId = ownerId, ServiceRepId = request.ServiceRepId, OwnedSince = Now };
        await ApplyFieldsAsync(customer, request, null, ct);

        var found = await duplicates.FindAsync(customer.Name, customer.Phones, customer.Emails, null, ct);
        if (found.Count > 0 && string.IsNullOrWhiteSpace(request.DuplicateReason))
            throw new BusinessException("customer.duplicate", "A customer with the same name, phone or email already exists. Give a reason to create it anyway.", 409, "duplicateReason")
            { Extensions = new Dictionary<string, object?> { ["matches"] = found } };

        db.Add(customer);
        keys.AddFor(customer);
        await customFields.SaveAsync(CustomersModule.CustomerRecordType, customer.Id, request.CustomFields, isCreate: true, ct);
        var reason = found.Count > 0 ? $"Created despite {found.Count} possible duplicate(s): {request.DuplicateReason}" : null;
        db.Add(new OwnershipRecord { CustomerId = customer.Id, Action = OwnershipAction.Created, ToUserId = ownerId, At = Now, ByUserId = me, Reason = reason });

        var contacts = request.Contacts ?? [];
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = Contacts.ContactMapper.New(customer.Id, contacts[i]);
            contact.IsPrimary = contacts[i].IsPrimary || (i == 0 && !contacts.Any(c => c.IsPrimary));
            db.Add(contact);
            await customFields.SaveAsync(CustomersModule.ContactRecordType, contact.Id, contacts[i].CustomFields, isCreate: true, ct);
        }
        search.Enqueue(SearchDocumentTypes.Customer, [customer.Id]);
        search.Enqueue(SearchDocumentTypes.Contact, db.ChangeTracker.Entries<Contact>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToList());
        await workflows.RecordCreatedAsync(CustomersModule.CustomerRecordType, customer.Id, ct);
        await db.SaveChangesAsync(ct);
        return customer;
    }

    public async Task<Customer> UpdateAsync(Guid id, UpdateCustomerRequest request, CancellationToken ct)
    {
        var customer = await access.GetEditableAsync(id, ct);
        db.Entry(customer).Property(c => c.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
        await ApplyFieldsAsync(customer, request, customer, ct);
        await keys.SyncAsync(customer, ct);
        await customFields.SaveAsync(CustomersModule.CustomerRecordType, customer.Id, request.CustomFields, isCreate: false, ct);
        search.Enqueue(SearchDocumentTypes.Customer, [customer.Id]);
        var changed = WorkflowRecords.CustomerWorkflowFields.Changed(db.Entry(customer));
        if (changed.Count > 0) await workflows.RecordUpdatedAsync(CustomersModule.CustomerRecordType, customer.Id, changed, ct);
        await db.SaveChangesAsync(ct);
        return customer;
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var customer = await access.GetVisibleAsync(id, ct, tracking: true);
        if (customer.Status == CustomerStatus.Merged)
            throw new BusinessException("customer.merged", "A merged customer is kept for the merge record and cannot be deleted.", 409);
        customer.IsDeleted = true;
        await keys.RemoveForAsync(customer.Id, ct);
        var contactIds = await db.Set<Contact>().Where(c => c.CustomerId == id).Select(c => c.Id).ToListAsync(ct);
        search.Enqueue(SearchDocumentTypes.Customer, [customer.Id]);
        search.Enqueue(SearchDocumentTypes.Contact, contactIds);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An admin gives a customer (also one in a pool) to a user (C5).</summary>
    public async Task<Customer> AssignAsync(Guid id, AssignOwnerRequest request, CancellationToken ct)
    {
        var customer = await access.GetVisibleAsync(id, ct, tracking: true);
        if (customer.Status == CustomerStatus.Merged) CustomerAccess.EnsureEditable(customer);
        await EnsureUsersExistAsync([request.OwnerId], ct);
        if (customer.OwnerId == request.OwnerId) return customer;
        Reassign(customer, request.OwnerId, OwnershipAction.Assigned, request.Reason);
        search.Enqueue(SearchDocumentTypes.Customer, [customer.Id]);
        await db.SaveChangesAsync(ct);
        return customer;
    }

    public async Task<BulkResult> BulkAssignAsync(BulkAssignRequest request, CancellationToken ct)
    {
        await EnsureUsersExistAsync([request.OwnerId], ct);
        var visible = await access.VisibleAsync(db.Set<Customer>(), ct);
        var customers = await visible.Where(c => request.CustomerIds.Contains(c.Id) && c.Status == CustomerStatus.Active).ToListAsync(ct);
        foreach (var customer in customers.Where(c => c.OwnerId != request.OwnerId))
            Reassign(customer, request.OwnerId, OwnershipAction.Assigned, request.Reason);
        search.Enqueue(SearchDocumentTypes.Customer, customers.Select(c => c.Id));
        await db.SaveChangesAsync(ct);
        return new BulkResult(customers.Count, request.CustomerIds.Except(customers.Select(c => c.Id)).ToList());
    }

    public async Task<BulkResult> BulkTagAsync(BulkTagRequest request, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(db.Set<Customer>(), ct);
        var customers = await visible.Where(c => request.CustomerIds.Contains(c.Id) && c.Status == CustomerStatus.Active && c.PoolId == null).ToListAsync(ct);
        foreach (var customer in customers)
        {
            var tags = customer.Tags.Except(request.Remove ?? [], StringComparer.OrdinalIgnoreCase)
                .Concat((request.Add ?? []).Select(t => t.Trim())).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (tags.Count > 20) throw RequestValidationException.For("add", "tag.too_many", $"'{customer.Name}' would have more than 20 tags.");
            customer.Tags = tags;
            await keys.SyncAsync(customer, ct);
        }
        search.Enqueue(SearchDocumentTypes.Customer, customers.Select(c => c.Id));
        await db.SaveChangesAsync(ct);
        return new BulkResult(customers.Count, request.CustomerIds.Except(customers.Select(c => c.Id)).ToList());
    }

    /// <summary>The dedicated service representative (C11); null removes it.</summary>
    public async Task<Customer> SetServiceRepAsync(Guid id, SetServiceRepRequest request, CancellationToken ct)
    {
        var customer = await access.GetEditableAsync(id, ct);
        await EnsureUsersExistAsync([request.ServiceRepId], ct);
        customer.ServiceRepId = request.ServiceRepId;
        search.Enqueue(SearchDocumentTypes.Customer, [customer.Id]);
        await db.SaveChangesAsync(ct);
        return customer;
    }

    /// <summary>Changes the owner with its history row; also used by workflow assignment.</summary>
    internal void Reassign(Customer customer, Guid ownerId, OwnershipAction action, string? reason)
    {
        db.Add(new OwnershipRecord
        {
            CustomerId = customer.Id, Action = action, FromUserId = customer.OwnerId, ToUserId = ownerId, PoolId = customer.PoolId,
            Reason = reason, At = Now, ByUserId = user.Id,
        });
        customer.OwnerId = ownerId;
        customer.OwnedSince = Now;
        customer.PoolId = null;
        customer.PooledAt = null;
        customer.ReleaseWarnedAt = null;
    }

    private async Task ApplyFieldsAsync(Customer customer, CustomerFields request, Customer? current, CancellationToken ct)
    {
        await dictionaries.EnsureSelectableAsync(CustomerDictionaries.Level, request.LevelCode, "levelCode", current?.LevelCode, ct);
        await dictionaries.EnsureSelectableAsync(CustomerDictionaries.Source, request.SourceCode, "sourceCode", current?.SourceCode, ct);
        await dictionaries.EnsureSelectableAsync(CustomerDictionaries.Industry, request.IndustryCode, "industryCode", current?.IndustryCode, ct);
        customer.Kind = request.Kind;
        customer.Name = request.Name.Trim();
        customer.Code = Clean(request.Code);
        customer.LevelCode = Clean(request.LevelCode);
        customer.SourceCode = Clean(request.SourceCode);
        customer.IndustryCode = Clean(request.IndustryCode);
        customer.Province = Clean(request.Province);
        customer.City = Clean(request.City);
        customer.District = Clean(request.District);
        customer.Address = Clean(request.Address);
        customer.Latitude = request.Latitude;
        customer.Longitude = request.Longitude;
        customer.Phones = Distinct(request.Phones, CustomerNormalizer.Phone);
        customer.Emails = Distinct(request.Emails, CustomerNormalizer.Email);
        customer.Tags = Distinct(request.Tags, t => t.ToLowerInvariant());
        customer.Website = Clean(request.Website);
        customer.Remark = Clean(request.Remark);
        customer.IsLocked = request.IsLocked;
    }

    private async Task EnsureUsersExistAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        foreach (var id in ids.OfType<Guid>().Distinct())
        {
            if (!await db.Users.AnyAsync(u => u.Id == id && u.IsActive, ct))
                throw RequestValidationException.For("ownerId", "user.not_found", $"There is no active user '{id}'.");
        }
    }

    private static List<string> Distinct(List<string>? values, Func<string, string> key) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).DistinctBy(key).ToList();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
