namespace SaasCrm.Platform.Notifications.Email;

/// <param name="MessageId">Stable per notification, so a mail sent twice by a retried job can be recognised as one.</param>
public sealed record EmailMessage(string To, string? ToName, string Subject, string TextBody, string MessageId);

public interface IEmailSender
{
    /// <summary>Whether mail is configured; when not, the email channel is skipped.</summary>
    bool IsEnabled { get; }
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
