using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Notifications.Bell;
using SaasCrm.Platform.Notifications.Preferences;
using SaasCrm.Platform.Notifications.RealTime;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Notifications;

public static class NotificationEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequirePermission(NotificationPermissions.Default);
        BellEndpoints.Map(group);
        PreferenceEndpoints.Map(group);
        app.MapHub<NotificationHub>(NotificationHub.Path).RequirePermission(NotificationPermissions.Default);
    }
}
