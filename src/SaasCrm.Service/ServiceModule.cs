using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;

namespace SaasCrm.Service;

/// <summary>Service desk: tickets, complaints, return visits and satisfaction (V1–V3, V6).</summary>
public sealed class ServiceModule : CrmModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public override void ConfigureModel(ModelBuilder builder)
    {
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
