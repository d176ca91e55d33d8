using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;

namespace SaasCrm.Workflows;

/// <summary>The workflow engine (W1–W5): definitions and versions, durable instances, activities, calendars, assignment.</summary>
public sealed class WorkflowsModule : CrmModule
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
