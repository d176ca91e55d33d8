using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Complaints;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Shared;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Workflow;

/// <summary>Complaints as workflows see them: deadline, escalation level and round are the fields the escalation template drives.</summary>
public sealed class ComplaintRecordType(
    PlatformDbContext db, ServiceAccess access, ComplaintWorkflowActions actions, CustomFieldService customFields, ICustomerDirectory customers,
    ServiceHistoryWriter history) : IWorkflowRecordType
{
    private static readonly IReadOnlyList<WorkflowFieldDefinition> Catalogue =
    [
        new("title", WorkflowFieldType.Text, new("Title", "标题")),
        new("number", WorkflowFieldType.Text, new("Number", "客诉单号")),
        new("status", WorkflowFieldType.Status, new("Status", "状态"), Values: Enum.GetNames<ComplaintStatus>()),
        new("typeCode", WorkflowFieldType.Dictionary, new("Complaint type", "客诉类型"), ServiceDictionaries.ComplaintType, Writable: true),
        new("severityCode", WorkflowFieldType.Dictionary, new("Severity", "严重程度"), ServiceDictionaries.ComplaintSeverity, Writable: true),
        new("productCategoryCode", WorkflowFieldType.Dictionary, new("Product category", "商品品类"), ServiceDictionaries.ProductCategory),
        new("brandCode", WorkflowFieldType.Dictionary, new("Brand", "品牌"), ServiceDictionaries.Brand),
        new("customerId", WorkflowFieldType.Text, new("Customer", "客户")),
        new("departmentId", WorkflowFieldType.Department, new("Responsible department", "责任部门"), Writable: true),
        new("assigneeId", WorkflowFieldType.User, new("Assignee", "负责人"), Writable: true),
        new("createdBy", WorkflowFieldType.User, new("Recorded by", "登记人")),
        new("deadline", WorkflowFieldType.DateTime, new("Reply deadline", "答复时限"), Writable: true),
        new("escalationLevel", WorkflowFieldType.Number, new("Escalation level", "升级级别"), Writable: true),
        new("round", WorkflowFieldType.Number, new("Round", "处理轮次"), Writable: true),
        new("lastRepliedAt", WorkflowFieldType.DateTime, new("Last replied at", "最近答复时间")),
        new("satisfactionRating", WorkflowFieldType.Number, new("Satisfaction rating", "满意度评分")),
        new("createdAt", WorkflowFieldType.DateTime, new("Created at", "登记时间")),
    ];

    private static readonly IReadOnlyList<WorkflowEventDefinition> EventList =
    [
        new(WorkflowEventNames.ReplyReceived, new("Department replied", "责任部门已答复"), ["onTime"]),
        new(WorkflowEventNames.ReturnVisitRecorded, new("Return visit recorded", "已回访"), ["satisfied", "rating"]),
        new(WorkflowEventNames.CustomerReplied, new("Customer replied", "客户已回复")),
    ];

    public string Name => ServiceRecordTypes.Complaint;
    public LocalizedText DisplayName => new("Complaint", "客诉");
    public string? CustomFieldEntityType => ServiceRecordTypes.Complaint;
    public IReadOnlyList<WorkflowFieldDefinition> Fields => Catalogue;
    public IReadOnlyList<WorkflowEventDefinition> Events => EventList;

    public async Task<WorkflowRecordSnapshot?> LoadAsync(Guid recordId, CancellationToken ct)
    {
        var c = await db.Set<Complaint>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == recordId, ct);
        if (c is null) return null;
        var values = new Dictionary<string, object?>
        {
            ["title"] = c.Title, ["number"] = c.Number, ["status"] = c.Status.ToString(), ["typeCode"] = c.TypeCode, ["severityCode"] = c.SeverityCode,
            ["productCategoryCode"] = c.ProductCategoryCode, ["brandCode"] = c.BrandCode, ["customerId"] = c.CustomerId.ToString(),
            ["departmentId"] = c.DepartmentId, ["assigneeId"] = c.AssigneeId, ["createdBy"] = c.CreatedBy, ["deadline"] = c.Deadline,
            ["escalationLevel"] = (decimal)c.EscalationLevel, ["round"] = (decimal)c.Round, ["lastRepliedAt"] = c.LastRepliedAt,
            ["satisfactionRating"] = (decimal?)c.SatisfactionRating, ["createdAt"] = c.CreatedAt,
        };
        foreach (var (name, value) in (await customFields.LoadAsync(Name, [c.Id], ct)).GetValueOrDefault(c.Id) ?? []) values["cf." + name] = value;
        var contact = await ServiceContactPoint.ResolveAsync(customers, c.CustomerId, c.ContactName, c.ContactEmail, c.ContactMobile, ct);
        return new WorkflowRecordSnapshot(c.Id, $"{c.Number} {c.Title}", values, c.AssigneeId, c.DepartmentId, c.CustomerId, contact);
    }

    public Task<bool> IsVisibleAsync(Guid recordId, CancellationToken ct) => access.IsVisibleAsync<Complaint>(recordId, ct);

    public async Task ApplyAsync(Guid recordId, WorkflowRecordChange change, CancellationToken ct)
    {
        var c = await db.Set<Complaint>().FirstOrDefaultAsync(x => x.Id == recordId, ct) ?? throw new EntityNotFoundException("Complaint", recordId);
        switch (change)
        {
            case SetRecordStatus s:
                if (!Enum.TryParse<ComplaintStatus>(s.Status, ignoreCase: true, out var status))
                    throw new BusinessException("complaint.status_unknown", $"'{s.Status}' is not a complaint status.", 400, "status");
                await actions.ChangeStatusAsync(c, status, s.Note, signal: false, ct);
                break;
            case AssignRecord a:
                await actions.AssignAsync(c, await AssigneeForAsync(c, a, ct), a.DepartmentId ?? c.DepartmentId, a.Reason, signal: false, ct);
                break;
            case SetRecordField f:
                SetField(c, f);
                break;
            default:
                throw new BusinessException("workflow.unsupported_change", $"Complaints do not support {change.GetType().Name}.");
        }
        c.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>
    /// A complaint handed to another department without a named user (an escalation up the department tree) goes to
    /// that department's head, as a transfer without an assignee does: the responsible department's head answers it.
    /// Without a head the current assignee keeps it.
    /// </summary>
    private async Task<Guid?> AssigneeForAsync(Complaint c, AssignRecord a, CancellationToken ct)
    {
        if (a.UserId is { } user) return user;
        if (a.DepartmentId is not { } department || department == c.DepartmentId) return c.AssigneeId;
        var head = await db.Departments.AsNoTracking().Where(d => d.Id == department).Select(d => d.HeadUserId).FirstOrDefaultAsync(ct);
        return head ?? c.AssigneeId;
    }

    private void SetField(Complaint c, SetRecordField f)
    {
        string? before, after;
        switch (f.Field)
        {
            case "deadline": before = c.Deadline?.ToString("O"); c.Deadline = RecordFieldValues.DateTime(f.Value, f.Field); after = c.Deadline?.ToString("O"); break;
            case "escalationLevel": before = c.EscalationLevel.ToString(); c.EscalationLevel = RecordFieldValues.Int(f.Value, f.Field); after = c.EscalationLevel.ToString(); break;
            case "round": before = c.Round.ToString(); c.Round = RecordFieldValues.Int(f.Value, f.Field); after = c.Round.ToString(); break;
            case "typeCode": before = c.TypeCode; c.TypeCode = RecordFieldValues.Text(f.Value) ?? c.TypeCode; after = c.TypeCode; break;
            case "severityCode": before = c.SeverityCode; c.SeverityCode = RecordFieldValues.Text(f.Value) ?? c.SeverityCode; after = c.SeverityCode; break;
            case "departmentId": before = c.DepartmentId?.ToString(); c.DepartmentId = RecordFieldValues.Guid(f.Value, f.Field); after = c.DepartmentId?.ToString(); break;
            case "assigneeId": before = c.AssigneeId?.ToString(); c.AssigneeId = RecordFieldValues.Guid(f.Value, f.Field); after = c.AssigneeId?.ToString(); break;
            default: throw new BusinessException("workflow.field_not_writable", $"The complaint field '{f.Field}' cannot be set by a workflow.", 400, "field");
        }
        history.Add(Name, c.Id, f.Field == "escalationLevel" ? "escalated" : "field", before, after, f.Field);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken cancellationToken) =>
        await db.Set<Complaint>().AsNoTracking().Where(x => recordIds.Contains(x.Id))
            .Select(x => new { x.Id, Title = x.Number + " " + x.Title }).ToDictionaryAsync(x => x.Id, x => x.Title, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, int>> CountOpenAssignedAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
        await db.Set<Complaint>().AsNoTracking()
            .Where(c => c.AssigneeId != null && userIds.Contains(c.AssigneeId.Value) && c.Status != ComplaintStatus.Closed)
            .GroupBy(c => c.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
