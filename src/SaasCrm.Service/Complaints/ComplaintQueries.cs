using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Http;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Shared;
using SaasCrm.Service.Tickets;

namespace SaasCrm.Service.Complaints;

/// <summary>The complaint list, the detail view with transfers, replies and return visits, and the statistics.</summary>
public sealed class ComplaintQueries(
    PlatformDbContext db, ServiceAccess access, ServiceNames names, ICustomerDirectory customers, CustomFieldService customFields,
    IDictionaryLookup dictionaries, TimeProvider clock)
{
    private static readonly Dictionary<string, Expression<Func<Complaint, object?>>> SortFields = new()
    {
        ["createdAt"] = c => c.CreatedAt,
        ["modifiedAt"] = c => c.ModifiedAt,
        ["number"] = c => c.Number,
        ["title"] = c => c.Title,
        ["type"] = c => c.TypeCode,
        ["severity"] = c => c.SeverityCode,
        ["status"] = c => c.Status,
        ["deadline"] = c => c.Deadline,
        ["round"] = c => c.Round,
    };

    public async Task<PagedResult<ComplaintListItemDto>> ListAsync(ComplaintListParameters p, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var me = access.Me;
        var query = await access.VisibleAsync(db.Set<Complaint>().AsNoTracking(), ct);
        switch (p.View?.ToLowerInvariant())
        {
            case null or "" or "all": break;
            case "mine": query = query.Where(c => c.AssigneeId == me); break;
            case "created": query = query.Where(c => c.CreatedBy == me); break;
            case "department":
                var mine = access.MyDepartments();
                query = query.Where(c => c.DepartmentId != null && mine.Contains(c.DepartmentId.Value));
                break;
            default: throw RequestValidationException.For("view", "complaint.view_unknown", "View must be mine, department, created or all.");
        }
        if (p.Status is { Length: > 0 } statuses) query = query.Where(c => statuses.Contains(c.Status));
        if (p.Type is { Length: > 0 } types) query = query.Where(c => types.Contains(c.TypeCode));
        if (p.Severity is { Length: > 0 } severities) query = query.Where(c => severities.Contains(c.SeverityCode));
        if (p.ProductCategory is { Length: > 0 } categories) query = query.Where(c => c.ProductCategoryCode != null && categories.Contains(c.ProductCategoryCode));
        if (p.Brand is { Length: > 0 } brands) query = query.Where(c => c.BrandCode != null && brands.Contains(c.BrandCode));
        if (p.AssigneeId is { } assignee) query = query.Where(c => c.AssigneeId == assignee);
        if (p.DepartmentId is { } department) query = query.Where(c => c.DepartmentId == department);
        if (p.CustomerId is { } customer) query = query.Where(c => c.CustomerId == customer);
        if (p.CreatedFrom is { } from) query = query.Where(c => c.CreatedAt >= from);
        if (p.CreatedTo is { } to) query = query.Where(c => c.CreatedAt < to);
        if (p.Search?.Trim() is { Length: > 0 } search) query = query.Where(c => c.Title.Contains(search) || c.Number.Contains(search));
        if (p.Overdue is { } overdue)
            query = overdue
                ? query.Where(c => c.Deadline != null && c.Deadline < now && (c.Status == ComplaintStatus.New || c.Status == ComplaintStatus.Transferred || c.Status == ComplaintStatus.Reopened))
                : query.Where(c => !(c.Deadline != null && c.Deadline < now && (c.Status == ComplaintStatus.New || c.Status == ComplaintStatus.Transferred || c.Status == ComplaintStatus.Reopened)));
        var ordered = query.OrderBy(p.Sort, "-createdAt", SortFields);
        ordered = ordered is IOrderedQueryable<Complaint> o ? o.ThenBy(c => c.Id) : ordered;
        var page = await ordered.ToPageAsync(p.Page, p.PageSize, ct);

        await names.LoadAsync(page.Items.Select(c => c.AssigneeId), page.Items.Select(c => c.DepartmentId), ct);
        var customerNames = await customers.FindAsync(page.Items.Select(c => c.CustomerId).Distinct().ToList(), ct);
        var items = page.Items.Select(c => new ComplaintListItemDto(c.Id, c.Number, c.Title, c.CustomerId, customerNames.GetValueOrDefault(c.CustomerId)?.Name,
            c.TypeCode, c.SeverityCode, c.ProductCategoryCode, c.BrandCode, c.Status, c.DepartmentId, names.Department(c.DepartmentId), c.AssigneeId,
            names.User(c.AssigneeId), c.Deadline, IsOverdue(c, now), c.Round, c.EscalationLevel, c.SatisfactionRating, c.Satisfied, c.CreatedAt, c.ModifiedAt)).ToList();
        return new PagedResult<ComplaintListItemDto>(items, page.Total, page.TotalIsLowerBound, page.Page, page.PageSize);
    }

    /// <summary>Overdue: the responsible department has not replied by the deadline.</summary>
    public static bool IsOverdue(Complaint c, DateTime now) =>
        c.Deadline < now && c.Status is ComplaintStatus.New or ComplaintStatus.Transferred or ComplaintStatus.Reopened;

    public async Task<ComplaintDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await access.GetVisibleAsync<Complaint>(id, ct), ct);

    public async Task<ComplaintDto> ToDtoAsync(Complaint c, CancellationToken ct)
    {
        var actions = await db.Set<ComplaintAction>().AsNoTracking().Where(a => a.ComplaintId == c.Id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        var visits = await db.Set<ReturnVisit>().AsNoTracking().Where(v => v.ComplaintId == c.Id).OrderBy(v => v.At).ThenBy(v => v.Id).ToListAsync(ct);
        var history = await db.Set<ServiceHistory>().AsNoTracking().Where(h => h.RecordType == ServiceRecordTypes.Complaint && h.RecordId == c.Id)
            .OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(ct);
        await names.LoadAsync(
            actions.Select(a => a.FromUserId).Concat(visits.Select(v => (Guid?)v.VisitorId)).Concat(history.Select(h => h.ByUserId)).Append(c.AssigneeId).Append(c.CreatedBy),
            actions.SelectMany(a => new[] { a.FromDepartmentId, a.ToDepartmentId }).Append(c.DepartmentId), ct);
        var customer = (await customers.FindAsync([c.CustomerId], ct)).GetValueOrDefault(c.CustomerId);
        var fields = (await customFields.LoadAsync(ServiceRecordTypes.Complaint, [c.Id], ct)).GetValueOrDefault(c.Id) ?? [];
        ComplaintActionDto ToDto(ComplaintAction a) => new(a.Id, a.Kind, a.Round, a.FromDepartmentId, names.Department(a.FromDepartmentId), a.FromUserId,
            names.User(a.FromUserId), a.ToDepartmentId, names.Department(a.ToDepartmentId), a.Content, a.At, a.Deadline, a.OnTime);
        return new ComplaintDto(c.Id, c.Number, c.Title, c.Content, c.CustomerId, customer?.Name, c.ContactId, c.ContactName, c.ContactMobile, c.ContactEmail,
            c.TypeCode, c.SeverityCode, c.ProductCategoryCode, c.BrandCode, c.Status, c.DepartmentId, names.Department(c.DepartmentId), c.AssigneeId,
            names.User(c.AssigneeId), c.Deadline, IsOverdue(c, clock.GetUtcNow().UtcDateTime), c.EscalationLevel, c.Round, c.LastRepliedAt, c.ClosedAt,
            c.SatisfactionRating, c.Satisfied, c.CreatedBy, names.User(c.CreatedBy), c.CreatedAt, c.ModifiedAt, c.ConcurrencyStamp,
            actions.Where(a => a.Kind == ComplaintActionKind.Transfer).Select(ToDto).ToList(),
            actions.Where(a => a.Kind == ComplaintActionKind.Reply).Select(ToDto).ToList(),
            visits.Select(v => new ReturnVisitDto(v.Id, v.Round, v.VisitorId, names.User(v.VisitorId), v.At, v.Satisfied, v.Rating, v.Comment)).ToList(),
            history.Select(h => new ServiceHistoryDto(h.Id, h.Action, h.FromValue, h.ToValue, h.Note, h.ByUserId, names.User(h.ByUserId), h.At)).ToList(),
            fields);
    }

    /// <summary>Complaints created in the period that the caller may see, grouped by type, department and severity.</summary>
    public async Task<ComplaintStatisticsDto> StatisticsAsync(ComplaintStatisticsParameters p, CancellationToken ct)
    {
        if (p.From is { } f && p.To is { } t && t <= f) throw RequestValidationException.For("to", "statistics.bad_period", "The end of the period must be after its start.");
        var query = await access.VisibleAsync(db.Set<Complaint>().AsNoTracking(), ct);
        if (p.From is { } from) query = query.Where(c => c.CreatedAt >= from);
        if (p.To is { } to) query = query.Where(c => c.CreatedAt < to);
        var complaints = await query.Select(c => new { c.Id, c.TypeCode, c.SeverityCode, c.DepartmentId, c.Status }).ToListAsync(ct);
        var ids = query.Select(c => c.Id);
        var replies = (await db.Set<ComplaintAction>().AsNoTracking().Where(a => a.Kind == ComplaintActionKind.Reply && ids.Contains(a.ComplaintId))
            .Select(a => new { a.ComplaintId, a.OnTime }).ToListAsync(ct)).ToLookup(a => a.ComplaintId, a => a.OnTime ?? true);
        var visits = (await db.Set<ReturnVisit>().AsNoTracking().Where(v => ids.Contains(v.ComplaintId))
            .Select(v => new { v.ComplaintId, v.Satisfied, v.Rating }).ToListAsync(ct)).ToLookup(v => v.ComplaintId, v => (v.Satisfied, v.Rating));
        var facts = complaints.Select(c => new ComplaintFacts(c.TypeCode, c.SeverityCode, c.DepartmentId, c.Status == ComplaintStatus.Closed,
            replies[c.Id].ToList(), visits[c.Id].ToList())).ToList();

        var typeLabels = (await dictionaries.ItemsAsync(ServiceDictionaries.ComplaintType, ct)).ToDictionary(i => i.Code, i => i.LabelZh + " / " + i.LabelEn);
        var severityLabels = (await dictionaries.ItemsAsync(ServiceDictionaries.ComplaintSeverity, ct)).ToDictionary(i => i.Code, i => i.LabelZh + " / " + i.LabelEn);
        await names.LoadAsync([], facts.Select(x => x.DepartmentId), ct);
        return new ComplaintStatisticsDto(p.From, p.To, ComplaintStatisticsMath.Row("total", null, facts),
            ComplaintStatisticsMath.GroupBy(facts, x => x.Type, k => typeLabels.GetValueOrDefault(k)),
            ComplaintStatisticsMath.GroupBy(facts, x => x.DepartmentId?.ToString() ?? "", k => Guid.TryParse(k, out var d) ? names.Department(d) : null),
            ComplaintStatisticsMath.GroupBy(facts, x => x.Severity, k => severityLabels.GetValueOrDefault(k)));
    }
}
