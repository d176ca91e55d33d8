namespace SaasCrm.Platform.Notifications;

[Flags]
public enum NotificationChannels { None = 0, InApp = 1, Email = 2, Sms = 4 }

/// <summary>What to tell a user, on which channels; the user's preferences may narrow the channels.</summary>
/// <param name="IdempotencyKey">The same key never notifies twice (jobs are delivered at least once).</param>
public sealed record NotificationMessage(
    Guid UserId,
    string Kind,
    string Title,
    string? Body,
    string? Link,
    NotificationChannels Channels,
    string IdempotencyKey);

/// <summary>The one way modules notify users (P11): in-app (bell and real-time popup), email, SMS.</summary>
public interface INotificationSender
{
    /// <summary>Records the notification in the current unit of work; delivery happens after commit.</summary>
    Task SendAsync(NotificationMessage message, CancellationToken cancellationToken = default);
}
