using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Customers.Reminders.Firing;
using SaasCrm.Customers.Reminders.Manage;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.Notifications;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.Reminders;

/// <summary>Appointment reminders (C4): managed under /api/reminders, fired by a durable job at their due time.</summary>
internal sealed class RemindersFeature : CustomersFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IReminderScheduler, ReminderScheduler>();
        services.AddScoped<ReminderLookup>();
        services.AddScoped<NextFollowUpDate>();
        services.AddBackgroundJob<FireReminderArgs, FireReminderJob>();
        // The reminder itself names its channels (the user picked them on the form), so SMS is not narrowed away by default.
        services.AddNotificationKind(FireReminderJob.NotificationKind, new LocalizedText("Reminders", "预约提醒"),
            NotificationChannels.InApp | NotificationChannels.Email | NotificationChannels.Sms);
    }

    public override void MapEndpoints(RouteGroupBuilder api) => ReminderEndpoints.Map(api);
}
