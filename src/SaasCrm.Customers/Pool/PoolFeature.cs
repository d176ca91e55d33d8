using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SaasCrm.Customers.Pool;

internal sealed class PoolFeature : CustomersFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<IPoolAccess, PoolAccess>();
}
