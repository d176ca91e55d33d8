using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;
using SaasCrm.Service.Reports.Complaints;
using SaasCrm.Service.Reports.Shared;
using SaasCrm.Service.Reports.Tickets;

namespace SaasCrm.Service.Reports;

/// <summary>Service reports (V11): the endpoints that list, run and export every <see cref="IServiceReport"/>, and the ticket and complaint reports.</summary>
internal sealed class ReportsFeature : ServiceFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissionDefinitions<ReportPermissionDefinitions>();
        services.AddScoped<ReportRunner>();
        services.AddScoped<ReportLabels>();
        services.AddScoped<IServiceReport, TicketReport>();
        services.AddScoped<IServiceReport, ComplaintReport>();
    }

    public override void MapEndpoints(RouteGroupBuilder api) => ReportEndpoints.Map(api);
}
