using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SaasCrm.Customers;

/// <summary>
/// One use-case folder of the module (pool, handover, merge, import ...): it registers its services, its
/// tables and its endpoints, so folders stay independent of each other and of the module class.
/// </summary>
internal abstract class CustomersFeature
{
    public virtual void AddServices(IServiceCollection services, IConfiguration configuration) { }
    public virtual void ConfigureModel(ModelBuilder builder) { }
    public virtual void MapEndpoints(RouteGroupBuilder api) { }
}
