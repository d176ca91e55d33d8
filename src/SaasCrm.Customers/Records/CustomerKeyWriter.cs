using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;

namespace SaasCrm.Customers.Records;

/// <summary>Keeps a customer's lookup rows (name, phones, emails, tags) equal to its fields, in the caller's unit of work.</summary>
public sealed class CustomerKeyWriter(PlatformDbContext db)
{
    public static IEnumerable<(CustomerKeyKind Kind, string Value)> KeysOf(Customer customer) =>
        new[] { (CustomerKeyKind.Name, customer.NormalizedName) }
            .Concat(customer.Phones.Select(p => (CustomerKeyKind.Phone, CustomerNormalizer.Phone(p))))
            .Concat(customer.Emails.Select(e => (CustomerKeyKind.Email, CustomerNormalizer.Email(e))))
            .Concat(customer.Tags.Select(t => (CustomerKeyKind.Tag, t.Trim())))
            .Where(k => k.Item2.Length > 0)
            .Distinct();

    /// <summary>For a customer created in this unit of work: no existing rows to compare with.</summary>
    public void AddFor(Customer customer)
    {
        foreach (var key in NewKeys(customer)) db.Add(key);
    }

    /// <summary>The rows <see cref="AddFor"/> adds, for callers that write them in bulk; sets the normalised name.</summary>
    public static IEnumerable<CustomerKey> NewKeys(Customer customer)
    {
        customer.NormalizedName = CustomerNormalizer.Name(customer.Name);
        return KeysOf(customer).Select(k => new CustomerKey { CustomerId = customer.Id, Kind = k.Kind, Value = k.Value }).ToList();
    }

    /// <summary>After an edit: adds the new keys and removes the ones that no longer apply.</summary>
    public async Task SyncAsync(Customer customer, CancellationToken ct)
    {
        customer.NormalizedName = CustomerNormalizer.Name(customer.Name);
        var wanted = KeysOf(customer).ToHashSet();
        var existing = await db.Set<CustomerKey>().Where(k => k.CustomerId == customer.Id).ToListAsync(ct);
        foreach (var key in existing.Where(k => !wanted.Contains((k.Kind, k.Value)))) db.Remove(key);
        foreach (var (kind, value) in wanted.Where(w => !existing.Any(k => k.Kind == w.Kind && k.Value == w.Value)))
            db.Add(new CustomerKey { CustomerId = customer.Id, Kind = kind, Value = value });
    }

    /// <summary>A customer that leaves the lists (merged, deleted) stops matching duplicate checks.</summary>
    public Task RemoveForAsync(Guid customerId, CancellationToken ct) =>
        db.Set<CustomerKey>().Where(k => k.CustomerId == customerId).ExecuteDeleteAsync(ct);
}
