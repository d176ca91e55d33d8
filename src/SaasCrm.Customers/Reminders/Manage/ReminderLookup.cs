using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.Reminders.Manage;

/// <summary>
/// Reminders the caller may see and change: their own and, through the data scope (P5), those of the users
/// they manage. Anything else, another tenant's included, answers 404.
/// </summary>
internal sealed class ReminderLookup(PlatformDbContext db, IDataScopeFilter scope)
{
    public Task<IQueryable<Reminder>> VisibleAsync(CancellationToken ct) => scope.ApplyAsync(db.Set<Reminder>().AsQueryable(), ct);

    public async Task<Reminder> GetAsync(Guid id, CancellationToken ct) =>
        await (await VisibleAsync(ct)).FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new EntityNotFoundException("Reminder", id);

    /// <summary>A reminder that can still be changed: done and cancelled ones are closed.</summary>
    public async Task<Reminder> GetOpenAsync(Guid id, CancellationToken ct)
    {
        var reminder = await GetAsync(id, ct);
        if (reminder.Status is ReminderStatus.Done or ReminderStatus.Cancelled)
            throw new BusinessException("reminder.closed", $"This reminder is {reminder.Status.ToString().ToLowerInvariant()} and can no longer be changed.", 409);
        return reminder;
    }
}
