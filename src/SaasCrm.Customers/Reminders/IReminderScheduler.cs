using SaasCrm.Customers.Domain;

namespace SaasCrm.Customers.Reminders;

/// <summary>Makes a reminder fire at its due time through a durable platform job (C4).</summary>
public interface IReminderScheduler
{
    /// <summary>Queues (in the caller's unit of work) the job that fires <paramref name="reminder"/> at its <see cref="Reminder.DueAt"/>; call again after a reschedule or snooze.</summary>
    Task ScheduleAsync(Reminder reminder, CancellationToken cancellationToken);
}
