using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;

namespace SaasCrm.Customers.Reminders.Manage;

/// <summary>/api/reminders: list (mine, or my team's within my data scope), create, edit, done, snooze, cancel.</summary>
internal static class ReminderEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reminders").WithTags("Reminders").RequirePermission(CustomerPermissions.Reminders);

        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", async (Guid id, ReminderLookup reminders, CancellationToken ct) => ReminderDto.From(await reminders.GetAsync(id, ct)));
        group.MapPost("/", CreateReminder.HandleAsync).Validate<CreateReminderRequest>();
        group.MapPut("/{id:guid}", EditReminder.UpdateAsync).Validate<UpdateReminderRequest>();
        group.MapPost("/{id:guid}/snooze", EditReminder.SnoozeAsync).Validate<SnoozeReminderRequest>();
        group.MapPost("/{id:guid}/done", (Guid id, ReminderLookup reminders, PlatformDbContext db, NextFollowUpDate next, CancellationToken ct) =>
            EditReminder.CloseAsync(id, ReminderStatus.Done, reminders, db, next, ct));
        group.MapPost("/{id:guid}/cancel", (Guid id, ReminderLookup reminders, PlatformDbContext db, NextFollowUpDate next, CancellationToken ct) =>
            EditReminder.CloseAsync(id, ReminderStatus.Cancelled, reminders, db, next, ct));
    }

    /// <param name="scope">"mine" (default) or "team": the reminders of every user within the caller's data scope.</param>
    private static async Task<PagedResult<ReminderDto>> ListAsync(ReminderLookup reminders, ICurrentUser me, string? scope, ReminderStatus? status,
        DateTimeOffset? dueFrom, DateTimeOffset? dueTo, Guid? ownerId, Guid? customerId, int? page, int? pageSize, CancellationToken ct)
    {
        var query = (await reminders.VisibleAsync(ct)).AsNoTracking();
        switch (scope?.ToLowerInvariant())
        {
            case null or "" or "mine":
                var myId = me.Id ?? Guid.Empty;
                query = query.Where(r => r.OwnerId == myId);
                break;
            case "team":
                if (ownerId is { } owner) query = query.Where(r => r.OwnerId == owner);
                break;
            default:
                throw RequestValidationException.For("scope", "reminder.unknown_scope", "Scope is 'mine' or 'team'.");
        }
        if (status is { } s) query = query.Where(r => r.Status == s);
        if (dueFrom is { } from)
        {
            var fromUtc = from.UtcDateTime;
            query = query.Where(r => r.DueAt >= fromUtc);
        }
        if (dueTo is { } to)
        {
            var toUtc = to.UtcDateTime;
            query = query.Where(r => r.DueAt < toUtc);
        }
        if (customerId is { } c) query = query.Where(r => r.CustomerId == c);
        var result = await query.OrderBy(r => r.DueAt).ThenBy(r => r.Id).ToPageAsync(page, pageSize, ct);
        return new PagedResult<ReminderDto>(result.Items.Select(ReminderDto.From).ToList(), result.Total, result.TotalIsLowerBound, result.Page, result.PageSize);
    }
}
