using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;

namespace SaasCrm.Customers.Reminders.Manage;

internal static class CreateReminder
{
    public static async Task<IResult> HandleAsync(CreateReminderRequest request, PlatformDbContext db, ICurrentUser me, IDataScopeFilter scope,
        CustomerAccess customers, IReminderScheduler scheduler, NextFollowUpDate next, CancellationToken ct)
    {
        var ownerId = request.OwnerId ?? me.Id!.Value;
        if (ownerId != me.Id && !(await scope.CanSeeOwnerAsync(ownerId, ct) && await db.Users.AnyAsync(u => u.Id == ownerId && u.IsActive, ct)))
            throw RequestValidationException.For("ownerId", "reminder.owner_not_visible", "You can only remind yourself or users you manage.");
        if (request.CustomerId is { } customerId) await customers.GetVisibleAsync(customerId, ct); // 404 unless the caller may see it

        var reminder = new Reminder
        {
            OwnerId = ownerId,
            CustomerId = request.CustomerId,
            Subject = request.Subject!.Trim(),
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            DueAt = ReminderTime.Normalize(request.DueAt!.Value),
            Channels = request.Channels is null ? ReminderChannels.InApp : ReminderChannelList.Combine(request.Channels),
            Status = ReminderStatus.Pending,
        };
        db.Add(reminder);
        await scheduler.ScheduleAsync(reminder, ct);
        await db.SaveChangesAsync(ct);
        await next.RefreshAsync(reminder.CustomerId, ct);
        return Results.Created($"/api/reminders/{reminder.Id}", ReminderDto.From(reminder));
    }
}
