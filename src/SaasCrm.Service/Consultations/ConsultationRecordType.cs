using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Shared;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Consultations;

/// <summary>Consultations as workflows see them: the transfer template drives the deadline, escalation level, department and assignee.</summary>
public sealed class ConsultationRecordType(PlatformDbContext db, ConsultationAccess access, ServiceHistoryWriter history) : IWorkflowRecordType
{
    private static readonly IReadOnlyList<WorkflowFieldDefinition> Catalogue =
    [
        new("number", WorkflowFieldType.Text, new("Number", "咨询单号")),
        new("status", WorkflowFieldType.Status, new("Status", "状态"), Values: Enum.GetNames<ConsultationStatus>()),
        new("enquiryTypeCode", WorkflowFieldType.Dictionary, new("Enquiry type", "咨询类型"), ConsultationDictionaries.EnquiryType),
        new("productCategoryCode", WorkflowFieldType.Dictionary, new("Product category", "商品品类"), ServiceDictionaries.ProductCategory),
        new("brandCode", WorkflowFieldType.Dictionary, new("Brand", "品牌"), ServiceDictionaries.Brand),
        new("quantity", WorkflowFieldType.Number, new("Quantity", "咨询数量")),
        new("departmentId", WorkflowFieldType.Department, new("Responsible department", "责任部门"), Writable: true),
        new("assigneeId", WorkflowFieldType.User, new("Answered by", "答复人"), Writable: true),
        new("createdBy", WorkflowFieldType.User, new("Recorded by", "登记人")),
        new("deadline", WorkflowFieldType.DateTime, new("Answer deadline", "答复时限"), Writable: true),
        new("escalationLevel", WorkflowFieldType.Number, new("Escalation level", "升级级别"), Writable: true),
        new("createdAt", WorkflowFieldType.DateTime, new("Created at", "登记时间")),
    ];

    private static readonly IReadOnlyList<WorkflowEventDefinition> EventList =
    [
        new(WorkflowEventNames.ReplyReceived, new("Department answered", "责任部门已答复"), ["onTime"]),
    ];

    public string Name => ServiceRecordTypes.Consultation;
    public LocalizedText DisplayName => new("Consultation", "咨询");
    public string? CustomFieldEntityType => null;
    public IReadOnlyList<WorkflowFieldDefinition> Fields => Catalogue;
    public IReadOnlyList<WorkflowEventDefinition> Events => EventList;

    public async Task<WorkflowRecordSnapshot?> LoadAsync(Guid recordId, CancellationToken ct)
    {
        var c = await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == recordId, ct);
        if (c is null) return null;
        var values = new Dictionary<string, object?>
        {
            ["number"] = c.Number, ["status"] = c.Status.ToString(), ["enquiryTypeCode"] = c.EnquiryTypeCode, ["productCategoryCode"] = c.ProductCategoryCode,
            ["brandCode"] = c.BrandCode, ["quantity"] = (decimal)c.Quantity, ["departmentId"] = c.DepartmentId, ["assigneeId"] = c.AssigneeId,
            ["createdBy"] = c.CreatedBy, ["deadline"] = c.Deadline, ["escalationLevel"] = (decimal)c.EscalationLevel, ["createdAt"] = c.CreatedAt,
        };
        var title = c.Content.Length <= 60 ? c.Content : c.Content[..60] + "…";
        var contact = c.ContactName is null && c.ContactPhone is null ? null : new WorkflowContactPoint(c.ContactName ?? "", null, c.ContactPhone);
        return new WorkflowRecordSnapshot(c.Id, $"{c.Number} {title}", values, c.AssigneeId, c.DepartmentId, c.CustomerId, contact);
    }

    public Task<bool> IsVisibleAsync(Guid recordId, CancellationToken ct) => access.IsVisibleAsync(recordId, ct);

    public async Task ApplyAsync(Guid recordId, WorkflowRecordChange change, CancellationToken ct)
    {
        var c = await db.Set<Consultation>().FirstOrDefaultAsync(x => x.Id == recordId, ct) ?? throw new EntityNotFoundException(nameof(Consultation), recordId);
        switch (change)
        {
            case SetRecordStatus s:
                if (!Enum.TryParse<ConsultationStatus>(s.Status, ignoreCase: true, out var status))
                    throw new BusinessException("consultation.status_unknown", $"'{s.Status}' is not a consultation status.", 400, "status");
                history.Add(Name, c.Id, "status", c.Status.ToString(), status.ToString(), s.Note);
                c.Status = status;
                break;
            case AssignRecord a:
                // An escalation hands the consultation to the parent department: its head answers unless a user is named.
                var department = a.DepartmentId ?? c.DepartmentId;
                var assignee = a.UserId ?? (department != c.DepartmentId
                    ? await db.Departments.AsNoTracking().Where(d => d.Id == department).Select(d => d.HeadUserId).FirstOrDefaultAsync(ct) ?? c.AssigneeId
                    : c.AssigneeId);
                history.Add(Name, c.Id, "assigned", c.AssigneeId?.ToString(), assignee?.ToString(), a.Reason);
                c.DepartmentId = department;
                c.AssigneeId = assignee;
                break;
            case SetRecordField f:
                SetField(c, f);
                break;
            default:
                throw new BusinessException("workflow.unsupported_change", $"Consultations do not support {change.GetType().Name}.");
        }
        c.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    private void SetField(Consultation c, SetRecordField f)
    {
        string? before, after;
        switch (f.Field)
        {
            case "deadline": before = c.Deadline?.ToString("O"); c.Deadline = Workflow.RecordFieldValues.DateTime(f.Value, f.Field); after = c.Deadline?.ToString("O"); break;
            case "escalationLevel": before = c.EscalationLevel.ToString(); c.EscalationLevel = Workflow.RecordFieldValues.Int(f.Value, f.Field); after = c.EscalationLevel.ToString(); break;
            case "departmentId": before = c.DepartmentId?.ToString(); c.DepartmentId = Workflow.RecordFieldValues.Guid(f.Value, f.Field); after = c.DepartmentId?.ToString(); break;
            case "assigneeId": before = c.AssigneeId?.ToString(); c.AssigneeId = Workflow.RecordFieldValues.Guid(f.Value, f.Field); after = c.AssigneeId?.ToString(); break;
            default: throw new BusinessException("workflow.field_not_writable", $"The consultation field '{f.Field}' cannot be set by a workflow.", 400, "field");
        }
        history.Add(Name, c.Id, f.Field == "escalationLevel" ? "escalated" : "field", before, after, f.Field);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken cancellationToken) =>
        await db.Set<Consultation>().AsNoTracking().Where(x => recordIds.Contains(x.Id))
            .Select(x => new { x.Id, Title = x.Number }).ToDictionaryAsync(x => x.Id, x => x.Title, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, int>> CountOpenAssignedAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
        await db.Set<Consultation>().AsNoTracking()
            .Where(c => c.AssigneeId != null && userIds.Contains(c.AssigneeId.Value) && c.Status == ConsultationStatus.Transferred)
            .GroupBy(c => c.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
