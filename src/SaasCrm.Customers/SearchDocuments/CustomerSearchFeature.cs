using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Search;

namespace SaasCrm.Customers.SearchDocuments;

/// <summary>Makes customers and contacts searchable (Q1): their documents for the index and who may find them.</summary>
internal sealed class CustomerSearchFeature : CustomersFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ISearchDocumentSource, CustomerDocumentSource>();
        services.AddScoped<ISearchDocumentSource, ContactDocumentSource>();
        services.AddScoped<CustomerSearchScope>();
        services.AddScoped<ISearchScopeProvider, CustomerScopeProvider>();
        services.AddScoped<ISearchScopeProvider, ContactScopeProvider>();
    }
}
