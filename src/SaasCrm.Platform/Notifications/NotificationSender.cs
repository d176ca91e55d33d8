using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;

namespace SaasCrm.Platform.Notifications;

/// <summary>In-app notifications: a row in the user's bell list.</summary>
internal sealed class NotificationSender(PlatformDbContext db, TimeProvider clock) : INotificationSender
{
    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken = default)
    {
        if (await db.Set<Notification>().AnyAsync(n => n.IdempotencyKey == message.IdempotencyKey, cancellationToken)) return;
        db.Add(new Notification
        {
            UserId = message.UserId,
            Kind = message.Kind,
            Title = message.Title,
            Body = message.Body,
            Link = message.Link,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            IdempotencyKey = message.IdempotencyKey,
        });
    }
}
