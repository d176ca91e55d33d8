using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Notifications;

/// <summary>
/// One notification to one user (P11): the bell row when <see cref="Channels"/> includes in-app, and the
/// record its email, SMS and popup deliveries work from (each a job that stamps when it delivered).
/// </summary>
public sealed class Notification : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid UserId { get; set; }
    /// <summary>What kind of thing it is about ("reminder", "pool.release-warning"), for icons and preferences.</summary>
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    /// <summary>Where the UI goes when it is clicked (an app route such as /customers/{id}).</summary>
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>Makes sending idempotent: a redelivered job finds its notification and sends nothing twice.</summary>
    public string? IdempotencyKey { get; set; }
    /// <summary>The channels it goes out on: what the sender asked for, narrowed by the user's preferences.</summary>
    public NotificationChannels Channels { get; set; } = NotificationChannels.InApp;
    /// <summary>When each channel was delivered; a retried delivery job that finds its stamp sends nothing again.</summary>
    public DateTime? PushedAt { get; set; }
    public DateTime? EmailSentAt { get; set; }
    public DateTime? SmsSentAt { get; set; }
}
