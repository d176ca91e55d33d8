using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Notifications.Email;
using SaasCrm.Platform.Notifications.Sms;

namespace SaasCrm.Platform.Notifications.Contacts;

[JobName("platform.contact-delivery")]
public sealed record ContactDeliveryArgs(NotificationChannels Channel, string Address, string? Name, string Subject, string? Body, string IdempotencyKey);

/// <summary>
/// Sends one contact message on one channel after the commit that queued it. SMS is recorded once per key by the
/// provider; a mail resent by a retried job keeps its Message-Id, so mail clients fold the copies.
/// </summary>
internal sealed partial class ContactDeliveryJob(PlatformDbContext db, IEmailSender email, ISmsSender sms, ILogger<ContactDeliveryJob> logger)
    : IBackgroundJob<ContactDeliveryArgs>
{
    public async Task ExecuteAsync(ContactDeliveryArgs args, JobContext context, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(args.Body) ? args.Subject : args.Body;
        switch (args.Channel)
        {
            case NotificationChannels.Email when email.IsEnabled:
                await email.SendAsync(new EmailMessage(args.Address, args.Name, args.Subject, text, $"{StableId(args.IdempotencyKey)}@saascrm.contacts"), cancellationToken);
                break;
            case NotificationChannels.Email:
                LogSkipped(logger, args.IdempotencyKey);
                break;
            case NotificationChannels.Sms:
                await sms.SendAsync(new SmsRequest(null, args.Address, string.IsNullOrWhiteSpace(args.Body) ? args.Subject : $"{args.Subject}: {args.Body}",
                    $"contact:{args.IdempotencyKey}"), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                break;
        }
    }

    private static string StableId(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..32];

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact message {Key}: email skipped because SMTP is not enabled")]
    private static partial void LogSkipped(ILogger logger, string key);
}
