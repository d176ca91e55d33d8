using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SaasCrm.Platform.Notifications.Email;

/// <summary>Sends through an SMTP server with MailKit; one connection per mail (notification volume is low).</summary>
internal sealed class SmtpEmailSender(IOptionsMonitor<SmtpOptions> options) : IEmailSender
{
    public bool IsEnabled => options.CurrentValue.Enabled;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var mime = new MimeMessage { Subject = message.Subject, MessageId = message.MessageId };
        mime.From.Add(MailboxAddress.Parse(settings.Sender));
        mime.To.Add(new MailboxAddress(message.ToName ?? message.To, message.To));
        mime.Body = new TextPart("plain") { Text = message.TextBody };

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
