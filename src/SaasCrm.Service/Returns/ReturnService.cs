using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Notifications;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Shared;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Returns;

/// <summary>
/// Return and compensation entries (V5): draft → submitted (the "return" workflow names the approver) → approved or rejected
/// (by the approver, which the workflow hears as "ApprovalDecided") → completed. One transaction each.
/// </summary>
public sealed class ReturnService(
    PlatformDbContext db,
    ReturnAccess access,
    ServiceReferences references,
    IDictionaryLookup dictionaries,
    IPermissionChecker permissions,
    IWorkflowSignals signals,
    INotificationSender notifications,
    ServiceHistoryWriter history,
    TimeProvider clock)
{
    public const string ApprovalDecided = "ApprovalDecided";
    private const string Type = ServiceRecordTypes.Return;

    public async Task<ReturnEntry> CreateAsync(ReturnEntryRequest r, CancellationToken ct)
    {
        await CheckReferencesAsync(r, null, ct);
        var entry = new ReturnEntry { Kind = r.Kind };
        entry.Number = ServiceNumbers.Next("R", entry.Id, clock.GetUtcNow().UtcDateTime);
        Apply(entry, r);
        db.Add(entry);
        history.Add(Type, entry.Id, "created", null, entry.Status.ToString(), entry.Kind.ToString());
        await signals.RecordCreatedAsync(Type, entry.Id, ct);
        if (r.Submit) await SubmitAsync(entry, ct);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Drafts and rejected entries can be corrected (a rejected one is then submitted again).</summary>
    public async Task<ReturnEntry> UpdateAsync(Guid id, ReturnEntryRequest r, CancellationToken ct)
    {
        var entry = await GetOwnAsync(id, ct);
        if (entry.Status is not (ReturnStatus.Draft or ReturnStatus.Rejected))
            throw new BusinessException("return.not_editable", $"An entry that is {entry.Status} cannot be changed.", 409, "status");
        if (r.Kind != entry.Kind) throw RequestValidationException.For("kind", "return.kind_fixed", "The kind of an entry cannot change.");
        if (string.IsNullOrEmpty(r.ConcurrencyStamp)) throw RequestValidationException.For("concurrencyStamp", "concurrency_stamp_required", "The concurrency stamp is required.");
        await CheckReferencesAsync(r, entry, ct);
        db.Entry(entry).Property(x => x.ConcurrencyStamp).OriginalValue = r.ConcurrencyStamp;
        Apply(entry, r);
        entry.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await signals.RecordUpdatedAsync(Type, entry.Id, ["amount", "departmentId", "reasonCode"], ct);
        if (r.Submit) await SubmitAsync(entry, ct);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public async Task<ReturnEntry> SubmitAsync(Guid id, CancellationToken ct)
    {
        var entry = await GetOwnAsync(id, ct);
        await SubmitAsync(entry, ct);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public async Task<ReturnEntry> DecideAsync(Guid id, bool approve, ReturnDecisionRequest r, CancellationToken ct)
    {
        var entry = await access.GetVisibleAsync(id, ct, tracking: true);
        var me = access.Me;
        if (entry.ApproverId != me && !await permissions.IsGrantedAsync(ReturnPermissions.Approve, ct))
            throw new BusinessException("return.not_approver", "Only the approver of this entry can decide on it.", 403);
        if (entry.CreatedBy == me)
            throw new BusinessException("return.self_approval", "An entry cannot be approved or rejected by the person who recorded it.", 403);
        if (entry.Status != ReturnStatus.Submitted)
            throw new BusinessException("return.invalid_transition", $"An entry that is {entry.Status} cannot be {(approve ? "approved" : "rejected")}.", 409, "status")
                { Detail = $"{entry.Status}->{(approve ? ReturnStatus.Approved : ReturnStatus.Rejected)}" };
        var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        if (!approve && note is null) throw RequestValidationException.For("note", "return.reason_required", "Say why the entry is rejected.");
        var now = clock.GetUtcNow().UtcDateTime;
        entry.DecidedBy = me;
        entry.DecidedAt = now;
        entry.DecisionNote = note;
        await ChangeStatusAsync(entry, approve ? ReturnStatus.Approved : ReturnStatus.Rejected, note, ct);
        await signals.EventAsync(Type, entry.Id, ApprovalDecided, new Dictionary<string, string?> { ["approved"] = approve ? "true" : "false" }, ct);
        if (entry.CreatedBy is { } recorder)
            await notifications.SendAsync(new NotificationMessage(recorder, ReturnsFeature.NotificationKind,
                approve ? $"Return entry {entry.Number} approved / 退换货登记 {entry.Number} 已批准" : $"Return entry {entry.Number} rejected / 退换货登记 {entry.Number} 被驳回",
                note, $"/service/returns/{entry.Id}", NotificationChannels.InApp, $"return-decided:{entry.Id}:{now.Ticks}"), ct);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public async Task<ReturnEntry> CompleteAsync(Guid id, CancellationToken ct)
    {
        var entry = await GetOwnAsync(id, ct);
        if (entry.Status != ReturnStatus.Approved)
            throw new BusinessException("return.invalid_transition", $"Only approved entries are completed; this one is {entry.Status}.", 409, "status") { Detail = $"{entry.Status}->Completed" };
        entry.CompletedAt = clock.GetUtcNow().UtcDateTime;
        await ChangeStatusAsync(entry, ReturnStatus.Completed, null, ct);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    private async Task SubmitAsync(ReturnEntry entry, CancellationToken ct)
    {
        if (entry.Status is not (ReturnStatus.Draft or ReturnStatus.Rejected))
            throw new BusinessException("return.invalid_transition", $"An entry that is {entry.Status} cannot be submitted.", 409, "status") { Detail = $"{entry.Status}->Submitted" };
        entry.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        entry.ApproverId = null;
        entry.DecidedAt = null;
        entry.DecidedBy = null;
        entry.DecisionNote = null;
        await ChangeStatusAsync(entry, ReturnStatus.Submitted, null, ct);
    }

    private async Task ChangeStatusAsync(ReturnEntry entry, ReturnStatus to, string? note, CancellationToken ct)
    {
        var from = entry.Status;
        entry.Status = to;
        entry.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        history.Add(Type, entry.Id, "status", from.ToString(), to.ToString(), note);
        await signals.StatusChangedAsync(Type, entry.Id, from.ToString(), to.ToString(), ct);
    }

    private static void Apply(ReturnEntry e, ReturnEntryRequest r)
    {
        e.DepartmentId = r.DepartmentId;
        e.CustomerId = r.CustomerId;
        e.CustomerName = Blank(r.CustomerName);
        e.CustomerPhone = Blank(r.CustomerPhone);
        e.Address = Blank(r.Address);
        e.OrderNumber = Blank(r.OrderNumber);
        e.ProductCode = Blank(r.ProductCode);
        e.ProductName = Blank(r.ProductName);
        e.ProductCategoryCode = Blank(r.ProductCategoryCode);
        e.BrandCode = Blank(r.BrandCode);
        e.Quantity = r.Quantity;
        e.Amount = r.Amount;
        e.CurrencyCode = r.CurrencyCode ?? "CNY";
        e.PurchaseDate = r.PurchaseDate;
        e.PickupMethodCode = Blank(r.PickupMethodCode);
        e.ResultCode = Blank(r.ResultCode);
        e.ReasonCode = Blank(r.ReasonCode);
        e.CoordinationMatter = Blank(r.CoordinationMatter);
        e.Remark = Blank(r.Remark);
    }

    private async Task CheckReferencesAsync(ReturnEntryRequest r, ReturnEntry? current, CancellationToken ct)
    {
        if (r.CustomerId is { } customer && customer != current?.CustomerId) await references.EnsureCustomerVisibleAsync(customer, ct);
        await references.EnsureDepartmentAsync(r.DepartmentId, "departmentId", ct);
        await dictionaries.EnsureSelectableAsync(ServiceDictionaries.ProductCategory, Blank(r.ProductCategoryCode), "productCategoryCode", current?.ProductCategoryCode, ct);
        await dictionaries.EnsureSelectableAsync(ServiceDictionaries.Brand, Blank(r.BrandCode), "brandCode", current?.BrandCode, ct);
        await dictionaries.EnsureSelectableAsync(ReturnDictionaries.PickupMethod, Blank(r.PickupMethodCode), "pickupMethodCode", current?.PickupMethodCode, ct);
        await dictionaries.EnsureSelectableAsync(ReturnDictionaries.Result, Blank(r.ResultCode), "resultCode", current?.ResultCode, ct);
        await dictionaries.EnsureSelectableAsync(ReturnKindRules.ReasonDictionary(r.Kind), Blank(r.ReasonCode), "reasonCode", current?.ReasonCode, ct);
    }

    /// <summary>Editing, submitting and completing belong to the recorder or to whoever manages returns.</summary>
    private async Task<ReturnEntry> GetOwnAsync(Guid id, CancellationToken ct)
    {
        var entry = await access.GetVisibleAsync(id, ct, tracking: true);
        if (entry.CreatedBy != access.Me && !await permissions.IsGrantedAsync(ReturnPermissions.Manage, ct))
            throw new BusinessException("return.not_allowed", "Only the person who recorded this entry can do this.", 403);
        return entry;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
