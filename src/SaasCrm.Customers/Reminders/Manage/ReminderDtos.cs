using SaasCrm.Customers.Domain;

namespace SaasCrm.Customers.Reminders.Manage;

public sealed record ReminderDto(Guid Id, Guid OwnerId, Guid? CustomerId, Guid? FollowUpId, string Subject, string? Note, DateTime DueAt,
    IReadOnlyList<ReminderChannels> Channels, ReminderStatus Status, DateTime? FiredAt, DateTime CreatedAt, string ConcurrencyStamp)
{
    public static ReminderDto From(Reminder r) => new(r.Id, r.OwnerId, r.CustomerId, r.FollowUpId, r.Subject, r.Note, r.DueAt,
        ReminderChannelList.Split(r.Channels), r.Status, r.FiredAt, r.CreatedAt, r.ConcurrencyStamp);
}

/// <param name="OwnerId">Whom to remind: the caller by default, or a user within the caller's data scope.</param>
/// <param name="CustomerId">A customer the caller can see; the reminder then links to it.</param>
public sealed record CreateReminderRequest(string? Subject, string? Note, DateTimeOffset? DueAt, IReadOnlyList<ReminderChannels>? Channels,
    Guid? CustomerId, Guid? OwnerId);

/// <summary>Changing the due time re-arms a fired reminder.</summary>
public sealed record UpdateReminderRequest(string? Subject, string? Note, DateTimeOffset? DueAt, IReadOnlyList<ReminderChannels>? Channels,
    string? ConcurrencyStamp);

/// <summary>Snooze until a time, or for a number of minutes from now (one of the two).</summary>
public sealed record SnoozeReminderRequest(DateTimeOffset? Until, int? Minutes);

internal static class ReminderChannelList
{
    private static readonly ReminderChannels[] All = [ReminderChannels.InApp, ReminderChannels.Email, ReminderChannels.Sms];

    public static bool IsSingle(ReminderChannels channel) => All.Contains(channel);

    public static IReadOnlyList<ReminderChannels> Split(ReminderChannels channels) => All.Where(c => channels.HasFlag(c)).ToList();

    public static ReminderChannels Combine(IEnumerable<ReminderChannels>? channels) =>
        (channels ?? []).Aggregate(ReminderChannels.None, (all, c) => all | c);
}

internal static class ReminderTime
{
    /// <summary>Due times are kept to the second (the same on SQLite and MariaDB, and in the job's key).</summary>
    public static DateTime Normalize(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}
