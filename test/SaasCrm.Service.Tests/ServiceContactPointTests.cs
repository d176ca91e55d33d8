using SaasCrm.Customers;
using SaasCrm.Service.Workflow;

namespace SaasCrm.Service.Tests;

public class ServiceContactPointTests
{
    private static readonly Guid CustomerId = Guid.NewGuid();

    private sealed class FakeDirectory(CustomerSummary? summary) : ICustomerDirectory
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyDictionary<Guid, CustomerSummary>> FindAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
        {
            Calls++;
            IReadOnlyDictionary<Guid, CustomerSummary> found = summary is null ? new Dictionary<Guid, CustomerSummary>() : new Dictionary<Guid, CustomerSummary> { [summary.Id] = summary };
            return Task.FromResult(found);
        }
    }

    private static readonly CustomerSummary Customer = new(CustomerId, "东方电气", null, null, "service@df.cn", "13800000000");

    [Fact]
    public async Task Recorded_contact_details_win_and_are_not_mixed_with_the_directory()
    {
        var directory = new FakeDirectory(Customer);
        var point = await ServiceContactPoint.ResolveAsync(directory, CustomerId, "陈明", null, "13916001001", default);
        Assert.Equal(("陈明", null, "13916001001"), (point!.Name, point.Email, point.Mobile));
        Assert.Equal(0, directory.Calls);
    }

    [Fact]
    public async Task Without_contact_details_the_directory_email_and_mobile_are_used()
    {
        var point = await ServiceContactPoint.ResolveAsync(new FakeDirectory(Customer), CustomerId, null, " ", null, default);
        Assert.Equal(("东方电气", "service@df.cn", "13800000000"), (point!.Name, point.Email, point.Mobile));

        var named = await ServiceContactPoint.ResolveAsync(new FakeDirectory(Customer), CustomerId, "陈明", null, null, default);
        Assert.Equal(("陈明", "service@df.cn", "13800000000"), (named!.Name, named.Email, named.Mobile));
    }

    [Fact]
    public async Task A_customer_the_caller_cannot_see_gives_the_recorded_name_or_nothing()
    {
        Assert.Null(await ServiceContactPoint.ResolveAsync(new FakeDirectory(null), CustomerId, null, null, null, default));
        var named = await ServiceContactPoint.ResolveAsync(new FakeDirectory(null), CustomerId, "陈明", null, null, default);
        Assert.Equal(("陈明", null, null), (named!.Name, named.Email, named.Mobile));
    }
}
