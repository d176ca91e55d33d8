using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Pool;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Permissions;
using SaasCrm.Search;
using SaasCrm.Platform.Security;

namespace SaasCrm.Customers.SearchDocuments;

/// <summary>
/// The search side of <see cref="CustomerAccess.VisibleAsync"/>, as index filter values: owner within the data
/// scope or me, service rep is me, collaborating on the customer after a handover, or the customer sits in a pool
/// I may access. Keep it in step with CustomerAccess.
/// </summary>
internal sealed class CustomerSearchScope(PlatformDbContext db, IDataScopeFilter scope, ICurrentUser user, IPoolAccess pools, TimeProvider clock)
{
    private SearchScope? _customer, _contact;

    public async Task<SearchScope> ForCustomersAsync(CancellationToken ct) => _customer ??= await BuildAsync(SearchDocument.IdField, ct);
    public async Task<SearchScope> ForContactsAsync(CancellationToken ct) => _contact ??= await BuildAsync("customerId", ct);

    private async Task<SearchScope> BuildAsync(string customerIdField, CancellationToken ct)
    {
        if (await scope.GetScopeAsync(ct) == DataScope.All) return SearchScope.All;
        var me = user.Id ?? Guid.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        var owners = await (await scope.VisibleOwnersAsync(ct))!.ToListAsync(ct);
        owners.Add(me);
        var poolIds = await (await pools.AccessiblePoolIdsAsync(ct)).ToListAsync(ct);
        var collaborating = await db.Set<CustomerCollaborator>().Where(c => c.UserId == me && c.Until > now).Select(c => c.CustomerId).ToListAsync(ct);
        return SearchScope.AnyOfFields(new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["owner"] = owners.Distinct().Select(o => o.ToString()).ToList(),
            ["serviceRep"] = [me.ToString()],
            [customerIdField] = customerIdField == SearchDocument.IdField ? collaborating.Select(c => c.ToString("N")).ToList() : collaborating.Select(c => c.ToString()).ToList(),
            ["pool"] = poolIds.Select(p => p.ToString()).ToList(),
        });
    }
}

internal sealed class CustomerScopeProvider(CustomerSearchScope scope) : ISearchScopeProvider
{
    public string DocumentType => CustomersModule.CustomerRecordType;
    public LocalizedText DisplayName { get; } = new("Customers", "客户");
    public string? RequiredPermission => CustomerPermissions.Default;
    public Task<SearchScope> GetScopeAsync(CancellationToken cancellationToken) => scope.ForCustomersAsync(cancellationToken);
}

internal sealed class ContactScopeProvider(CustomerSearchScope scope) : ISearchScopeProvider
{
    public string DocumentType => CustomersModule.ContactRecordType;
    public LocalizedText DisplayName { get; } = new("Contacts", "联系人");
    public string? RequiredPermission => CustomerPermissions.Default;
    public Task<SearchScope> GetScopeAsync(CancellationToken cancellationToken) => scope.ForContactsAsync(cancellationToken);
}
