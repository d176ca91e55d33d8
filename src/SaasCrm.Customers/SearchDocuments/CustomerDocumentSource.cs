using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Search;

namespace SaasCrm.Customers.SearchDocuments;

/// <summary>
/// A customer as the index sees it: the name as title, phones and emails findable by any part, address, remark,
/// tags and contact names as text, and what the data scope and the search filters need. Merged customers are not
/// searchable (their survivor is). Runs without a user: the index holds the tenant's all; scope applies at query time.
/// </summary>
internal sealed class CustomerDocumentSource(PlatformDbContext db, IDataFilter dataFilter) : ISearchDocumentSource
{
    public string DocumentType => CustomersModule.CustomerRecordType;

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var customers = await Searchable().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        return await ToDocumentsAsync(customers, cancellationToken);
    }

    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            var query = Searchable();
            if (after is { } a) query = query.Where(c => c.Id.CompareTo(a) > 0);
            var batch = await query.OrderBy(c => c.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) yield break;
            yield return await ToDocumentsAsync(batch, cancellationToken);
            after = batch[^1].Id;
            if (batch.Count < batchSize) yield break;
        }
    }

    public async Task<int?> CountAsync(CancellationToken cancellationToken) => await Searchable().CountAsync(cancellationToken);

    /// <summary>A contact's change shows in its customer's document (contact names are part of it).</summary>
    public async Task<IReadOnlyList<Guid>> DependentIdsAsync(string changedType, IReadOnlyCollection<Guid> changedIds, CancellationToken cancellationToken)
    {
        if (changedType != CustomersModule.ContactRecordType) return [];
        using (dataFilter.Disable<ISoftDelete>()) // a deleted contact still names the customer whose document must drop it
        {
            return await db.Set<Contact>().AsNoTracking().Where(c => changedIds.Contains(c.Id)).Select(c => c.CustomerId).Distinct().ToListAsync(cancellationToken);
        }
    }

    private IQueryable<Customer> Searchable() => db.Set<Customer>().AsNoTracking().Where(c => c.Status != CustomerStatus.Merged);

    private async Task<IReadOnlyList<SearchDocument>> ToDocumentsAsync(List<Customer> customers, CancellationToken cancellationToken)
    {
        var ids = customers.Select(c => c.Id).ToList();
        List<ContactLine> lines;
        using (dataFilter.Disable<ISoftDelete>()) // a deleted contact still moves its customer's version on; its name goes
        {
            lines = await db.Set<Contact>().AsNoTracking().Where(c => ids.Contains(c.CustomerId))
                .Select(c => new ContactLine(c.CustomerId, c.Name, c.IsDeleted, c.ModifiedAt ?? c.CreatedAt)).ToListAsync(cancellationToken);
        }
        var contacts = lines.Where(c => !c.IsDeleted).ToLookup(c => c.CustomerId, c => c.Name);
        var contactChanges = lines.GroupBy(c => c.CustomerId).ToDictionary(g => g.Key, g => g.Max(c => c.At));
        return customers.Select(c =>
        {
            var changedAt = c.ModifiedAt ?? c.CreatedAt;
            if (contactChanges.TryGetValue(c.Id, out var contactAt) && contactAt > changedAt) changedAt = contactAt;
            return ToDocument(c, contacts[c.Id], changedAt.Ticks);
        }).ToList();
    }

    private sealed record ContactLine(Guid CustomerId, string Name, bool IsDeleted, DateTime At);

    internal static SearchDocument ToDocument(Customer c, IEnumerable<string> contactNames, long version)
    {
        var address = string.Join(" ", new[] { c.Province, c.City, c.District, c.Address }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var text = new Dictionary<string, string?>
        {
            ["address"] = address.Length == 0 ? null : address,
            ["remark"] = c.Remark,
            ["contacts"] = string.Join(" ", contactNames) is { Length: > 0 } names ? names : null,
            ["tags"] = c.Tags.Count == 0 ? null : string.Join(" ", c.Tags),
            ["code"] = c.Code,
        };
        var filters = CustomerFilters(c);
        return new SearchDocument(CustomersModule.CustomerRecordType, c.Id, c.Name, text, [.. c.Phones, .. c.Emails], filters, c.OwnerId, version,
            Link: $"/customers/{c.Id}");
    }

    /// <summary>The filter fields of a customer and of each of its contacts: visibility follows the customer.</summary>
    internal static Dictionary<string, string?> CustomerFilters(Customer c) => new()
    {
        ["owner"] = c.OwnerId?.ToString(),
        ["serviceRep"] = c.ServiceRepId?.ToString(),
        ["pool"] = c.PoolId?.ToString(),
        ["inPool"] = c.PoolId is null ? "false" : "true",
        ["level"] = c.LevelCode,
    };
}
