using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Search;

namespace SaasCrm.Customers.SearchDocuments;

/// <summary>
/// A contact as the index sees it: name as title, its customer's name as subtitle, mobile, phone and email by
/// any part; its filters and visibility are its customer's. Contacts of merged or deleted customers are not searchable.
/// </summary>
internal sealed class ContactDocumentSource(PlatformDbContext db) : ISearchDocumentSource
{
    public string DocumentType => CustomersModule.ContactRecordType;

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ToDocuments(await Searchable().Where(x => ids.Contains(x.Contact.Id)).ToListAsync(cancellationToken));

    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            var query = Searchable();
            if (after is { } a) query = query.Where(x => x.Contact.Id.CompareTo(a) > 0);
            var batch = await query.OrderBy(x => x.Contact.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) yield break;
            yield return ToDocuments(batch);
            after = batch[^1].Contact.Id;
            if (batch.Count < batchSize) yield break;
        }
    }

    public async Task<int?> CountAsync(CancellationToken cancellationToken) => await Searchable().CountAsync(cancellationToken);

    /// <summary>A customer's change (name, owner, pool, merge, deletion) shows in its contacts' documents.</summary>
    public async Task<IReadOnlyList<Guid>> DependentIdsAsync(string changedType, IReadOnlyCollection<Guid> changedIds, CancellationToken cancellationToken) =>
        changedType != CustomersModule.CustomerRecordType ? []
            : await db.Set<Contact>().AsNoTracking().Where(c => changedIds.Contains(c.CustomerId)).Select(c => c.Id).ToListAsync(cancellationToken);

    private IQueryable<ContactRow> Searchable() =>
        db.Set<Contact>().AsNoTracking()
            .Join(db.Set<Customer>().AsNoTracking().Where(c => c.Status != CustomerStatus.Merged), x => x.CustomerId, c => c.Id, (x, c) => new ContactRow { Contact = x, Customer = c });

    private static List<SearchDocument> ToDocuments(List<ContactRow> rows) => rows.Select(r =>
    {
        var (x, c) = (r.Contact, r.Customer);
        var contactAt = x.ModifiedAt ?? x.CreatedAt;
        var customerAt = c.ModifiedAt ?? c.CreatedAt;
        var filters = CustomerDocumentSource.CustomerFilters(c);
        filters["customerId"] = c.Id.ToString();
        var text = new Dictionary<string, string?>
        {
            ["title"] = x.Title,
            ["department"] = x.Department,
            ["remark"] = x.Remark,
        };
        var identifiers = new[] { x.Mobile, x.Phone, x.Email }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList();
        return new SearchDocument(CustomersModule.ContactRecordType, x.Id, x.Name, text, identifiers, filters, c.OwnerId,
            Math.Max(contactAt.Ticks, customerAt.Ticks), Subtitle: c.Name, Link: $"/customers/{c.Id}/contacts/{x.Id}");
    }).ToList();

    /// <summary>A member-init projection (not a constructor), so EF can still filter and order on it.</summary>
    internal sealed class ContactRow
    {
        public Contact Contact { get; init; } = null!;
        public Customer Customer { get; init; } = null!;
    }
}
