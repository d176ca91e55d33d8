using Microsoft.AspNetCore.SignalR;

namespace SaasCrm.Platform.Notifications.RealTime;

/// <summary>
/// Pushes a typed event (other than a bell notification) to every open browser of one user over the
/// notification hub, e.g. a call center screen pop. Live only: nothing is stored, a user offline misses it.
/// </summary>
public interface IUserEvents
{
    /// <param name="method">The client method the browser listens on, e.g. "callcenter.incoming".</param>
    Task SendAsync(Guid? tenantId, Guid userId, string method, object payload, CancellationToken cancellationToken = default);
}

public sealed class UserEvents(IHubContext<NotificationHub> hub) : IUserEvents
{
    public Task SendAsync(Guid? tenantId, Guid userId, string method, object payload, CancellationToken cancellationToken = default) =>
        hub.Clients.Group(NotificationHub.GroupOf(tenantId, userId)).SendAsync(method, payload, cancellationToken);
}
