using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Notifications.Preferences;

/// <summary>A kind of notification users can set channels for, with the channels it uses until they do.</summary>
public sealed record NotificationKind(string Name, LocalizedText DisplayName, NotificationChannels DefaultChannels);

/// <summary>The kinds modules send (registered with <c>AddNotificationKind</c>); preferences are kept per kind.</summary>
public sealed class NotificationKinds
{
    /// <summary>Unless a kind says otherwise, a notification shows in the bell and goes by email.</summary>
    public const NotificationChannels DefaultChannels = NotificationChannels.InApp | NotificationChannels.Email;

    private readonly Dictionary<string, NotificationKind> _kinds = new(StringComparer.Ordinal);

    public IReadOnlyCollection<NotificationKind> All => _kinds.Values;

    public void Add(NotificationKind kind) => _kinds[kind.Name] = kind;

    public NotificationKind? Find(string name) => _kinds.GetValueOrDefault(name);

    public NotificationChannels DefaultsFor(string name) => Find(name)?.DefaultChannels ?? DefaultChannels;
}
