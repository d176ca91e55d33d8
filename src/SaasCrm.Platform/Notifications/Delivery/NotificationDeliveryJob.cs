using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Notifications.Bell;
using SaasCrm.Platform.Notifications.Email;
using SaasCrm.Platform.Notifications.RealTime;
using SaasCrm.Platform.Notifications.Sms;

namespace SaasCrm.Platform.Notifications.Delivery;

[JobName("platform.notification-delivery")]
public sealed record NotificationDeliveryArgs(Guid NotificationId, NotificationChannels Channel);

/// <summary>
/// Delivers one notification on one channel, after the commit that recorded it. Each channel stamps when it
/// delivered, so a retried job sends nothing twice (a node dying between send and stamp can still repeat a
/// mail; its Message-Id is stable so mail clients fold the copies).
/// </summary>
internal sealed partial class NotificationDeliveryJob(
    PlatformDbContext db,
    IHubContext<NotificationHub> hub,
    IEmailSender email,
    ISmsSender sms,
    IOptionsMonitor<SmtpOptions> smtp,
    TimeProvider clock,
    ILogger<NotificationDeliveryJob> logger) : IBackgroundJob<NotificationDeliveryArgs>
{
    public async Task ExecuteAsync(NotificationDeliveryArgs args, JobContext context, CancellationToken cancellationToken)
    {
        var notification = await db.Set<Notification>().FirstOrDefaultAsync(n => n.Id == args.NotificationId, cancellationToken);
        if (notification is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        switch (args.Channel)
        {
            case NotificationChannels.InApp when notification.PushedAt is null:
                await hub.Clients.Group(NotificationHub.GroupOf(notification.TenantId, notification.UserId)).SendAsync(NotificationHub.PopupMethod,
                    new NotificationDto(notification.Id, notification.Kind, notification.Title, notification.Body, notification.Link, notification.CreatedAt, notification.ReadAt),
                    cancellationToken);
                notification.PushedAt = now;
                break;
            case NotificationChannels.Email when notification.EmailSentAt is null:
                if (!await SendEmailAsync(notification, cancellationToken)) return;
                notification.EmailSentAt = now;
                break;
            case NotificationChannels.Sms when notification.SmsSentAt is null:
                if (!await SendSmsAsync(notification, cancellationToken)) return;
                notification.SmsSentAt = now;
                break;
            default:
                return; // delivered before
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> SendEmailAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (!email.IsEnabled)
        {
            LogSkipped(logger, "email", notification.Id, "SMTP is not enabled");
            return false;
        }
        var user = await Recipient(notification.UserId).Select(u => new { u.Email, u.Name }).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(user?.Email))
        {
            LogSkipped(logger, "email", notification.Id, "the user has no email address");
            return false;
        }
        var text = string.Join("\n\n", new[] { notification.Body, AbsoluteLink(notification.Link) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        await email.SendAsync(new EmailMessage(user.Email, user.Name, notification.Title, text.Length == 0 ? notification.Title : text,
            $"{notification.Id:N}@saascrm.notifications"), cancellationToken);
        return true;
    }

    private async Task<bool> SendSmsAsync(Notification notification, CancellationToken cancellationToken)
    {
        var phone = await Recipient(notification.UserId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(phone))
        {
            LogSkipped(logger, "SMS", notification.Id, "the user has no phone number");
            return false;
        }
        var text = string.IsNullOrWhiteSpace(notification.Body) ? notification.Title : $"{notification.Title}: {notification.Body}";
        await sms.SendAsync(new SmsRequest(notification.UserId, phone, text, $"notification:{notification.Id:N}"), cancellationToken);
        return true;
    }

    /// <summary>Active users of the current tenant only (the job runs in the notification's tenant).</summary>
    private IQueryable<Identity.AppUser> Recipient(Guid userId) => db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive);

    private string? AbsoluteLink(string? link) =>
        link is null || string.IsNullOrEmpty(smtp.CurrentValue.AppBaseUrl) ? link : smtp.CurrentValue.AppBaseUrl.TrimEnd('/') + link;

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId}: {Channel} skipped because {Reason}")]
    private static partial void LogSkipped(ILogger logger, string channel, Guid notificationId, string reason);
}
