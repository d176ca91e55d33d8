using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Records;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Search;
using SaasCrm.Workflows;

namespace SaasCrm.Customers.WorkflowRecords;

/// <summary>
/// Customers as workflow records: a whitelisted field catalogue, changes through the module's own rules (an owner
/// change goes through <see cref="CustomerService.Reassign"/> so the ownership history and search stay right).
/// </summary>
internal sealed class CustomerWorkflowRecordType(
    PlatformDbContext db,
    CustomerAccess access,
    CustomerService customers,
    CustomFieldService customFields,
    ISearchIndexQueue search) : IWorkflowRecordType
{
    public string Name => CustomersModule.CustomerRecordType;
    public LocalizedText DisplayName { get; } = new("Customer", "客户");
    public string? CustomFieldEntityType => CustomersModule.CustomerRecordType;

    public IReadOnlyList<WorkflowFieldDefinition> Fields => CustomerWorkflowFields.All;

    public IReadOnlyList<WorkflowEventDefinition> Events { get; } =
        [new(WorkflowEventNames.CustomerReplied, new LocalizedText("Customer replied", "客户已回复"))];

    public async Task<WorkflowRecordSnapshot?> LoadAsync(Guid recordId, CancellationToken cancellationToken)
    {
        var c = await db.Set<Customer>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == recordId, cancellationToken);
        if (c is null) return null;
        var values = CustomerWorkflowFields.ValuesOf(c);
        var custom = await customFields.LoadAsync(CustomersModule.CustomerRecordType, [c.Id], cancellationToken);
        foreach (var (name, value) in custom.GetValueOrDefault(c.Id) ?? []) values["cf." + name] = value;
        return new WorkflowRecordSnapshot(c.Id, c.Name, values, c.OwnerId, null, c.Id,
            new WorkflowContactPoint(c.Name, c.Emails.FirstOrDefault(), c.Phones.FirstOrDefault()));
    }

    public async Task<bool> IsVisibleAsync(Guid recordId, CancellationToken cancellationToken) =>
        await (await access.VisibleAsync(db.Set<Customer>().AsNoTracking(), cancellationToken)).AnyAsync(c => c.Id == recordId, cancellationToken);

    public async Task ApplyAsync(Guid recordId, WorkflowRecordChange change, CancellationToken cancellationToken)
    {
        var customer = await db.Set<Customer>().FirstOrDefaultAsync(c => c.Id == recordId, cancellationToken) ?? throw new EntityNotFoundException("Customer", recordId);
        switch (change)
        {
            case SetRecordField f:
                CustomerWorkflowFields.Set(customer, f.Field, f.Value);
                break;
            case AssignRecord { UserId: { } userId } a:
                if (customer.OwnerId != userId) customers.Reassign(customer, userId, OwnershipAction.Assigned, a.Reason);
                break;
            case AssignRecord:
                throw new BusinessException("customer.workflow_queue_unsupported", "Customers are assigned to a user; queues are not supported.");
            case SetRecordStatus:
                throw new BusinessException("customer.workflow_status_unsupported", "Customers have no status a workflow can set.");
        }
        search.Enqueue(SearchDocumentTypes.Customer, [customer.Id]);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken cancellationToken) =>
        await db.Set<Customer>().AsNoTracking().Where(x => recordIds.Contains(x.Id))
            .Select(x => new { x.Id, Title = x.Name }).ToDictionaryAsync(x => x.Id, x => x.Title, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, int>> CountOpenAssignedAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.ToList();
        var rows = await db.Set<Customer>().Where(c => c.OwnerId != null && ids.Contains(c.OwnerId.Value) && c.Status == CustomerStatus.Active)
            .GroupBy(c => c.OwnerId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, r => r.Count);
    }
}
