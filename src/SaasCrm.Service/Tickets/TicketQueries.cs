using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Shared;

namespace SaasCrm.Service.Tickets;

/// <summary>The ticket list (my tickets, team queue, filters, sorting, paging) and the detail view.</summary>
public sealed class TicketQueries(PlatformDbContext db, ServiceAccess access, ServiceNames names, ICustomerDirectory customers, CustomFieldService customFields, TimeProvider clock)
{
    private static readonly Dictionary<string, Expression<Func<Ticket, object?>>> SortFields = new()
    {
        ["createdAt"] = t => t.CreatedAt,
        ["modifiedAt"] = t => t.ModifiedAt,
        ["number"] = t => t.Number,
        ["title"] = t => t.Title,
        ["priority"] = t => t.PriorityCode,
        ["category"] = t => t.CategoryCode,
        ["status"] = t => t.Status,
        ["responseDueAt"] = t => t.ResponseDueAt,
        ["resolutionDueAt"] = t => t.ResolutionDueAt,
    };

    public async Task<PagedResult<TicketListItemDto>> ListAsync(TicketListParameters p, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var me = access.Me;
        var query = await access.VisibleAsync(db.Set<Ticket>().AsNoTracking(), ct);
        switch (p.View?.ToLowerInvariant())
        {
            case null or "" or "all": break;
            case "mine": query = query.Where(t => t.AssigneeId == me); break;
            case "created": query = query.Where(t => t.CreatedBy == me); break;
            case "queue":
                var mine = access.MyDepartments();
                query = query.Where(t => t.AssigneeId == null && t.DepartmentId != null && mine.Contains(t.DepartmentId.Value) && TicketTransitions.OpenStatuses.Contains(t.Status));
                break;
            default: throw RequestValidationException.For("view", "ticket.view_unknown", "View must be mine, queue, created or all.");
        }
        if (p.Status is { Length: > 0 } statuses) query = query.Where(t => statuses.Contains(t.Status));
        if (p.Category is { Length: > 0 } categories) query = query.Where(t => categories.Contains(t.CategoryCode));
        if (p.Priority is { Length: > 0 } priorities) query = query.Where(t => priorities.Contains(t.PriorityCode));
        if (p.AssigneeId is { } assignee) query = query.Where(t => t.AssigneeId == assignee);
        if (p.DepartmentId is { } department) query = query.Where(t => t.DepartmentId == department);
        if (p.CustomerId is { } customer) query = query.Where(t => t.CustomerId == customer);
        if (p.CreatedFrom is { } from) query = query.Where(t => t.CreatedAt >= from);
        if (p.CreatedTo is { } to) query = query.Where(t => t.CreatedAt < to);
        if (p.Search?.Trim() is { Length: > 0 } search) query = query.Where(t => t.Title.Contains(search) || t.Number.Contains(search));
        if (p.Overdue is { } overdue)
        {
            var open = TicketTransitions.OpenStatuses;
            Expression<Func<Ticket, bool>> isOverdue = t => open.Contains(t.Status)
                && ((t.ResolutionDueAt != null && t.ResolutionDueAt < now) || (t.FirstRespondedAt == null && t.ResponseDueAt != null && t.ResponseDueAt < now));
            query = overdue ? query.Where(isOverdue) : query.Where(Negate(isOverdue));
        }
        var ordered = query.OrderBy(p.Sort, "-createdAt", SortFields);
        ordered = ordered is IOrderedQueryable<Ticket> o ? o.ThenBy(t => t.Id) : ordered;
        var page = await ordered.ToPageAsync(p.Page, p.PageSize, ct);

        await names.LoadAsync(page.Items.Select(t => t.AssigneeId), page.Items.Select(t => t.DepartmentId), ct);
        var customerNames = await customers.FindAsync(page.Items.Select(t => t.CustomerId).Distinct().ToList(), ct);
        var items = page.Items.Select(t => new TicketListItemDto(t.Id, t.Number, t.Title, t.CustomerId, customerNames.GetValueOrDefault(t.CustomerId)?.Name,
            t.CategoryCode, t.PriorityCode, t.Status, t.DepartmentId, names.Department(t.DepartmentId), t.AssigneeId, names.User(t.AssigneeId),
            t.ResponseDueAt, t.ResolutionDueAt, t.FirstRespondedAt, IsOverdue(t, now), t.SatisfactionRating, t.CreatedAt, t.ModifiedAt)).ToList();
        return new PagedResult<TicketListItemDto>(items, page.Total, page.TotalIsLowerBound, page.Page, page.PageSize);
    }

    public async Task<TicketDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await access.GetVisibleAsync<Ticket>(id, ct), ct);

    public async Task<TicketDto> ToDtoAsync(Ticket t, CancellationToken ct)
    {
        var comments = await db.Set<TicketComment>().AsNoTracking().Where(c => c.TicketId == t.Id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(ct);
        var attachments = await db.Set<TicketAttachment>().AsNoTracking().Where(a => a.TicketId == t.Id).OrderBy(a => a.At).ToListAsync(ct);
        var history = await db.Set<ServiceHistory>().AsNoTracking().Where(h => h.RecordType == ServiceRecordTypes.Ticket && h.RecordId == t.Id)
            .OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(ct);
        await names.LoadAsync(comments.Select(c => c.AuthorId).Concat(history.Select(h => h.ByUserId)).Append(t.AssigneeId).Append(t.CreatedBy), [t.DepartmentId], ct);
        var customer = (await customers.FindAsync([t.CustomerId], ct)).GetValueOrDefault(t.CustomerId);
        var fields = (await customFields.LoadAsync(ServiceRecordTypes.Ticket, [t.Id], ct)).GetValueOrDefault(t.Id) ?? [];
        var now = clock.GetUtcNow().UtcDateTime;
        return new TicketDto(t.Id, t.Number, t.Title, t.Description, t.CustomerId, customer?.Name, t.ContactId, t.ContactName, t.ContactMobile, t.ContactEmail,
            t.RelatedRecordType, t.RelatedRecordId, t.CategoryCode, t.PriorityCode, t.Status, TicketTransitions.From(t.Status),
            t.DepartmentId, names.Department(t.DepartmentId), t.AssigneeId, names.User(t.AssigneeId), t.AssignedAt,
            t.ResponseDueAt, t.ResolutionDueAt, t.FirstRespondedAt, t.WaitingSince, t.ResolvedAt, t.ClosedAt, IsOverdue(t, now), t.ReopenCount,
            t.SatisfactionRating, t.SatisfactionComment, t.RatedAt, t.CreatedBy, names.User(t.CreatedBy), t.CreatedAt, t.ModifiedAt, t.ConcurrencyStamp,
            comments.Select(c => new TicketCommentDto(c.Id, c.Content, c.IsInternal, c.FromCustomer, c.AuthorId, names.User(c.AuthorId), c.At)).ToList(),
            attachments.Select(a => new TicketAttachmentDto(a.Id, a.FileId, a.FileName, a.Size, a.AddedBy, a.At, a.CommentId)).ToList(),
            history.Select(h => new ServiceHistoryDto(h.Id, h.Action, h.FromValue, h.ToValue, h.Note, h.ByUserId, names.User(h.ByUserId), h.At)).ToList(),
            fields);
    }

    public static bool IsOverdue(Ticket t, DateTime now) =>
        TicketTransitions.IsOpen(t.Status)
        && (t.ResolutionDueAt < now || (t.FirstRespondedAt is null && t.ResponseDueAt < now));

    private static Expression<Func<T, bool>> Negate<T>(Expression<Func<T, bool>> e) => Expression.Lambda<Func<T, bool>>(Expression.Not(e.Body), e.Parameters);
}
