using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Shared;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Returns;

/// <summary>
/// Return entries as workflows see them. The approval template routes by amount: the responsible department's head (team
/// lead), or above the threshold the head of its parent department ("parentDepartmentId", read only). Assigning names the
/// approver and never moves the responsible department.
/// </summary>
public sealed class ReturnRecordType(PlatformDbContext db, ReturnAccess access, ServiceHistoryWriter history) : IWorkflowRecordType
{
    private static readonly IReadOnlyList<WorkflowFieldDefinition> Catalogue =
    [
        new("number", WorkflowFieldType.Text, new("Number", "登记单号")),
        new("kind", WorkflowFieldType.Text, new("Entry kind", "登记类型"), Values: Enum.GetNames<ReturnKind>()),
        new("status", WorkflowFieldType.Status, new("Status", "状态"), Values: Enum.GetNames<ReturnStatus>()),
        new("amount", WorkflowFieldType.Number, new("Amount", "金额")),
        new("currencyCode", WorkflowFieldType.Text, new("Currency", "币种")),
        new("quantity", WorkflowFieldType.Number, new("Quantity", "数量")),
        new("reasonCode", WorkflowFieldType.Text, new("Reason", "原因")),
        new("productCategoryCode", WorkflowFieldType.Dictionary, new("Product category", "商品品类"), ServiceDictionaries.ProductCategory),
        new("brandCode", WorkflowFieldType.Dictionary, new("Brand", "品牌"), ServiceDictionaries.Brand),
        new("departmentId", WorkflowFieldType.Department, new("Responsible department", "责任部门")),
        new("parentDepartmentId", WorkflowFieldType.Department, new("Parent of the responsible department", "责任部门的上级部门")),
        new("approverId", WorkflowFieldType.User, new("Approver", "审批人"), Writable: true),
        new("createdBy", WorkflowFieldType.User, new("Recorded by", "登记人")),
        new("createdAt", WorkflowFieldType.DateTime, new("Created at", "登记时间")),
    ];

    private static readonly IReadOnlyList<WorkflowEventDefinition> EventList =
    [
        new(ReturnService.ApprovalDecided, new("Approved or rejected", "已审批"), ["approved"]),
    ];

    public string Name => ServiceRecordTypes.Return;
    public LocalizedText DisplayName => new("Return / compensation", "退换货与补偿");
    public string? CustomFieldEntityType => null;
    public IReadOnlyList<WorkflowFieldDefinition> Fields => Catalogue;
    public IReadOnlyList<WorkflowEventDefinition> Events => EventList;

    public async Task<WorkflowRecordSnapshot?> LoadAsync(Guid recordId, CancellationToken ct)
    {
        var r = await db.Set<ReturnEntry>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == recordId, ct);
        if (r is null) return null;
        var parent = r.DepartmentId is { } d ? await db.Departments.AsNoTracking().Where(x => x.Id == d).Select(x => x.ParentId).FirstOrDefaultAsync(ct) : null;
        var values = new Dictionary<string, object?>
        {
            ["number"] = r.Number, ["kind"] = r.Kind.ToString(), ["status"] = r.Status.ToString(), ["amount"] = r.Amount, ["currencyCode"] = r.CurrencyCode,
            ["quantity"] = (decimal?)r.Quantity, ["reasonCode"] = r.ReasonCode, ["productCategoryCode"] = r.ProductCategoryCode, ["brandCode"] = r.BrandCode,
            ["departmentId"] = r.DepartmentId, ["parentDepartmentId"] = parent, ["approverId"] = r.ApproverId, ["createdBy"] = r.CreatedBy, ["createdAt"] = r.CreatedAt,
        };
        var contact = r.CustomerName is null && r.CustomerPhone is null ? null : new WorkflowContactPoint(r.CustomerName ?? "", null, r.CustomerPhone);
        return new WorkflowRecordSnapshot(r.Id, $"{r.Number} {r.Kind} {r.Amount:0.00} {r.CurrencyCode}", values, r.ApproverId, r.DepartmentId, r.CustomerId, contact);
    }

    public Task<bool> IsVisibleAsync(Guid recordId, CancellationToken ct) => access.IsVisibleAsync(recordId, ct);

    public async Task ApplyAsync(Guid recordId, WorkflowRecordChange change, CancellationToken ct)
    {
        var r = await db.Set<ReturnEntry>().FirstOrDefaultAsync(x => x.Id == recordId, ct) ?? throw new EntityNotFoundException("Return", recordId);
        switch (change)
        {
            case AssignRecord a:
                history.Add(Name, r.Id, "approver", r.ApproverId?.ToString(), a.UserId?.ToString(), a.Reason);
                r.ApproverId = a.UserId ?? r.ApproverId;
                break;
            case SetRecordField { Field: "approverId" } f:
                var user = Workflow.RecordFieldValues.Guid(f.Value, f.Field);
                history.Add(Name, r.Id, "approver", r.ApproverId?.ToString(), user?.ToString(), "set by workflow");
                r.ApproverId = user;
                break;
            case SetRecordField f:
                throw new BusinessException("workflow.field_not_writable", $"The return field '{f.Field}' cannot be set by a workflow.", 400, "field");
            default:
                // Approval decisions are the approver's, through the approve and reject actions, never a workflow's.
                throw new BusinessException("workflow.unsupported_change", $"Return entries do not support {change.GetType().Name}.");
        }
        r.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    public async Task<IReadOnlyDictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken cancellationToken) =>
        await db.Set<ReturnEntry>().AsNoTracking().Where(x => recordIds.Contains(x.Id))
            .Select(x => new { x.Id, Title = x.Number + (x.CustomerName != null ? " " + x.CustomerName : "") }).ToDictionaryAsync(x => x.Id, x => x.Title, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, int>> CountOpenAssignedAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
        await db.Set<ReturnEntry>().AsNoTracking()
            .Where(r => r.ApproverId != null && userIds.Contains(r.ApproverId.Value) && r.Status == ReturnStatus.Submitted)
            .GroupBy(r => r.ApproverId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
