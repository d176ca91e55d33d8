using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SaasCrm.Platform.Modularity;
using SaasCrm.Service.CallCenter.ApiKeys;
using SaasCrm.Service.CallCenter.Calls;
using SaasCrm.Service.CallCenter.Extensions;
using SaasCrm.Service.CallCenter.Incoming;

namespace SaasCrm.Service.CallCenter;

/// <summary>Call center (V10): telephony API keys, agent extensions, incoming-call screen pops, call logs and click-to-call.</summary>
internal sealed class CallCenterFeature : ServiceFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissionDefinitions<CallCenterPermissionDefinitions>();
        services.AddScoped<TelephonyApiKeys>();
        services.AddScoped<AgentExtensions>();
        services.AddScoped<IncomingCalls>();
        services.AddScoped<CallLogs>();
        // A real switch's adapter registered before this one wins.
        services.TryAddScoped<ITelephonyProvider, RecordingTelephonyProvider>();
        services.AddScoped<SaasCrm.Customers.ICustomerRelatedRecords, CallRelatedRecords>();
        services.AddScoped<SaasCrm.Customers.ICustomerTimelineSource, CallTimelineSource>();
        services.AddEventHandler<SaasCrm.Customers.CustomersMerged, CallMergeHandler>();
        services.AddEventHandler<SaasCrm.Customers.CustomerMergeReverted, CallMergeRevertHandler>();
    }

    public override void ConfigureModel(ModelBuilder builder) => CallCenterModel.Configure(builder);

    public override void MapEndpoints(RouteGroupBuilder api) => CallCenterEndpoints.Map(api);
}
