using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Shared;
using SaasCrm.Service.Tickets;

namespace SaasCrm.Service.Consultations;

/// <summary>The consultation list (paged, sorted, filtered in the caller's visibility) and the detail with its history.</summary>
public sealed class ConsultationQueries(PlatformDbContext db, ConsultationAccess access, ServiceNames names, ICustomerDirectory customers, TimeProvider clock)
{
    private static readonly Dictionary<string, Expression<Func<Consultation, object?>>> SortFields = new()
    {
        ["createdAt"] = c => c.CreatedAt,
        ["number"] = c => c.Number,
        ["type"] = c => c.EnquiryTypeCode,
        ["status"] = c => c.Status,
        ["deadline"] = c => c.Deadline,
    };

    public async Task<PagedResult<ConsultationListItemDto>> ListAsync(ConsultationListParameters p, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var me = access.Me;
        var query = await access.VisibleAsync(db.Set<Consultation>().AsNoTracking(), ct);
        switch (p.View?.ToLowerInvariant())
        {
            case null or "" or "all": break;
            case "mine": query = query.Where(c => c.AssigneeId == me); break;
            case "created": query = query.Where(c => c.CreatedBy == me); break;
            case "department":
                var mine = access.MyDepartments();
                query = query.Where(c => c.DepartmentId != null && mine.Contains(c.DepartmentId.Value));
                break;
            default: throw RequestValidationException.For("view", "consultation.view_unknown", "View must be mine, department, created or all.");
        }
        if (p.Status is { Length: > 0 } statuses) query = query.Where(c => statuses.Contains(c.Status));
        if (p.Type is { Length: > 0 } types) query = query.Where(c => types.Contains(c.EnquiryTypeCode));
        if (p.ProductCategory is { Length: > 0 } categories) query = query.Where(c => c.ProductCategoryCode != null && categories.Contains(c.ProductCategoryCode));
        if (p.Brand is { Length: > 0 } brands) query = query.Where(c => c.BrandCode != null && brands.Contains(c.BrandCode));
        if (p.DepartmentId is { } department) query = query.Where(c => c.DepartmentId == department);
        if (p.CustomerId is { } customer) query = query.Where(c => c.CustomerId == customer);
        if (p.CreatedFrom is { } from) query = query.Where(c => c.CreatedAt >= from);
        if (p.CreatedTo is { } to) query = query.Where(c => c.CreatedAt < to);
        if (p.Search?.Trim() is { Length: > 0 } search)
            query = query.Where(c => c.Number.Contains(search) || c.Content.Contains(search) || (c.ContactName != null && c.ContactName.Contains(search)));
        if (p.Overdue is { } overdue)
            query = overdue
                ? query.Where(c => c.Status == ConsultationStatus.Transferred && c.Deadline != null && c.Deadline < now)
                : query.Where(c => !(c.Status == ConsultationStatus.Transferred && c.Deadline != null && c.Deadline < now));
        var ordered = query.OrderBy(p.Sort, "-createdAt", SortFields);
        ordered = ordered is IOrderedQueryable<Consultation> o ? o.ThenBy(c => c.Id) : ordered;
        var page = await ordered.ToPageAsync(p.Page, p.PageSize, ct);

        await names.LoadAsync(page.Items.Select(c => c.AssigneeId).Concat(page.Items.Select(c => c.CreatedBy)), page.Items.Select(c => c.DepartmentId), ct);
        var customerNames = await customers.FindAsync(page.Items.Where(c => c.CustomerId != null).Select(c => c.CustomerId!.Value).Distinct().ToList(), ct);
        var items = page.Items.Select(c => new ConsultationListItemDto(c.Id, c.Number, c.CustomerId, CustomerName(customerNames, c.CustomerId), c.ContactName,
            c.EnquiryTypeCode, c.ProductCategoryCode, c.BrandCode, c.Quantity, Preview(c.Content), c.Status, c.DepartmentId, names.Department(c.DepartmentId),
            c.AssigneeId, names.User(c.AssigneeId), c.Deadline, IsOverdue(c, now), c.EscalationLevel, c.CreatedBy, names.User(c.CreatedBy), c.CreatedAt)).ToList();
        return new PagedResult<ConsultationListItemDto>(items, page.Total, page.TotalIsLowerBound, page.Page, page.PageSize);
    }

    /// <summary>Overdue: transferred and the department has not answered by the deadline.</summary>
    public static bool IsOverdue(Consultation c, DateTime now) => c.Status == ConsultationStatus.Transferred && c.Deadline < now;

    public async Task<ConsultationDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await access.GetVisibleAsync(id, ct), ct);

    public async Task<ConsultationDto> ToDtoAsync(Consultation c, CancellationToken ct)
    {
        var history = await db.Set<ServiceHistory>().AsNoTracking().Where(h => h.RecordType == ServiceRecordTypes.Consultation && h.RecordId == c.Id)
            .OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(ct);
        await names.LoadAsync(history.Select(h => h.ByUserId).Append(c.AssigneeId).Append(c.CreatedBy).Append(c.AnsweredBy).Append(c.DepartmentAnsweredBy),
            [c.DepartmentId], ct);
        var customerNames = c.CustomerId is { } id ? await customers.FindAsync([id], ct) : new Dictionary<Guid, CustomerSummary>();
        return new ConsultationDto(c.Id, c.Number, c.CustomerId, CustomerName(customerNames, c.CustomerId), c.ContactName, c.ContactPhone, c.EnquiryTypeCode,
            c.ProductCategoryCode, c.BrandCode, c.Quantity, c.Content, c.Status, c.DepartmentId, names.Department(c.DepartmentId), c.AssigneeId,
            names.User(c.AssigneeId), c.Deadline, IsOverdue(c, clock.GetUtcNow().UtcDateTime), c.EscalationLevel, c.TransferredAt, c.DepartmentAnswer,
            c.DepartmentAnsweredBy, names.User(c.DepartmentAnsweredBy), c.DepartmentAnsweredAt, c.AnsweredOnTime, c.Answer, c.ReplyChannelCode, c.AnsweredBy,
            names.User(c.AnsweredBy), c.AnsweredAt, c.CreatedBy, names.User(c.CreatedBy), c.CreatedAt, c.ModifiedAt, c.ConcurrencyStamp,
            history.Select(h => new ServiceHistoryDto(h.Id, h.Action, h.FromValue, h.ToValue, h.Note, h.ByUserId, names.User(h.ByUserId), h.At)).ToList());
    }

    private static string? CustomerName(IReadOnlyDictionary<Guid, CustomerSummary> found, Guid? id) => id is { } v ? found.GetValueOrDefault(v)?.Name : null;
    private static string Preview(string content) => content.Length <= 120 ? content : content[..120] + "…";
}
