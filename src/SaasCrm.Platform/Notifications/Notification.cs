using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Notifications;

/// <summary>An in-app notification in a user's bell list (P11).</summary>
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
}
