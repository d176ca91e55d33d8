using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Notifications;

namespace SaasCrm.Customers.Reminders.Firing;

/// <param name="DueAt">The due time the job was queued for; a reminder rescheduled since is left to its newer job.</param>
[JobName("customers.reminder-fire")]
public sealed record FireReminderArgs(Guid ReminderId, DateTime DueAt);

/// <summary>
/// Fires a reminder: the notification (and its delivery jobs) and the Fired status commit together, so a
/// redelivered job finds the reminder fired and does nothing; one that ran late (the app was down) fires once.
/// </summary>
internal sealed class FireReminderJob(PlatformDbContext db, INotificationSender notifications, TimeProvider clock) : IBackgroundJob<FireReminderArgs>
{
    public const string NotificationKind = "reminder";

    public async Task ExecuteAsync(FireReminderArgs args, JobContext context, CancellationToken cancellationToken)
    {
        var reminder = await db.Set<Reminder>().FirstOrDefaultAsync(r => r.Id == args.ReminderId, cancellationToken);
        if (reminder is null || reminder.Status != ReminderStatus.Pending || !SameTime(reminder.DueAt, args.DueAt)) return;

        var customerName = reminder.CustomerId is { } customerId
            ? await db.Set<Customer>().Where(c => c.Id == customerId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var body = string.Join(" · ", new[] { customerName, reminder.Note }.Where(s => !string.IsNullOrWhiteSpace(s)));
        await notifications.SendAsync(new NotificationMessage(
            reminder.OwnerId,
            NotificationKind,
            reminder.Subject,
            body.Length == 0 ? null : body,
            reminder.CustomerId is { } id ? $"/customers/{id}" : null,
            (NotificationChannels)(int)reminder.Channels,
            $"reminder:{reminder.Id:N}:{args.DueAt.Ticks}"), cancellationToken);
        reminder.Status = ReminderStatus.Fired;
        reminder.FiredAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>MariaDB keeps microseconds, the job's arguments keep ticks: equal within a millisecond.</summary>
    private static bool SameTime(DateTime stored, DateTime queued) => Math.Abs((stored - queued).Ticks) < TimeSpan.TicksPerMillisecond;
}
