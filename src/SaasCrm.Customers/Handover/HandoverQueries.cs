using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.Handover;

/// <summary>Handovers as the caller may see them: those whose previous or new owner is within the caller's data scope.</summary>
internal sealed class HandoverQueries(PlatformDbContext db, IDataScopeFilter scope)
{
    public async Task<PagedResult<HandoverDto>> ListAsync(Guid? userId, HandoverStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var query = await VisibleAsync(ct);
        if (userId is { } u) query = query.Where(h => h.FromUserId == u || h.ToUserId == u);
        if (status is { } s) query = query.Where(h => h.Status == s);
        var rows = await query.OrderByDescending(h => h.RequestedAt).ThenByDescending(h => h.Id).ToPageAsync(page, pageSize, ct);
        var dtos = await ToDtosAsync(rows.Items, ct);
        return new PagedResult<HandoverDto>(dtos, rows.Total, rows.TotalIsLowerBound, rows.Page, rows.PageSize);
    }

    public async Task<HandoverDto> GetAsync(Guid id, CancellationToken ct)
    {
        var handover = await (await VisibleAsync(ct)).FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new EntityNotFoundException("Handover", id);
        return (await ToDtosAsync([handover], ct))[0];
    }

    private async Task<IQueryable<CustomerHandover>> VisibleAsync(CancellationToken ct)
    {
        var source = db.Set<CustomerHandover>().AsNoTracking();
        var owners = await scope.VisibleOwnersAsync(ct);
        return owners is null ? source : source.Where(h => owners.Contains(h.FromUserId) || owners.Contains(h.ToUserId));
    }

    private async Task<List<HandoverDto>> ToDtosAsync(IReadOnlyList<CustomerHandover> rows, CancellationToken ct)
    {
        var userIds = rows.SelectMany(h => new[] { h.FromUserId, h.ToUserId }).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.Select(h => new HandoverDto(
            h.Id, h.FromUserId, names.GetValueOrDefault(h.FromUserId), h.ToUserId, names.GetValueOrDefault(h.ToUserId),
            h.Status, h.Total, h.Moved,
            h.Status == HandoverStatus.Completed ? 100 : h.Total == 0 ? 0 : Math.Min(100, h.Moved * 100 / h.Total),
            new HandoverSummaryDto(h.Moved, h.RemindersMoved, h.CollaboratorsAdded, h.Batches),
            new HandoverFilter(h.LevelCodes, h.Tags), h.CustomerIds?.Count,
            h.IncludeReminders, h.IncludeOpenRecords, h.KeepCollaboratorUntil, h.Reason,
            h.CreatedBy, h.RequestedAt, h.StartedAt, h.CompletedAt, h.Error, h.ConcurrencyStamp)).ToList();
    }
}
