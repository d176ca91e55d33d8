using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.Notifications;
using SaasCrm.Platform.Permissions;
using SaasCrm.Workflows.Activities;
using SaasCrm.Workflows.Agents;
using SaasCrm.Workflows.Assignment;
using SaasCrm.Workflows.Calendars;
using SaasCrm.Workflows.Conditions;
using SaasCrm.Workflows.Definitions;
using SaasCrm.Workflows.Instances;
using SaasCrm.Workflows.Runtime;
using SaasCrm.Workflows.Signals;
using SaasCrm.Workflows.Tasks;
using SaasCrm.Workflows.Templates;
using SaasCrm.Workflows.Versions;

namespace SaasCrm.Workflows;

/// <summary>The workflow engine (W1–W5): definitions and versions, durable instances, activities, calendars, assignment.</summary>
public sealed class WorkflowsModule : CrmModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissionDefinitions<WorkflowPermissionDefinitions>();
        services.AddNotificationKind(NotifyActivity.NotificationKind, new LocalizedText("Workflow notifications", "流程通知"));
        services.AddSingleton(_ => new ActivityCatalog());
        services.AddScoped<WorkflowRecordTypes>();
        services.AddScoped<IWorkflowSignals, WorkflowSignals>();
        services.AddScoped<CalendarStore>();
        services.AddScoped<IBusinessCalendar, BusinessCalendarService>();
        services.AddScoped<ITenantTimeZone, TenantTimeZone>();
        services.AddScoped<IAgentAvailability, AgentAvailability>();
        services.AddScoped<Assigner>();
        services.AddScoped<Recipients>();
        services.AddScoped<InstanceWriter>();
        services.AddScoped<WorkflowRunner>();
        services.AddScoped<ScheduleTriggers>();
        services.AddScoped<DefinitionService>();
        services.AddScoped<VersionDiffService>();
        services.AddScoped<DryRunService>();
        services.AddScoped<InstanceService>();
        services.AddScoped<JournalReader>();
        services.AddScoped<AssignmentPoolNames>();
        services.AddScoped<TemplateService>();
        services.AddTenantSeeder<WorkflowTenantSeeder>();
        services.AddWorkflowTemplates<LeadAssignmentTemplates>();
        services.AddBackgroundJob<RunInstanceArgs, RunInstanceJob>(RunInstanceJob.MaxAttempts);
        services.AddBackgroundJob<TimerDueArgs, TimerDueJob>();
        services.AddBackgroundJob<ScheduleOccurrenceArgs, ScheduleOccurrenceJob>();
        services.AddEventHandler<WorkflowSignalRaised, WorkflowSignalHandler>();
    }

    public override void ConfigureModel(ModelBuilder builder) => WorkflowsModel.Configure(builder);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var wf = endpoints.MapGroup("/api/workflows").WithTags("Workflows");
        CatalogEndpoints.Map(wf);
        DefinitionEndpoints.Map(wf);
        InstanceEndpoints.Map(wf);
        TaskEndpoints.Map(wf);
        CalendarEndpoints.Map(wf);
        AgentEndpoints.Map(wf);
    }
}
