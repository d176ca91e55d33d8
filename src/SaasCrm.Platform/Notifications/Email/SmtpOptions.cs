using MailKit.Security;

namespace SaasCrm.Platform.Notifications.Email;

/// <summary>The "Smtp" settings section. Disabled by default: a fresh install sends no mail until configured.</summary>
public sealed class SmtpOptions
{
    public bool Enabled { get; set; }
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    /// <summary>From address, e.g. "SaasCrm &lt;no-reply@example.com&gt;".</summary>
    public string Sender { get; set; } = "SaasCrm <no-reply@localhost>";
    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Public address of the UI, so links in mails are absolute (e.g. https://crm.example.com).</summary>
    public string? AppBaseUrl { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
