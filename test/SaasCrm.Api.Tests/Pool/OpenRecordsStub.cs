using System.Collections.Concurrent;
using SaasCrm.Customers;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Api.Tests.Pool;

/// <summary>Stands in for the sales module: the customers listed here have an open opportunity.</summary>
internal sealed class OpenRecordsStub : ICustomerRelatedRecords
{
    public static readonly ConcurrentDictionary<Guid, byte> OpenCustomers = new();

    public string Kind => "test-opportunity";
    public LocalizedText DisplayName => new("Opportunity", "商机");

    public Task<IReadOnlyDictionary<Guid, int>> CountAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, int>>(customerIds.Where(OpenCustomers.ContainsKey).ToDictionary(id => id, _ => 1));

    public Task<IReadOnlySet<Guid>> WithOpenRecordsAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<Guid>>(customerIds.Where(OpenCustomers.ContainsKey).ToHashSet());

    public Task<IReadOnlyList<CustomerRelatedRecord>> LatestAsync(Guid customerId, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CustomerRelatedRecord>>([]);
}
