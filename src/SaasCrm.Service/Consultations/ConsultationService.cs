using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Notifications;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Shared;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Consultations;

/// <summary>
/// The consultation use cases (V4): record (answered at once or not), transfer to a department (the workflow template keeps
/// the deadline), the department's answer (the originator is notified), the originator's reply to the customer.
/// One transaction each; workflow signals in the same unit of work.
/// </summary>
public sealed class ConsultationService(
    PlatformDbContext db,
    ConsultationAccess access,
    ServiceReferences references,
    IDictionaryLookup dictionaries,
    IPermissionChecker permissions,
    IWorkflowSignals signals,
    INotificationSender notifications,
    ServiceHistoryWriter history,
    TimeProvider clock)
{
    private const string Type = ServiceRecordTypes.Consultation;

    public async Task<Consultation> CreateAsync(CreateConsultationRequest r, CancellationToken ct)
    {
        if (r.CustomerId is { } customerId) await references.EnsureCustomerVisibleAsync(customerId, ct);
        await CheckDictionariesAsync(r.EnquiryTypeCode, r.ProductCategoryCode, r.BrandCode, null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var c = new Consultation
        {
            CustomerId = r.CustomerId, ContactName = Blank(r.ContactName), ContactPhone = Blank(r.ContactPhone), EnquiryTypeCode = r.EnquiryTypeCode,
            ProductCategoryCode = Blank(r.ProductCategoryCode), BrandCode = Blank(r.BrandCode), Quantity = r.Quantity, Content = r.Content.Trim(),
        };
        c.Number = ServiceNumbers.Next("Q", c.Id, now);
        db.Add(c);
        history.Add(Type, c.Id, "created", null, c.Status.ToString());
        if (Blank(r.Answer) is { } answer)
        {
            await dictionaries.EnsureSelectableAsync(ConsultationDictionaries.ReplyChannel, r.ReplyChannelCode, "replyChannelCode", null, ct);
            SetAnswer(c, answer, r.ReplyChannelCode, now);
            history.Add(Type, c.Id, "status", ConsultationStatus.Open.ToString(), c.Status.ToString(), "answered at once");
        }
        await signals.RecordCreatedAsync(Type, c.Id, ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<Consultation> UpdateAsync(Guid id, UpdateConsultationRequest r, CancellationToken ct)
    {
        var c = await GetOwnAsync(id, ct);
        if (r.CustomerId is { } customerId && customerId != c.CustomerId) await references.EnsureCustomerVisibleAsync(customerId, ct);
        await CheckDictionariesAsync(r.EnquiryTypeCode, r.ProductCategoryCode, r.BrandCode, c, ct);
        db.Entry(c).Property(x => x.ConcurrencyStamp).OriginalValue = r.ConcurrencyStamp;
        var changed = new List<string>();
        if (c.EnquiryTypeCode != r.EnquiryTypeCode) changed.Add("enquiryTypeCode");
        if (c.ProductCategoryCode != Blank(r.ProductCategoryCode)) changed.Add("productCategoryCode");
        if (c.BrandCode != Blank(r.BrandCode)) changed.Add("brandCode");
        c.CustomerId = r.CustomerId;
        c.ContactName = Blank(r.ContactName);
        c.ContactPhone = Blank(r.ContactPhone);
        c.EnquiryTypeCode = r.EnquiryTypeCode;
        c.ProductCategoryCode = Blank(r.ProductCategoryCode);
        c.BrandCode = Blank(r.BrandCode);
        c.Quantity = r.Quantity;
        c.Content = r.Content.Trim();
        c.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (changed.Count > 0) await signals.RecordUpdatedAsync(Type, c.Id, changed, ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>The agent tells the customer the answer: at once (open), or after the department answered.</summary>
    public async Task<Consultation> AnswerAsync(Guid id, AnswerConsultationRequest r, CancellationToken ct)
    {
        var c = await GetOwnAsync(id, ct);
        if (c.Status is not (ConsultationStatus.Open or ConsultationStatus.DepartmentAnswered))
            throw Conflict(c.Status, ConsultationStatus.Answered);
        await dictionaries.EnsureSelectableAsync(ConsultationDictionaries.ReplyChannel, r.ReplyChannelCode, "replyChannelCode", null, ct);
        var from = c.Status;
        SetAnswer(c, r.Content.Trim(), r.ReplyChannelCode, clock.GetUtcNow().UtcDateTime);
        await StatusAsync(c, from, from == ConsultationStatus.Open ? "answered at once" : "replied to the customer", ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<Consultation> TransferAsync(Guid id, TransferConsultationRequest r, CancellationToken ct)
    {
        var c = await GetOwnAsync(id, ct);
        if (c.Status is not (ConsultationStatus.Open or ConsultationStatus.Transferred)) throw Conflict(c.Status, ConsultationStatus.Transferred);
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == r.DepartmentId, ct)
                         ?? throw RequestValidationException.For("departmentId", "department.not_found", "The department does not exist.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (r.Deadline is { } due && due <= now)
            throw RequestValidationException.For("deadline", "consultation.deadline_past", "The deadline must be in the future.");
        var assignee = r.AssigneeId ?? department.HeadUserId;
        if (assignee is { } user) await references.EnsureUserAsync(user, "assigneeId", ct);
        var from = c.Status;
        var changed = new List<string>();
        if (c.DepartmentId != department.Id) changed.Add("departmentId");
        if (c.AssigneeId != assignee) changed.Add("assigneeId");
        if (c.Deadline != r.Deadline) changed.Add("deadline");
        history.Add(Type, c.Id, "transferred", c.DepartmentId?.ToString(), department.Name, r.Note);
        c.DepartmentId = department.Id;
        c.AssigneeId = assignee;
        c.Deadline = r.Deadline;
        c.TransferredAt = now;
        c.Status = ConsultationStatus.Transferred;
        c.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (from != c.Status) await StatusAsync(c, from, r.Note, ct);
        else if (changed.Count > 0) await signals.RecordUpdatedAsync(Type, c.Id, changed, ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>The responsible department answers; the originator is notified and replies to the customer.</summary>
    public async Task<Consultation> DepartmentAnswerAsync(Guid id, DepartmentAnswerRequest r, CancellationToken ct)
    {
        var c = await access.GetVisibleAsync(id, ct, tracking: true);
        var inDepartment = c.DepartmentId is { } d && await access.MyDepartments().ContainsAsync(d, ct);
        if (c.AssigneeId != access.Me && !inDepartment && !await permissions.IsGrantedAsync(ConsultationPermissions.Manage, ct))
            throw new BusinessException("consultation.not_responsible", "Only the department the consultation was transferred to can answer it.", 403);
        if (c.Status != ConsultationStatus.Transferred) throw Conflict(c.Status, ConsultationStatus.DepartmentAnswered);
        var now = clock.GetUtcNow().UtcDateTime;
        var onTime = c.Deadline is not { } deadline || now <= deadline;
        c.DepartmentAnswer = r.Content.Trim();
        c.DepartmentAnsweredBy = access.Me;
        c.DepartmentAnsweredAt = now;
        c.AnsweredOnTime = onTime;
        c.Status = ConsultationStatus.DepartmentAnswered;
        c.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await StatusAsync(c, ConsultationStatus.Transferred, onTime ? "answered in time" : "answered after the deadline", ct);
        await signals.EventAsync(Type, c.Id, WorkflowEventNames.ReplyReceived, new Dictionary<string, string?> { ["onTime"] = onTime ? "true" : "false" }, ct);
        if (c.CreatedBy is { } originator && originator != access.Me)
            await notifications.SendAsync(new NotificationMessage(originator, ConsultationsFeature.NotificationKind,
                $"Consultation {c.Number} answered / 咨询 {c.Number} 已答复", Cut(c.DepartmentAnswer, 500), $"/service/consultations/{c.Id}",
                NotificationChannels.InApp | NotificationChannels.Email, $"consultation-answered:{c.Id}:{now.Ticks}"), ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    private void SetAnswer(Consultation c, string answer, string? channel, DateTime now)
    {
        c.Answer = answer;
        c.ReplyChannelCode = Blank(channel);
        c.AnsweredBy = access.Me;
        c.AnsweredAt = now;
        c.Status = ConsultationStatus.Answered;
        c.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    private async Task StatusAsync(Consultation c, ConsultationStatus from, string? note, CancellationToken ct)
    {
        history.Add(Type, c.Id, "status", from.ToString(), c.Status.ToString(), note);
        await signals.StatusChangedAsync(Type, c.Id, from.ToString(), c.Status.ToString(), ct);
    }

    private async Task CheckDictionariesAsync(string type, string? category, string? brand, Consultation? current, CancellationToken ct)
    {
        await dictionaries.EnsureSelectableAsync(ConsultationDictionaries.EnquiryType, type, "enquiryTypeCode", current?.EnquiryTypeCode, ct);
        await dictionaries.EnsureSelectableAsync(ServiceDictionaries.ProductCategory, Blank(category), "productCategoryCode", current?.ProductCategoryCode, ct);
        await dictionaries.EnsureSelectableAsync(ServiceDictionaries.Brand, Blank(brand), "brandCode", current?.BrandCode, ct);
    }

    /// <summary>Editing, transferring and replying belong to the originator or to whoever manages consultations.</summary>
    private async Task<Consultation> GetOwnAsync(Guid id, CancellationToken ct)
    {
        var c = await access.GetVisibleAsync(id, ct, tracking: true);
        if (c.CreatedBy != access.Me && !await permissions.IsGrantedAsync(ConsultationPermissions.Manage, ct))
            throw new BusinessException("consultation.not_allowed", "Only the agent who recorded this consultation can do this.", 403);
        return c;
    }

    private static BusinessException Conflict(ConsultationStatus from, ConsultationStatus to) =>
        new("consultation.invalid_transition", $"A consultation that is {from} cannot become {to}.", 409, "status") { Detail = $"{from}->{to}" };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
