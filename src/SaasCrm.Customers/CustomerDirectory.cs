using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers;

/// <summary>Customers as other modules see them: only those the caller may open, with how to reach them.</summary>
internal sealed class CustomerDirectory(PlatformDbContext db, CustomerAccess access) : ICustomerDirectory
{
    public async Task<IReadOnlyDictionary<Guid, CustomerSummary>> FindAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        if (customerIds.Count == 0) return new Dictionary<Guid, CustomerSummary>();
        var ids = customerIds.Distinct().ToList();
        var customers = await (await access.VisibleAsync(db.Set<Customer>().AsNoTracking(), cancellationToken))
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.OwnerId, c.ServiceRepId, c.Emails, c.Phones })
            .ToListAsync(cancellationToken);
        var found = customers.Select(c => c.Id).ToList();
        var primaries = await db.Set<Contact>().AsNoTracking()
            .Where(k => found.Contains(k.CustomerId) && k.IsPrimary)
            .Select(k => new { k.CustomerId, k.Email, k.Mobile })
            .ToListAsync(cancellationToken);
        var primaryOf = primaries.GroupBy(p => p.CustomerId).ToDictionary(g => g.Key, g => g.First());
        return customers.ToDictionary(c => c.Id, c =>
        {
            var primary = primaryOf.GetValueOrDefault(c.Id);
            return new CustomerSummary(c.Id, c.Name, c.OwnerId, c.ServiceRepId,
                primary?.Email ?? c.Emails.FirstOrDefault(), primary?.Mobile ?? c.Phones.FirstOrDefault());
        });
    }
}
