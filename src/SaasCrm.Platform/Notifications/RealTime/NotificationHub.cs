using Microsoft.AspNetCore.SignalR;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Notifications.RealTime;

/// <summary>
/// Real-time popups (P11). Clients connect to /hubs/notifications (JWT in the access_token query string for
/// WebSockets and SSE) and receive <see cref="PopupMethod"/> with a <c>NotificationDto</c>. Each connection joins
/// the group of its tenant and user; the server only pushes, clients call nothing.
/// </summary>
public sealed class NotificationHub : Hub
{
    public const string Path = "/hubs/notifications";
    /// <summary>The client method a popup arrives on.</summary>
    public const string PopupMethod = "notification";

    public static string GroupOf(Guid? tenantId, Guid userId) => $"n:{tenantId?.ToString("N") ?? "host"}:{userId:N}";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User;
        if (!Guid.TryParse(user?.FindFirst(PlatformClaims.UserId)?.Value, out var userId))
        {
            Context.Abort();
            return;
        }
        Guid? tenantId = Guid.TryParse(user!.FindFirst(PlatformClaims.TenantId)?.Value, out var t) ? t : null;
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(tenantId, userId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }
}
