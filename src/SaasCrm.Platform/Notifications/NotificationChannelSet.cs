namespace SaasCrm.Platform.Notifications;

/// <summary>Channels travel through the API as a list of names (["InApp", "Email"]), stored as flags.</summary>
public static class NotificationChannelSet
{
    public static readonly NotificationChannels[] All = [NotificationChannels.InApp, NotificationChannels.Email, NotificationChannels.Sms];

    public static IReadOnlyList<NotificationChannels> Split(NotificationChannels channels) => All.Where(c => channels.HasFlag(c)).ToList();

    public static NotificationChannels Combine(IEnumerable<NotificationChannels>? channels) =>
        (channels ?? []).Aggregate(NotificationChannels.None, (all, c) => all | c);
}
