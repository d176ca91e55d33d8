using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Records;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers;

internal sealed class PortalCustomerLookup(PlatformDbContext db, CustomerAccess access) : IPortalCustomerLookup
{
    public async Task<PortalContact?> FindVisibleContactAsync(Guid customerId, Guid contactId, CancellationToken cancellationToken)
    {
        var customer = await (await access.VisibleAsync(db.Set<Customer>().AsNoTracking(), cancellationToken))
            .Where(c => c.Id == customerId && c.Status == CustomerStatus.Active).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(cancellationToken);
        if (customer is null) return null;
        var contact = await db.Set<Contact>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == contactId && k.CustomerId == customerId, cancellationToken);
        return contact is null ? null : new PortalContact(customer.Id, customer.Name, contact.Id, contact.Name, contact.Email, contact.Mobile);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        if (customerIds.Count == 0) return new Dictionary<Guid, string>();
        var ids = customerIds.Distinct().ToList();
        return await db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> MatchAsync(string? email, string? phone, CancellationToken cancellationToken)
    {
        var mail = string.IsNullOrWhiteSpace(email) ? "" : CustomerNormalizer.Email(email);
        var digits = string.IsNullOrWhiteSpace(phone) ? "" : CustomerNormalizer.Phone(phone);
        var byKey = await db.Set<CustomerKey>().AsNoTracking()
            .Where(k => (mail != "" && k.Kind == CustomerKeyKind.Email && k.Value == mail) || (digits != "" && k.Kind == CustomerKeyKind.Phone && k.Value == digits))
            .Select(k => k.CustomerId).ToListAsync(cancellationToken);
        var rawMail = email?.Trim();
        var byContact = await db.Set<Contact>().AsNoTracking()
            .Where(k => (rawMail != null && rawMail != "" && k.Email == rawMail) || (digits != "" && k.MobileDigits == digits))
            .Select(k => k.CustomerId).ToListAsync(cancellationToken);
        var ids = byKey.Concat(byContact).Distinct().ToList();
        return await db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.Id) && c.Status == CustomerStatus.Active).Select(c => c.Id).ToListAsync(cancellationToken);
    }
}
