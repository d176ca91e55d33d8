using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.Notifications.Contacts;
using SaasCrm.Platform.Notifications.Delivery;
using SaasCrm.Platform.Notifications.Email;
using SaasCrm.Platform.Notifications.Preferences;
using SaasCrm.Platform.Notifications.RealTime;
using SaasCrm.Platform.Notifications.Sms;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Notifications;

public static class NotificationServiceExtensions
{
    /// <summary>Bell rows, per-user channel preferences, delivery jobs, SignalR popups, SMTP mail and the SMS provider.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.AddPermissionDefinitions<NotificationPermissionDefinitionProvider>();
        ModuleServiceExtensions.GetOrAddRegistry<NotificationKinds>(services);
        services.AddScoped<INotificationSender, NotificationSender>();
        services.AddScoped<NotificationPreferenceReader>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddScoped<ISmsSender, RecordingSmsSender>();
        services.AddBackgroundJob<NotificationDeliveryArgs, NotificationDeliveryJob>();
        services.AddScoped<IContactMessageSender, ContactMessageSender>();
        services.AddBackgroundJob<ContactDeliveryArgs, ContactDeliveryJob>();
        // Several nodes: add the Redis backplane (Microsoft.AspNetCore.SignalR.StackExchangeRedis) so a push from
        // one node's job reaches connections on the others: .AddStackExchangeRedis(connectionString).
        services.AddSignalR();
        services.AddSingleton<IUserEvents, UserEvents>();

        // Browsers cannot set headers on WebSockets and server-sent events: the hub takes the JWT from the query string.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.Events ??= new JwtBearerEvents();
            var next = o.Events.OnMessageReceived;
            o.Events.OnMessageReceived = async context =>
            {
                await next(context);
                if (context.Token is null && context.HttpContext.Request.Path.StartsWithSegments(NotificationHub.Path)
                    && context.Request.Query["access_token"] is { Count: > 0 } token)
                {
                    context.Token = token.ToString();
                }
            };
        });
        return services;
    }

    /// <summary>Lets users choose the channels of a kind of notification a module sends.</summary>
    public static IServiceCollection AddNotificationKind(this IServiceCollection services, string name, LocalizedText displayName,
        NotificationChannels defaultChannels = NotificationKinds.DefaultChannels)
    {
        ModuleServiceExtensions.GetOrAddRegistry<NotificationKinds>(services).Add(new NotificationKind(name, displayName, defaultChannels));
        return services;
    }
}
