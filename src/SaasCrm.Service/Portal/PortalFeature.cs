using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;

namespace SaasCrm.Service.Portal;

/// <summary>Customer self-service portal (V8) and partner portal (V9): accounts, invitations, sign-up, partner organisations.</summary>
internal sealed class PortalFeature : ServiceFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissionDefinitions<PortalPermissionDefinitions>();
        services.AddScoped<PortalCaller>();
        services.AddScoped<Accounts.PortalAccountAdminService>();
        services.AddScoped<Accounts.PortalOnboardingService>();
        services.AddScoped<Customer.PortalTicketService>();
        services.AddScoped<Partners.PartnerAdminService>();
    }

    public override void ConfigureModel(ModelBuilder builder) => PortalModel.Configure(builder);

    public override void MapEndpoints(RouteGroupBuilder api)
    {
        Accounts.PortalAccountEndpoints.Map(api);
        Customer.PortalSelfEndpoints.Map(api);
        Partners.PartnerEndpoints.Map(api);
    }
}
