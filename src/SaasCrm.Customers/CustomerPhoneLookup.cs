using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Records;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers;

/// <summary>
/// Finds customers by a caller's number. Customer phones come from the indexed lookup keys (normalised digits);
/// contact numbers are stored as typed, so the database narrows them by the number's last digits and the same
/// normaliser decides the exact match.
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
        // The last four digits are never split by the usual separators ("138-0013-8000", "138 0013 8000").
        var tail = digits[^4..];
        var candidates = await db.Set<Contact>().AsNoTracking()
            .Where(k => (k.Mobile != null && k.Mobile.EndsWith(tail)) || (k.Phone != null && k.Phone.EndsWith(tail)))
            .Join(db.Set<Customer>().Where(c => c.Status == CustomerStatus.Active), k => k.CustomerId, c => c.Id, (k, c) => new { k.Id, k.CustomerId, k.Name, k.Mobile, k.Phone })
            .Take(200).ToListAsync(cancellationToken);
        var byContact = candidates
            .Where(k => CustomerNormalizer.Phone(k.Mobile) == digits || CustomerNormalizer.Phone(k.Phone) == digits)
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
