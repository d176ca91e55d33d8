using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Reminders.Firing;
using SaasCrm.Platform.BackgroundJobs;

namespace SaasCrm.Customers.Reminders;

/// <summary>
/// One job per due time: the key carries the due time, so a reschedule or snooze queues a new job, and a job
/// whose due time is no longer the reminder's finds nothing to do when it runs.
/// </summary>
internal sealed class ReminderScheduler(IBackgroundJobManager jobs) : IReminderScheduler
{
    public async Task ScheduleAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        if (reminder.Status != ReminderStatus.Pending) return;
        await jobs.EnqueueAsync(new FireReminderArgs(reminder.Id, reminder.DueAt), runAt: reminder.DueAt,
            idempotencyKey: $"reminder-fire:{reminder.Id:N}:{reminder.DueAt.Ticks}", cancellationToken: cancellationToken);
    }
}
