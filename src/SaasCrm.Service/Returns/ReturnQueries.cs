using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Shared;
using SaasCrm.Service.Tickets;

namespace SaasCrm.Service.Returns;

/// <summary>The return entry list (paged, sorted, filtered in the caller's visibility) and the detail with its history.</summary>
public sealed class ReturnQueries(PlatformDbContext db, ReturnAccess access, ServiceNames names, ICustomerDirectory customers, IPermissionChecker permissions)
{
    private static readonly Dictionary<string, Expression<Func<ReturnEntry, object?>>> SortFields = new()
    {
        ["createdAt"] = r => r.CreatedAt,
        ["number"] = r => r.Number,
        ["kind"] = r => r.Kind,
        ["status"] = r => r.Status,
        ["amount"] = r => r.Amount,
    };

    public async Task<PagedResult<ReturnListItemDto>> ListAsync(ReturnListParameters p, CancellationToken ct)
    {
        var me = access.Me;
        var query = await access.VisibleAsync(db.Set<ReturnEntry>().AsNoTracking(), ct);
        switch (p.View?.ToLowerInvariant())
        {
            case null or "" or "all": break;
            case "created": query = query.Where(r => r.CreatedBy == me); break;
            case "approval": query = query.Where(r => r.ApproverId == me && r.Status == ReturnStatus.Submitted); break;
            case "department":
                var mine = db.UserDepartments.Where(ud => ud.UserId == me).Select(ud => ud.DepartmentId);
                query = query.Where(r => r.DepartmentId != null && mine.Contains(r.DepartmentId.Value));
                break;
            default: throw RequestValidationException.For("view", "return.view_unknown", "View must be created, approval, department or all.");
        }
        if (p.Kind is { Length: > 0 } kinds) query = query.Where(r => kinds.Contains(r.Kind));
        if (p.Status is { Length: > 0 } statuses) query = query.Where(r => statuses.Contains(r.Status));
        if (p.Reason is { Length: > 0 } reasons) query = query.Where(r => r.ReasonCode != null && reasons.Contains(r.ReasonCode));
        if (p.DepartmentId is { } department) query = query.Where(r => r.DepartmentId == department);
        if (p.CustomerId is { } customer) query = query.Where(r => r.CustomerId == customer);
        if (p.CreatedFrom is { } from) query = query.Where(r => r.CreatedAt >= from);
        if (p.CreatedTo is { } to) query = query.Where(r => r.CreatedAt < to);
        if (p.Search?.Trim() is { Length: > 0 } search)
            query = query.Where(r => r.Number.Contains(search) || (r.OrderNumber != null && r.OrderNumber.Contains(search))
                                     || (r.CustomerName != null && r.CustomerName.Contains(search)) || (r.CustomerPhone != null && r.CustomerPhone.Contains(search)));
        var ordered = query.OrderBy(p.Sort, "-createdAt", SortFields);
        ordered = ordered is IOrderedQueryable<ReturnEntry> o ? o.ThenBy(r => r.Id) : ordered;
        var page = await ordered.ToPageAsync(p.Page, p.PageSize, ct);

        await names.LoadAsync(page.Items.Select(r => r.ApproverId).Concat(page.Items.Select(r => r.CreatedBy)), page.Items.Select(r => r.DepartmentId), ct);
        var found = await customers.FindAsync(page.Items.Where(r => r.CustomerId != null).Select(r => r.CustomerId!.Value).Distinct().ToList(), ct);
        var items = page.Items.Select(r => new ReturnListItemDto(r.Id, r.Number, r.Kind, r.Status, r.CustomerId, CustomerName(found, r), r.OrderNumber,
            r.ProductCategoryCode, r.BrandCode, r.ReasonCode, r.Quantity, r.Amount, r.CurrencyCode, r.DepartmentId, names.Department(r.DepartmentId), r.ApproverId,
            names.User(r.ApproverId), r.CreatedBy, names.User(r.CreatedBy), r.CreatedAt)).ToList();
        return new PagedResult<ReturnListItemDto>(items, page.Total, page.TotalIsLowerBound, page.Page, page.PageSize);
    }

    public async Task<ReturnDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await access.GetVisibleAsync(id, ct), ct);

    public async Task<ReturnDto> ToDtoAsync(ReturnEntry r, CancellationToken ct)
    {
        var history = await db.Set<ServiceHistory>().AsNoTracking().Where(h => h.RecordType == ServiceRecordTypes.Return && h.RecordId == r.Id)
            .OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(ct);
        await names.LoadAsync(history.Select(h => h.ByUserId).Append(r.ApproverId).Append(r.CreatedBy).Append(r.DecidedBy), [r.DepartmentId], ct);
        var found = r.CustomerId is { } id ? await customers.FindAsync([id], ct) : new Dictionary<Guid, CustomerSummary>();
        var me = access.Me;
        var canApprove = r.Status == ReturnStatus.Submitted && r.CreatedBy != me
                         && (r.ApproverId == me || await permissions.IsGrantedAsync(ReturnPermissions.Approve, ct));
        return new ReturnDto(r.Id, r.Number, r.Kind, r.Status, r.CustomerId, CustomerName(found, r), r.CustomerPhone, r.Address, r.OrderNumber, r.ProductCode,
            r.ProductName, r.ProductCategoryCode, r.BrandCode, r.Quantity, r.Amount, r.CurrencyCode, r.PurchaseDate, r.PickupMethodCode, r.ResultCode,
            r.ReasonCode, r.CoordinationMatter, r.Remark, r.DepartmentId, names.Department(r.DepartmentId), r.ApproverId, names.User(r.ApproverId),
            r.SubmittedAt, r.DecidedBy, names.User(r.DecidedBy), r.DecidedAt, r.DecisionNote, r.CompletedAt, r.CreatedBy, names.User(r.CreatedBy),
            r.CreatedAt, r.ModifiedAt, r.ConcurrencyStamp, canApprove,
            history.Select(h => new ServiceHistoryDto(h.Id, h.Action, h.FromValue, h.ToValue, h.Note, h.ByUserId, names.User(h.ByUserId), h.At)).ToList());
    }

    /// <summary>The customer record's name when there is one the caller may see, else the name typed on the entry.</summary>
    private static string? CustomerName(IReadOnlyDictionary<Guid, CustomerSummary> found, ReturnEntry r) =>
        (r.CustomerId is { } id ? found.GetValueOrDefault(id)?.Name : null) ?? r.CustomerName;
}
