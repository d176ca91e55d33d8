using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Shared;
using SaasCrm.Service.Tickets;
using SaasCrm.Customers;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Workflow;

/// <summary>Tickets as workflows see them: the field catalogue, events, snapshot and the changes steps may make.</summary>
public sealed class TicketRecordType(
    PlatformDbContext db, ServiceAccess access, TicketWorkflowActions actions, CustomFieldService customFields, ICustomerDirectory customers,
    ServiceHistoryWriter history, TimeProvider clock) : IWorkflowRecordType
{
    private static readonly IReadOnlyList<WorkflowFieldDefinition> Catalogue =
    [
        new("title", WorkflowFieldType.Text, new("Title", "标题")),
        new("number", WorkflowFieldType.Text, new("Number", "工单号")),
        new("status", WorkflowFieldType.Status, new("Status", "状态"), Values: Enum.GetNames<TicketStatus>()),
        new("categoryCode", WorkflowFieldType.Dictionary, new("Category", "类别"), ServiceDictionaries.TicketCategory, Writable: true),
        new("priorityCode", WorkflowFieldType.Dictionary, new("Priority", "优先级"), ServiceDictionaries.TicketPriority, Writable: true),
        new("customerId", WorkflowFieldType.Text, new("Customer", "客户")),
        new("departmentId", WorkflowFieldType.Department, new("Team", "处理组"), Writable: true),
        new("assigneeId", WorkflowFieldType.User, new("Assignee", "处理人"), Writable: true),
        new("createdBy", WorkflowFieldType.User, new("Created by", "创建人")),
        new("responseDueAt", WorkflowFieldType.DateTime, new("First response due", "首次响应时限"), Writable: true),
        new("resolutionDueAt", WorkflowFieldType.DateTime, new("Resolution due", "解决时限"), Writable: true),
        new("firstRespondedAt", WorkflowFieldType.DateTime, new("First responded at", "首次响应时间")),
        new("createdAt", WorkflowFieldType.DateTime, new("Created at", "创建时间")),
        new("reopenCount", WorkflowFieldType.Number, new("Times reopened", "重开次数")),
        new("satisfactionRating", WorkflowFieldType.Number, new("Satisfaction rating", "满意度评分")),
        new("relatedRecordType", WorkflowFieldType.Text, new("Related record type", "关联单据类型")),
    ];

    private static readonly IReadOnlyList<WorkflowEventDefinition> EventList =
    [
        new(WorkflowEventNames.ReplyReceived, new("Agent answered", "客服已答复")),
        new(WorkflowEventNames.Claimed, new("Taken by an agent", "已被领取/接受"), ["userId"]),
        new(WorkflowEventNames.CustomerReplied, new("Customer replied", "客户已回复")),
    ];

    public string Name => ServiceRecordTypes.Ticket;
    public LocalizedText DisplayName => new("Ticket", "工单");
    public string? CustomFieldEntityType => ServiceRecordTypes.Ticket;
    public IReadOnlyList<WorkflowFieldDefinition> Fields => Catalogue;
    public IReadOnlyList<WorkflowEventDefinition> Events => EventList;

    public async Task<WorkflowRecordSnapshot?> LoadAsync(Guid recordId, CancellationToken ct)
    {
        var t = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == recordId, ct);
        if (t is null) return null;
        var values = new Dictionary<string, object?>
        {
            ["title"] = t.Title, ["number"] = t.Number, ["status"] = t.Status.ToString(), ["categoryCode"] = t.CategoryCode, ["priorityCode"] = t.PriorityCode,
            ["customerId"] = t.CustomerId.ToString(), ["departmentId"] = t.DepartmentId, ["assigneeId"] = t.AssigneeId, ["createdBy"] = t.CreatedBy,
            ["responseDueAt"] = t.ResponseDueAt, ["resolutionDueAt"] = t.ResolutionDueAt, ["firstRespondedAt"] = t.FirstRespondedAt, ["createdAt"] = t.CreatedAt,
            ["reopenCount"] = (decimal)t.ReopenCount, ["satisfactionRating"] = (decimal?)t.SatisfactionRating, ["relatedRecordType"] = t.RelatedRecordType,
        };
        foreach (var (name, value) in (await customFields.LoadAsync(Name, [t.Id], ct)).GetValueOrDefault(t.Id) ?? []) values["cf." + name] = value;
        var contact = await ServiceContactPoint.ResolveAsync(customers, t.CustomerId, t.ContactName, t.ContactEmail, t.ContactMobile, ct);
        return new WorkflowRecordSnapshot(t.Id, $"{t.Number} {t.Title}", values, t.AssigneeId, t.DepartmentId, t.CustomerId, contact);
    }

    public Task<bool> IsVisibleAsync(Guid recordId, CancellationToken ct) => access.IsVisibleAsync<Ticket>(recordId, ct);

    public async Task ApplyAsync(Guid recordId, WorkflowRecordChange change, CancellationToken ct)
    {
        var t = await db.Set<Ticket>().FirstOrDefaultAsync(x => x.Id == recordId, ct) ?? throw new EntityNotFoundException("Ticket", recordId);
        switch (change)
        {
            case SetRecordStatus s:
                if (!Enum.TryParse<TicketStatus>(s.Status, ignoreCase: true, out var status))
                    throw new BusinessException("ticket.status_unknown", $"'{s.Status}' is not a ticket status.", 400, "status");
                await actions.ChangeStatusAsync(t, status, s.Note, signal: false, ct);
                break;
            case AssignRecord a:
                await actions.AssignAsync(t, a.UserId ?? t.AssigneeId, a.DepartmentId ?? t.DepartmentId, keepDepartment: false, a.Reason, signal: false, ct);
                break;
            case SetRecordField f:
                SetField(t, f);
                break;
            default:
                throw new BusinessException("workflow.unsupported_change", $"Tickets do not support {change.GetType().Name}.");
        }
        t.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    private void SetField(Ticket t, SetRecordField f)
    {
        var change = (from: "", to: "");
        switch (f.Field)
        {
            case "responseDueAt": change = (Str(t.ResponseDueAt), Str(t.ResponseDueAt = RecordFieldValues.DateTime(f.Value, f.Field))); break;
            case "resolutionDueAt": change = (Str(t.ResolutionDueAt), Str(t.ResolutionDueAt = RecordFieldValues.DateTime(f.Value, f.Field))); break;
            case "categoryCode": change = (t.CategoryCode, t.CategoryCode = RecordFieldValues.Text(f.Value) ?? t.CategoryCode); break;
            case "priorityCode": change = (t.PriorityCode, t.PriorityCode = RecordFieldValues.Text(f.Value) ?? t.PriorityCode); break;
            case "departmentId": change = (Str(t.DepartmentId), Str(t.DepartmentId = RecordFieldValues.Guid(f.Value, f.Field))); break;
            case "assigneeId":
                var user = RecordFieldValues.Guid(f.Value, f.Field);
                change = (Str(t.AssigneeId), Str(user));
                t.AssigneeId = user;
                t.AssignedAt = user is null ? null : t.AssignedAt ?? clock.GetUtcNow().UtcDateTime;
                break;
            default: throw new BusinessException("workflow.field_not_writable", $"The ticket field '{f.Field}' cannot be set by a workflow.", 400, "field");
        }
        history.Add(Name, t.Id, "field", change.from, change.to, f.Field);
    }

    private static string Str(object? value) => value switch { DateTime d => d.ToString("O"), null => "", _ => value.ToString()! };

    public async Task<IReadOnlyDictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken cancellationToken) =>
        await db.Set<Ticket>().AsNoTracking().Where(x => recordIds.Contains(x.Id))
            .Select(x => new { x.Id, Title = x.Number + " " + x.Title }).ToDictionaryAsync(x => x.Id, x => x.Title, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, int>> CountOpenAssignedAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var open = TicketTransitions.OpenStatuses;
        return await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.AssigneeId != null && userIds.Contains(t.AssigneeId.Value) && open.Contains(t.Status))
            .GroupBy(t => t.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
