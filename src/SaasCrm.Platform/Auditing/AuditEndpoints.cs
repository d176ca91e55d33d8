using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Auditing;

public sealed record PropertyChangeDto(string PropertyName, string? OldValue, string? NewValue);
public sealed record EntityChangeDto(Guid Id, string EntityType, string EntityId, EntityChangeType ChangeType, DateTime ChangedAt, Guid? UserId, string? UserName, IReadOnlyList<PropertyChangeDto> PropertyChanges);
public sealed record SecurityLogDto(Guid Id, string Action, Guid? UserId, string? UserName, string? ClientIp, string? Detail, DateTime CreatedAt);

/// <summary>Change history of records (P9, C9) and the security log, newest first with keyset paging.</summary>
public static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit");
        group.MapGet("/entity-changes", EntityChangesAsync).RequirePermission(PlatformPermissions.Audit.EntityChanges);
        group.MapGet("/security-logs", SecurityLogsAsync).RequirePermission(PlatformPermissions.Audit.SecurityLogs);
    }

    private static async Task<KeysetPage<EntityChangeDto>> EntityChangesAsync(
        PlatformDbContext db, string? entityType, string? entityId, Guid? userId, DateTime? from, DateTime? to, string? cursor, int? pageSize, CancellationToken ct)
    {
        var size = Paging.Size(pageSize);
        var query = db.EntityChanges.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType)) query = query.Where(c => c.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(entityId)) query = query.Where(c => c.EntityId == entityId);
        if (userId is { } uid) query = query.Where(c => c.UserId == uid);
        if (from is { } f) query = query.Where(c => c.ChangedAt >= f);
        if (to is { } t) query = query.Where(c => c.ChangedAt < t);
        var after = KeysetCursor.Decode(cursor);
        if (after is not null)
        {
            var seen = after.SeenAtSameTime.ToList();
            query = query.Where(c => c.ChangedAt < after.At || (c.ChangedAt == after.At && !seen.Contains(c.Id)));
        }
        var rows = await query.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(size)
            .Include(c => c.PropertyChanges).AsSplitQuery().ToListAsync(ct);
        var items = rows.Select(c => new EntityChangeDto(c.Id, c.EntityType, c.EntityId, c.ChangeType, c.ChangedAt, c.UserId, c.UserName,
            c.PropertyChanges.OrderBy(p => p.PropertyName).Select(p => new PropertyChangeDto(p.PropertyName, p.OldValue, p.NewValue)).ToList())).ToList();
        return new KeysetPage<EntityChangeDto>(items, KeysetCursor.After(items, size, c => c.ChangedAt, c => c.Id, after));
    }

    private static async Task<KeysetPage<SecurityLogDto>> SecurityLogsAsync(
        PlatformDbContext db, string? action, string? userName, DateTime? from, DateTime? to, string? cursor, int? pageSize, CancellationToken ct)
    {
        var size = Paging.Size(pageSize);
        var query = db.SecurityLogs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action)) query = query.Where(l => l.Action == action);
        if (!string.IsNullOrWhiteSpace(userName)) query = query.Where(l => l.UserName == userName);
        if (from is { } f) query = query.Where(l => l.CreatedAt >= f);
        if (to is { } t) query = query.Where(l => l.CreatedAt < t);
        var after = KeysetCursor.Decode(cursor);
        if (after is not null)
        {
            var seen = after.SeenAtSameTime.ToList();
            query = query.Where(l => l.CreatedAt < after.At || (l.CreatedAt == after.At && !seen.Contains(l.Id)));
        }
        var items = await query.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).Take(size)
            .Select(l => new SecurityLogDto(l.Id, l.Action, l.UserId, l.UserName, l.ClientIp, l.Detail, l.CreatedAt))
            .ToListAsync(ct);
        return new KeysetPage<SecurityLogDto>(items, KeysetCursor.After(items, size, l => l.CreatedAt, l => l.Id, after));
    }
}
