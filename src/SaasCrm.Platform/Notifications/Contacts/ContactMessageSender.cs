using SaasCrm.Platform.BackgroundJobs;

namespace SaasCrm.Platform.Notifications.Contacts;

/// <summary>
/// A message to someone who is not a user (a customer's email address or mobile). No bell row and no preferences:
/// only <see cref="NotificationChannels.Email"/> and <see cref="NotificationChannels.Sms"/> apply.
/// </summary>
/// <param name="IdempotencyKey">Stable for the side effect (e.g. workflow instance + step + execution): sending it again is a no-op.</param>
public sealed record ContactMessage(string? Name, string? Email, string? Mobile, string Subject, string? Body, NotificationChannels Channels, string IdempotencyKey);

public interface IContactMessageSender
{
    /// <summary>Queues one delivery job per channel that has an address, in the caller's unit of work (sent after commit).</summary>
    Task SendAsync(ContactMessage message, CancellationToken cancellationToken = default);
}

internal sealed class ContactMessageSender(IBackgroundJobManager jobs) : IContactMessageSender
{
    public async Task SendAsync(ContactMessage message, CancellationToken cancellationToken = default)
    {
        if (message.Channels.HasFlag(NotificationChannels.Email) && !string.IsNullOrWhiteSpace(message.Email))
            await EnqueueAsync(message, NotificationChannels.Email, message.Email.Trim(), cancellationToken);
        if (message.Channels.HasFlag(NotificationChannels.Sms) && !string.IsNullOrWhiteSpace(message.Mobile))
            await EnqueueAsync(message, NotificationChannels.Sms, message.Mobile.Trim(), cancellationToken);
    }

    private Task EnqueueAsync(ContactMessage message, NotificationChannels channel, string address, CancellationToken ct) =>
        jobs.EnqueueAsync(new ContactDeliveryArgs(channel, address, message.Name, message.Subject, message.Body, message.IdempotencyKey),
            idempotencyKey: $"contact:{message.IdempotencyKey}:{channel}", cancellationToken: ct);
}
