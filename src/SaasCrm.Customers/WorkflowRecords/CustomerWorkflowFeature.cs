using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Workflows;

namespace SaasCrm.Customers.WorkflowRecords;

/// <summary>Makes customers available to workflow triggers, conditions and activities.</summary>
internal sealed class CustomerWorkflowFeature : CustomersFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddWorkflowRecordType<CustomerWorkflowRecordType>();
}
