using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.Profile;

internal sealed class Customer360Feature : CustomersFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<Customer360>();

    public override void MapEndpoints(RouteGroupBuilder api) =>
        api.MapGet("/customers/{id:guid}/360", (Guid id, Customer360 profile, CancellationToken ct) => profile.LoadAsync(id, ct))
            .RequirePermission(CustomerPermissions.Default);
}
