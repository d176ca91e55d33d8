using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;

namespace SaasCrm.Customers.Reminders.Manage;

/// <summary>Edit, snooze, done and cancel. A new due time re-arms the reminder and queues a job for it; the old job finds the time changed.</summary>
internal static class EditReminder
{
    public static async Task<ReminderDto> UpdateAsync(Guid id, UpdateReminderRequest request, ReminderLookup reminders, PlatformDbContext db,
        IReminderScheduler scheduler, NextFollowUpDate next, TimeProvider clock, CancellationToken ct)
    {
        var reminder = await reminders.GetOpenAsync(id, ct);
        db.Entry(reminder).Property(r => r.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp!;
        reminder.Subject = request.Subject!.Trim();
        reminder.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (request.Channels is not null) reminder.Channels = ReminderChannelList.Combine(request.Channels);
        var dueAt = ReminderTime.Normalize(request.DueAt!.Value);
        if (dueAt != reminder.DueAt)
        {
            if (dueAt <= clock.GetUtcNow().UtcDateTime)
                throw RequestValidationException.For("dueAt", "reminder.due_in_past", "The time must be in the future.");
            await RearmAsync(reminder, dueAt, scheduler, ct);
        }
        await db.SaveChangesAsync(ct);
        await next.RefreshAsync(reminder.CustomerId, ct);
        return ReminderDto.From(reminder);
    }

    public static async Task<ReminderDto> SnoozeAsync(Guid id, SnoozeReminderRequest request, ReminderLookup reminders, PlatformDbContext db,
        IReminderScheduler scheduler, NextFollowUpDate next, TimeProvider clock, CancellationToken ct)
    {
        var reminder = await reminders.GetOpenAsync(id, ct);
        var until = request.Until ?? clock.GetUtcNow().AddMinutes(request.Minutes!.Value);
        await RearmAsync(reminder, ReminderTime.Normalize(until), scheduler, ct);
        await db.SaveChangesAsync(ct);
        await next.RefreshAsync(reminder.CustomerId, ct);
        return ReminderDto.From(reminder);
    }

    public static async Task<ReminderDto> CloseAsync(Guid id, ReminderStatus status, ReminderLookup reminders, PlatformDbContext db, NextFollowUpDate next, CancellationToken ct)
    {
        var reminder = await reminders.GetAsync(id, ct);
        if (reminder.Status == status) return ReminderDto.From(reminder); // asked twice: already so
        reminder = await reminders.GetOpenAsync(id, ct);
        reminder.Status = status; // a pending job finds it closed and does nothing
        await db.SaveChangesAsync(ct);
        await next.RefreshAsync(reminder.CustomerId, ct);
        return ReminderDto.From(reminder);
    }

    private static Task RearmAsync(Reminder reminder, DateTime dueAt, IReminderScheduler scheduler, CancellationToken ct)
    {
        reminder.DueAt = dueAt;
        reminder.Status = ReminderStatus.Pending;
        reminder.FiredAt = null;
        return scheduler.ScheduleAsync(reminder, ct);
    }
}
