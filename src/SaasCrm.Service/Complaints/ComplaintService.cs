using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Shared;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Complaints;

/// <summary>
/// The complaint use cases (V3): record, transfer to the responsible department, its reply (on time or not against the
/// deadline), the return visit that closes or reopens it. One transaction each, workflow signals in the same unit of work.
/// </summary>
public sealed class ComplaintService(
    PlatformDbContext db,
    ServiceAccess access,
    ServiceReferences references,
    IDictionaryLookup dictionaries,
    CustomFieldService customFields,
    IPermissionChecker permissions,
    IWorkflowSignals signals,
    ComplaintWorkflowActions actions,
    ServiceHistoryWriter history,
    TimeProvider clock)
{
    public async Task<Complaint> CreateAsync(CreateComplaintRequest r, CancellationToken ct)
    {
        await references.EnsureCustomerVisibleAsync(r.CustomerId, ct);
        await CheckDictionariesAsync(r.TypeCode, r.SeverityCode, r.ProductCategoryCode, r.BrandCode, null, ct);
        await references.EnsureDepartmentAsync(r.DepartmentId, "departmentId", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var complaint = new Complaint
        {
            CustomerId = r.CustomerId, Title = r.Title.Trim(), Content = r.Content, TypeCode = r.TypeCode, SeverityCode = r.SeverityCode,
            ProductCategoryCode = r.ProductCategoryCode, BrandCode = r.BrandCode, DepartmentId = r.DepartmentId,
            ContactId = r.ContactId, ContactName = r.ContactName, ContactMobile = r.ContactMobile, ContactEmail = r.ContactEmail,
        };
        complaint.Number = ServiceNumbers.Next("C", complaint.Id, now);
        db.Add(complaint);
        await customFields.SaveAsync(ServiceRecordTypes.Complaint, complaint.Id, r.CustomFields, isCreate: true, ct);
        history.Add(ServiceRecordTypes.Complaint, complaint.Id, "created", null, complaint.Status.ToString());
        await signals.RecordCreatedAsync(ServiceRecordTypes.Complaint, complaint.Id, ct);
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    public async Task<Complaint> UpdateAsync(Guid id, UpdateComplaintRequest r, CancellationToken ct)
    {
        var complaint = await GetManageableAsync(id, ct);
        await CheckDictionariesAsync(r.TypeCode, r.SeverityCode, r.ProductCategoryCode, r.BrandCode, complaint, ct);
        db.Entry(complaint).Property(c => c.ConcurrencyStamp).OriginalValue = r.ConcurrencyStamp;
        var changed = new List<string>();
        void Track<T>(string field, T before, T after) { if (!EqualityComparer<T>.Default.Equals(before, after)) changed.Add(field); }
        Track("title", complaint.Title, r.Title.Trim());
        Track("typeCode", complaint.TypeCode, r.TypeCode);
        Track("severityCode", complaint.SeverityCode, r.SeverityCode);
        Track("productCategoryCode", complaint.ProductCategoryCode, r.ProductCategoryCode);
        Track("brandCode", complaint.BrandCode, r.BrandCode);
        Track("deadline", complaint.Deadline, r.Deadline);
        complaint.Title = r.Title.Trim();
        complaint.Content = r.Content;
        complaint.TypeCode = r.TypeCode;
        complaint.SeverityCode = r.SeverityCode;
        complaint.ProductCategoryCode = r.ProductCategoryCode;
        complaint.BrandCode = r.BrandCode;
        complaint.ContactId = r.ContactId;
        complaint.ContactName = r.ContactName;
        complaint.ContactMobile = r.ContactMobile;
        complaint.ContactEmail = r.ContactEmail;
        complaint.Deadline = r.Deadline;
        complaint.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (r.CustomFields is { Count: > 0 })
        {
            await customFields.SaveAsync(ServiceRecordTypes.Complaint, complaint.Id, r.CustomFields, isCreate: false, ct);
            changed.AddRange(r.CustomFields.Keys.Select(k => "cf." + k));
        }
        if (changed.Count > 0) await signals.RecordUpdatedAsync(ServiceRecordTypes.Complaint, complaint.Id, changed, ct);
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    public async Task<Complaint> TransferAsync(Guid id, TransferComplaintRequest r, CancellationToken ct)
    {
        var complaint = await GetManageableAsync(id, ct);
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == r.DepartmentId, ct)
                         ?? throw RequestValidationException.For("departmentId", "department.not_found", "The department does not exist.");
        var assignee = r.AssigneeId ?? department.HeadUserId;
        if (assignee is { } user) await references.EnsureUserAsync(user, "assigneeId", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new ComplaintAction
        {
            ComplaintId = id, Kind = ComplaintActionKind.Transfer, Round = complaint.Round, FromDepartmentId = complaint.DepartmentId, FromUserId = access.Me,
            ToDepartmentId = department.Id, Content = r.Note ?? "", At = now, Deadline = r.Deadline ?? complaint.Deadline,
        });
        await actions.ChangeStatusAsync(complaint, ComplaintStatus.Transferred, r.Note, signal: true, ct);
        await actions.AssignAsync(complaint, assignee, department.Id, r.Note ?? "transferred", signal: true, ct);
        if (r.Deadline is { } deadline && deadline != complaint.Deadline)
        {
            complaint.Deadline = deadline;
            await signals.RecordUpdatedAsync(ServiceRecordTypes.Complaint, id, ["deadline"], ct);
        }
        complaint.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    /// <summary>The responsible department answers: a reply row measured against the deadline, status Replied, "ReplyReceived" for the workflow.</summary>
    public async Task<Complaint> ReplyAsync(Guid id, ReplyComplaintRequest r, CancellationToken ct)
    {
        var complaint = await access.GetVisibleAsync<Complaint>(id, ct, tracking: true);
        var me = access.Me;
        var inDepartment = complaint.DepartmentId is { } d && await access.MyDepartments().ContainsAsync(d, ct);
        if (complaint.AssigneeId != me && !inDepartment && !await permissions.IsGrantedAsync(ServicePermissions.ComplaintsManage, ct))
            throw new BusinessException("complaint.not_responsible", "Only the responsible department can reply to this complaint.", 403);
        if (!ComplaintTransitions.CanReply(complaint.Status))
            throw new BusinessException("complaint.invalid_transition", $"A complaint that is {complaint.Status} cannot be replied to.", 409, "status") { Detail = $"{complaint.Status}->Replied" };
        var now = clock.GetUtcNow().UtcDateTime;
        var lastTransfer = await db.Set<ComplaintAction>().AsNoTracking()
            .Where(a => a.ComplaintId == id && a.Kind == ComplaintActionKind.Transfer).OrderByDescending(a => a.At).FirstOrDefaultAsync(ct);
        var onTime = ComplaintStatisticsMath.IsOnTime(now, complaint.Deadline);
        db.Add(new ComplaintAction
        {
            ComplaintId = id, Kind = ComplaintActionKind.Reply, Round = complaint.Round, FromDepartmentId = complaint.DepartmentId, FromUserId = me,
            ToDepartmentId = lastTransfer?.FromDepartmentId, Content = r.Content, At = now, Deadline = complaint.Deadline, OnTime = onTime,
        });
        complaint.LastRepliedAt = now;
        await actions.ChangeStatusAsync(complaint, ComplaintStatus.Replied, onTime ? "replied in time" : "replied after the deadline", signal: true, ct);
        complaint.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await signals.EventAsync(ServiceRecordTypes.Complaint, id, WorkflowEventNames.ReplyReceived,
            new Dictionary<string, string?> { ["onTime"] = onTime ? "true" : "false" }, ct);
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    /// <summary>
    /// The call back to the customer: satisfied closes the complaint, unsatisfied reopens it and starts the next round.
    /// This rule holds without any workflow; the workflow hears "ReturnVisitRecorded" (satisfied, rating) and escalates.
    /// </summary>
    public async Task<Complaint> RecordReturnVisitAsync(Guid id, RecordReturnVisitRequest r, CancellationToken ct)
    {
        var complaint = await GetManageableAsync(id, ct);
        if (!ComplaintTransitions.CanReturnVisit(complaint.Status))
            throw new BusinessException("complaint.no_reply_yet", $"A return visit follows the department's reply; this complaint is {complaint.Status}.", 409, "status");
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new ReturnVisit { ComplaintId = id, Round = complaint.Round, VisitorId = access.Me, At = r.At ?? now, Satisfied = r.Satisfied, Rating = r.Rating, Comment = r.Comment });
        var (status, round) = ComplaintTransitions.AfterReturnVisit(complaint.Round, r.Satisfied);
        complaint.SatisfactionRating = r.Rating;
        complaint.Satisfied = r.Satisfied;
        var changed = new List<string> { "satisfactionRating" };
        if (round != complaint.Round)
        {
            complaint.Round = round;
            changed.Add("round");
        }
        history.Add(ServiceRecordTypes.Complaint, id, "returnVisit", null, r.Satisfied ? "satisfied" : "unsatisfied", $"{r.Rating}/5 {r.Comment}".Trim());
        await actions.ChangeStatusAsync(complaint, status, r.Satisfied ? "customer satisfied" : "customer not satisfied", signal: true, ct);
        complaint.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await signals.RecordUpdatedAsync(ServiceRecordTypes.Complaint, id, changed, ct);
        await signals.EventAsync(ServiceRecordTypes.Complaint, id, WorkflowEventNames.ReturnVisitRecorded, new Dictionary<string, string?>
        {
            ["satisfied"] = r.Satisfied ? "true" : "false",
            ["rating"] = r.Rating.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, ct);
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    public async Task<Complaint> ChangeStatusAsync(Guid id, ChangeComplaintStatusRequest r, CancellationToken ct)
    {
        var complaint = await GetManageableAsync(id, ct);
        if (r.Status is not (ComplaintStatus.ReturnVisitPending or ComplaintStatus.Closed or ComplaintStatus.Reopened))
            throw RequestValidationException.For("status", "complaint.use_action", "Use transfer, reply or return visit for this change.");
        if (complaint.Status == r.Status)
            throw new BusinessException("complaint.invalid_transition", $"The complaint is already {r.Status}.", 409, "status") { Detail = $"{r.Status}->{r.Status}" };
        await actions.ChangeStatusAsync(complaint, r.Status, r.Note, signal: true, ct);
        complaint.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    private async Task CheckDictionariesAsync(string type, string severity, string? productCategory, string? brand, Complaint? current, CancellationToken ct)
    {
        await dictionaries.EnsureSelectableAsync(ServiceDictionaries.ComplaintType, type, "typeCode", current?.TypeCode, ct);
        await dictionaries.EnsureSelectableAsync(ServiceDictionaries.ComplaintSeverity, severity, "severityCode", current?.SeverityCode, ct);
        await dictionaries.EnsureSelectableAsync(ServiceDictionaries.ProductCategory, productCategory, "productCategoryCode", current?.ProductCategoryCode, ct);
        await dictionaries.EnsureSelectableAsync(ServiceDictionaries.Brand, brand, "brandCode", current?.BrandCode, ct);
    }

    /// <summary>Transfers, edits, return visits and closing belong to the service desk (Service.Complaints.Manage) or the complaint's creator.</summary>
    private async Task<Complaint> GetManageableAsync(Guid id, CancellationToken ct)
    {
        var complaint = await access.GetVisibleAsync<Complaint>(id, ct, tracking: true);
        if (complaint.CreatedBy != access.Me && !await permissions.IsGrantedAsync(ServicePermissions.ComplaintsManage, ct))
            throw new BusinessException("complaint.not_allowed", "Only the service desk can change this complaint.", 403);
        return complaint;
    }
}
