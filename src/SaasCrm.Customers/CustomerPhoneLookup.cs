using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Records;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers;

/// <summary>
/// Finds customers by a caller's number: customer phones through the lookup keys, contact numbers through their
/// normalised digits, both indexed and normalised the same way.
/// </summary>
internal sealed class CustomerPhoneLookup(PlatformDbContext db, CustomerAccess access) : ICustomerPhoneLookup
{
    public async Task<IReadOnlyList<CustomerPhoneMatch>> FindAsync(string number, CancellationToken cancellationToken)
    {
        var digits = CustomerNormalizer.Phone(number);
        if (digits.Length < 5) return [];
        var byPhone = await db.Set<CustomerKey>().AsNoTracking()
            .Where(k => k.Kind == CustomerKeyKind.Phone && k.Value == digits)
            .Join(db.Set<Customer>().Where(c => c.Status == CustomerStatus.Active), k => k.CustomerId, c => c.Id, (k, c) => c.Id)
            .Distinct().Take(20).ToListAsync(cancellationToken);
        var byContact = (await db.Set<Contact>().AsNoTracking()
            .Where(k => k.MobileDigits == digits || k.PhoneDigits == digits)
            .Join(db.Set<Customer>().Where(c => c.Status == CustomerStatus.Active), k => k.CustomerId, c => c.Id, (k, c) => new { k.Id, k.CustomerId, k.Name })
            .Take(20).ToListAsync(cancellationToken))
            .Select(k => new CustomerPhoneMatch(k.CustomerId, k.Id, k.Name));
        return byPhone.Select(id => new CustomerPhoneMatch(id, null, null))
            .Concat(byContact)
            .DistinctBy(m => (m.CustomerId, m.ContactId))
            .ToList();
    }

    public async Task<CustomerCard?> GetCardAsync(Guid customerId, CancellationToken cancellationToken) =>
        await (await access.VisibleAsync(db.Set<Customer>().AsNoTracking(), cancellationToken))
            .Where(c => c.Id == customerId)
            .Select(c => new CustomerCard(c.Id, c.Name, c.OwnerId, c.LevelCode, c.LastFollowUpAt))
            .FirstOrDefaultAsync(cancellationToken);
}
