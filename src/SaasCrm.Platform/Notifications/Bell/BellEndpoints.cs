using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Notifications.Bell;

public sealed record NotificationDto(Guid Id, string Kind, string Title, string? Body, string? Link, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>A page of the bell list, newest first, with the caller's unread count for the badge.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, string? NextCursor, int UnreadCount);

/// <summary>The caller's bell: list (keyset, newest first), unread count, mark one or all read.</summary>
internal static class BellEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync);
        group.MapGet("/unread-count", async (PlatformDbContext db, ICurrentUser me, CancellationToken ct) =>
            new { count = await Mine(db, me).CountAsync(n => n.ReadAt == null, ct) });
        group.MapPost("/{id:guid}/read", async (Guid id, PlatformDbContext db, ICurrentUser me, TimeProvider clock, CancellationToken ct) =>
        {
            var notification = await Mine(db, me).FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new EntityNotFoundException("Notification", id);
            notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        });
        group.MapPost("/read-all", async (PlatformDbContext db, ICurrentUser me, ICurrentTenant tenant, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var tenantId = tenant.Id;
            // Bulk update names the tenant explicitly (DESIGN.md), besides the filter.
            var updated = await Mine(db, me).Where(n => n.TenantId == tenantId && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
            return new { updated };
        });
    }

    private static async Task<NotificationPage> ListAsync(PlatformDbContext db, ICurrentUser me, string? cursor, int? pageSize, bool? unreadOnly, CancellationToken ct)
    {
        var size = Paging.Size(pageSize);
        var after = KeysetCursor.Decode(cursor);
        var query = Mine(db, me).AsNoTracking();
        if (unreadOnly == true) query = query.Where(n => n.ReadAt == null);
        if (after is not null)
        {
            var at = after.At;
            var seen = after.SeenAtSameTime.ToList();
            query = query.Where(n => n.CreatedAt < at || (n.CreatedAt == at && !seen.Contains(n.Id)));
        }
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(size)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        var unread = await Mine(db, me).CountAsync(n => n.ReadAt == null, ct);
        return new NotificationPage(items, KeysetCursor.After(items, size, n => n.CreatedAt, n => n.Id, after), unread);
    }

    /// <summary>The caller's own bell rows (in-app ones only); the tenant filter keeps other tenants out.</summary>
    private static IQueryable<Notification> Mine(PlatformDbContext db, ICurrentUser me)
    {
        var userId = me.Id ?? Guid.Empty;
        return db.Set<Notification>().Where(n => n.UserId == userId && (n.Channels & NotificationChannels.InApp) == NotificationChannels.InApp);
    }
}
