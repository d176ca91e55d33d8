using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Notifications.Delivery;
using SaasCrm.Platform.Notifications.Preferences;

namespace SaasCrm.Platform.Notifications;

/// <summary>
/// Writes the notification and one delivery job per channel into the caller's unit of work, so nothing is
/// delivered unless the cause commits, and everything that committed is delivered (durable, retried jobs).
/// </summary>
internal sealed class NotificationSender(PlatformDbContext db, NotificationPreferenceReader preferences, IBackgroundJobManager jobs, TimeProvider clock)
    : INotificationSender
{
    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken = default)
    {
        if (db.ChangeTracker.Entries<Notification>().Any(e => e.Entity.IdempotencyKey == message.IdempotencyKey)) return;
        if (await db.Set<Notification>().AnyAsync(n => n.IdempotencyKey == message.IdempotencyKey, cancellationToken)) return;

        var allowed = await preferences.ChannelsForAsync(message.UserId, message.Kind, cancellationToken);
        var notification = new Notification
        {
            UserId = message.UserId,
            Kind = message.Kind,
            Title = Truncate(message.Title, 300)!,
            Body = Truncate(message.Body, 2000),
            Link = message.Link,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            IdempotencyKey = message.IdempotencyKey,
            Channels = message.Channels & allowed,
        };
        db.Add(notification);
        foreach (var channel in NotificationChannelSet.Split(notification.Channels))
        {
            // The notification id is globally unique, so the key is too (the jobs table is shared by all tenants).
            await jobs.EnqueueAsync(new NotificationDeliveryArgs(notification.Id, channel),
                idempotencyKey: $"notification:{notification.Id:N}:{channel}", cancellationToken: cancellationToken);
        }
    }

    private static string? Truncate(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}
