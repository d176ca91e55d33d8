using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SaasCrm.Service;

/// <summary>
/// One use-case folder of the service desk (knowledge base, consultations, returns, portals, call center,
/// reports): it registers its services, permissions, dictionaries, tables and endpoints itself, so folders
/// stay independent of each other and of the module class.
/// </summary>
internal abstract class ServiceFeature
{
    public virtual void AddServices(IServiceCollection services, IConfiguration configuration) { }
    public virtual void ConfigureModel(ModelBuilder builder) { }
    public virtual void MapEndpoints(RouteGroupBuilder api) { }
}
