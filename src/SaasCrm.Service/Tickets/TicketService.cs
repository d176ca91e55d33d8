using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Shared;
using SaasCrm.Workflows;

namespace SaasCrm.Service.Tickets;

/// <summary>The ticket use cases: one transaction each, workflow signals in the same unit of work.</summary>
public sealed class TicketService(
    PlatformDbContext db,
    ServiceAccess access,
    ServiceReferences references,
    IDictionaryLookup dictionaries,
    CustomFieldService customFields,
    IPermissionChecker permissions,
    IWorkflowSignals signals,
    TicketWorkflowActions actions,
    ServiceHistoryWriter history,
    IFileStore files,
    ICurrentTenant tenant,
    TimeProvider clock)
{
    public const string AttachmentPurpose = "ticket-attachment";

    public async Task<Ticket> CreateAsync(CreateTicketRequest r, CancellationToken ct)
    {
        await references.EnsureCustomerVisibleAsync(r.CustomerId, ct);
        return await CreateForCheckedCustomerAsync(r, ct);
    }

    /// <summary>
    /// Creates a ticket for a customer the caller has already been checked against (staff: visibility above;
    /// portals: the account's own or assigned customer), so numbering, history, signals and SLA are the same.
    /// </summary>
    public async Task<Ticket> CreateForCheckedCustomerAsync(CreateTicketRequest r, CancellationToken ct)
    {
        await dictionaries.EnsureSelectableAsync(ServiceDictionaries.TicketCategory, r.CategoryCode, "categoryCode", cancellationToken: ct);
        await dictionaries.EnsureSelectableAsync(ServiceDictionaries.TicketPriority, r.PriorityCode, "priorityCode", cancellationToken: ct);
        await references.EnsureDepartmentAsync(r.DepartmentId, "departmentId", ct);
        if (r.AssigneeId is not null)
        {
            if (r.AssigneeId != access.Me && !await permissions.IsGrantedAsync(ServicePermissions.TicketsAssign, ct))
                throw new BusinessException("ticket.assign_not_allowed", "Only dispatchers may assign tickets to others.", 403, "assigneeId");
            await references.EnsureUserAsync(r.AssigneeId.Value, "assigneeId", ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var ticket = new Ticket
        {
            CustomerId = r.CustomerId, Title = r.Title.Trim(), Description = r.Description, CategoryCode = r.CategoryCode, PriorityCode = r.PriorityCode,
            ContactId = r.ContactId, ContactName = r.ContactName, ContactMobile = r.ContactMobile, ContactEmail = r.ContactEmail,
            RelatedRecordType = r.RelatedRecordType, RelatedRecordId = r.RelatedRecordId, DepartmentId = r.DepartmentId,
        };
        ticket.Number = ServiceNumbers.Next("T", ticket.Id, now);
        if (r.AssigneeId is { } assignee)
        {
            ticket.AssigneeId = assignee;
            ticket.AssignedAt = now;
            ticket.Status = TicketStatus.Assigned;
        }
        db.Add(ticket);
        await customFields.SaveAsync(ServiceRecordTypes.Ticket, ticket.Id, r.CustomFields, isCreate: true, ct);
        foreach (var fileId in (r.AttachmentFileIds ?? []).Distinct()) await AttachAsync(ticket.Id, fileId, now, ct);
        history.Add(ServiceRecordTypes.Ticket, ticket.Id, "created", null, ticket.Status.ToString());
        await signals.RecordCreatedAsync(ServiceRecordTypes.Ticket, ticket.Id, ct);
        await db.SaveChangesAsync(ct);
        return ticket;
    }

    public async Task<Ticket> UpdateAsync(Guid id, UpdateTicketRequest r, CancellationToken ct)
    {
        var ticket = await GetWorkableAsync(id, ct);
        await dictionaries.EnsureSelectableAsync(ServiceDictionaries.TicketCategory, r.CategoryCode, "categoryCode", ticket.CategoryCode, ct);
        await dictionaries.EnsureSelectableAsync(ServiceDictionaries.TicketPriority, r.PriorityCode, "priorityCode", ticket.PriorityCode, ct);
        if (r.DepartmentId != ticket.DepartmentId) await references.EnsureDepartmentAsync(r.DepartmentId, "departmentId", ct);
        db.Entry(ticket).Property(t => t.ConcurrencyStamp).OriginalValue = r.ConcurrencyStamp;

        var changed = new List<string>();
        void Track<T>(string field, T before, T after) { if (!EqualityComparer<T>.Default.Equals(before, after)) changed.Add(field); }
        Track("title", ticket.Title, r.Title.Trim());
        Track("categoryCode", ticket.CategoryCode, r.CategoryCode);
        Track("priorityCode", ticket.PriorityCode, r.PriorityCode);
        Track("departmentId", ticket.DepartmentId, r.DepartmentId);
        Track("description", ticket.Description, r.Description);
        ticket.Title = r.Title.Trim();
        ticket.Description = r.Description;
        ticket.CategoryCode = r.CategoryCode;
        ticket.PriorityCode = r.PriorityCode;
        ticket.ContactId = r.ContactId;
        ticket.ContactName = r.ContactName;
        ticket.ContactMobile = r.ContactMobile;
        ticket.ContactEmail = r.ContactEmail;
        ticket.RelatedRecordType = r.RelatedRecordType;
        ticket.RelatedRecordId = r.RelatedRecordId;
        ticket.DepartmentId = r.DepartmentId;
        ticket.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (r.CustomFields is { Count: > 0 })
        {
            await customFields.SaveAsync(ServiceRecordTypes.Ticket, ticket.Id, r.CustomFields, isCreate: false, ct);
            changed.AddRange(r.CustomFields.Keys.Select(k => "cf." + k));
        }
        if (changed.Count > 0) await signals.RecordUpdatedAsync(ServiceRecordTypes.Ticket, ticket.Id, changed, ct);
        await db.SaveChangesAsync(ct);
        return ticket;
    }

    public Task<Ticket> ChangeStatusAsync(Guid id, ChangeTicketStatusRequest r, CancellationToken ct) =>
        r.ConcurrencyStamp is null ? OnLatestAsync(() => ChangeStatusOnceAsync(id, r, ct)) : ChangeStatusOnceAsync(id, r, ct);

    private async Task<Ticket> ChangeStatusOnceAsync(Guid id, ChangeTicketStatusRequest r, CancellationToken ct)
    {
        var ticket = await GetWorkableAsync(id, ct);
        if (r.ConcurrencyStamp is not null) db.Entry(ticket).Property(t => t.ConcurrencyStamp).OriginalValue = r.ConcurrencyStamp;
        if (ticket.Status == r.Status)
            throw new BusinessException("ticket.invalid_transition", $"The ticket is already {r.Status}.", 409, "status") { Detail = $"{r.Status}->{r.Status}" };
        if (r.Status is TicketStatus.Assigned or TicketStatus.New)
            throw RequestValidationException.For("status", "ticket.use_assign", "Use assign or grab to change who works on the ticket.");
        if (r.Status == TicketStatus.InProgress && ticket.AssigneeId is null)
            throw new BusinessException("ticket.no_assignee", "Take or assign the ticket before working on it.", 409, "status");
        await actions.ChangeStatusAsync(ticket, r.Status, r.Note, signal: true, ct);
        ticket.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return ticket;
    }

    /// <summary>The assignee accepts the ticket and starts working on it (Assigned → InProgress): the workflow hears "Claimed".</summary>
    public Task<Ticket> AcceptAsync(Guid id, CancellationToken ct) => OnLatestAsync(() => AcceptOnceAsync(id, ct));

    private async Task<Ticket> AcceptOnceAsync(Guid id, CancellationToken ct)
    {
        var ticket = await access.GetVisibleAsync<Ticket>(id, ct, tracking: true);
        if (ticket.AssigneeId != access.Me)
            throw new BusinessException("ticket.not_assignee", "Only the assignee can accept this ticket.", 409);
        if (ticket.Status != TicketStatus.Assigned)
            throw new BusinessException("ticket.invalid_transition", $"Only an assigned ticket can be accepted; this one is {ticket.Status}.", 409, "status") { Detail = $"{ticket.Status}->InProgress" };
        await actions.ChangeStatusAsync(ticket, TicketStatus.InProgress, "accepted", signal: true, ct);
        ticket.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await signals.EventAsync(ServiceRecordTypes.Ticket, ticket.Id, WorkflowEventNames.Claimed, new Dictionary<string, string?> { ["userId"] = access.Me.ToString() }, ct);
        await db.SaveChangesAsync(ct);
        return ticket;
    }

    /// <summary>
    /// Takes an unassigned ticket from the team queue. The conditional update lets exactly one of several agents
    /// grabbing at once win; the others get 409 <c>ticket.already_taken</c>.
    /// </summary>
    public async Task<Ticket> GrabAsync(Guid id, CancellationToken ct)
    {
        Ticket visible;
        try { visible = await access.GetVisibleAsync<Ticket>(id, ct); }
        catch (EntityNotFoundException)
        {
            // Taken by a teammate a moment ago: it left the queue the caller saw, so say so instead of "not found".
            var myDepartments = access.MyDepartments();
            if (await db.Set<Ticket>().AnyAsync(t => t.Id == id && t.DepartmentId != null && myDepartments.Contains(t.DepartmentId.Value), ct)) throw AlreadyTaken();
            throw;
        }
        if (visible.AssigneeId is not null || visible.Status != TicketStatus.New) throw AlreadyTaken();
        var me = access.Me;
        var tenantId = tenant.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = Guid.NewGuid().ToString("N");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var won = await db.Set<Ticket>()
            .Where(t => t.TenantId == tenantId && t.Id == id && t.AssigneeId == null && t.Status == TicketStatus.New)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.AssigneeId, me)
                .SetProperty(t => t.AssignedAt, now)
                .SetProperty(t => t.Status, TicketStatus.InProgress)
                .SetProperty(t => t.ConcurrencyStamp, stamp)
                .SetProperty(t => t.ModifiedAt, now)
                .SetProperty(t => t.ModifiedBy, me), ct);
        if (won != 1) throw AlreadyTaken();
        history.Add(ServiceRecordTypes.Ticket, id, "claimed", null, me.ToString(), "grabbed from the queue");
        history.Add(ServiceRecordTypes.Ticket, id, "status", nameof(TicketStatus.New), nameof(TicketStatus.InProgress));
        await signals.StatusChangedAsync(ServiceRecordTypes.Ticket, id, nameof(TicketStatus.New), nameof(TicketStatus.InProgress), ct);
        await signals.RecordUpdatedAsync(ServiceRecordTypes.Ticket, id, ["assigneeId"], ct);
        await signals.EventAsync(ServiceRecordTypes.Ticket, id, WorkflowEventNames.Claimed, new Dictionary<string, string?> { ["userId"] = me.ToString() }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await db.Set<Ticket>().AsNoTracking().FirstAsync(t => t.Id == id, ct);
    }

    /// <summary>
    /// Commands that carry no stamp from the caller act on the ticket as it is now: when a concurrent write lands
    /// between their read and their save (most often the assignment workflow on a ticket just created), they read it
    /// again and re-apply, instead of answering 409 to someone who never saw an older version.
    /// </summary>
    private async Task<T> OnLatestAsync<T>(Func<Task<T>> command)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await command();
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static BusinessException AlreadyTaken() =>
        new("ticket.already_taken", "Someone else has already taken this ticket.", 409);

    public Task<Ticket> AssignAsync(Guid id, AssignTicketRequest r, CancellationToken ct) => OnLatestAsync(() => AssignOnceAsync(id, r, ct));

    private async Task<Ticket> AssignOnceAsync(Guid id, AssignTicketRequest r, CancellationToken ct)
    {
        var ticket = await access.GetVisibleAsync<Ticket>(id, ct, tracking: true);
        if (!TicketTransitions.IsOpen(ticket.Status))
            throw new BusinessException("ticket.closed", "A resolved or closed ticket cannot be reassigned; reopen it first.", 409);
        if (r.AssigneeId is { } user) await references.EnsureUserAsync(user, "assigneeId", ct);
        var department = r.DepartmentId ?? ticket.DepartmentId;
        if (department != ticket.DepartmentId) await references.EnsureDepartmentAsync(department, "departmentId", ct);
        await actions.AssignAsync(ticket, r.AssigneeId, department, keepDepartment: false, r.Note, signal: true, ct);
        ticket.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return ticket;
    }

    public Task<TicketComment> AddCommentAsync(Guid id, AddTicketCommentRequest r, CancellationToken ct) =>
        OnLatestAsync(async () => await AddCommentAsync(await access.GetVisibleAsync<Ticket>(id, ct, tracking: true), r, ct));

    /// <summary>Adds a comment to a tracked ticket the caller was checked against (the portals pass their own ticket).</summary>
    public async Task<TicketComment> AddCommentAsync(Ticket ticket, AddTicketCommentRequest r, CancellationToken ct)
    {
        var id = ticket.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var comment = new TicketComment { TicketId = id, Content = r.Content, IsInternal = r.IsInternal, FromCustomer = r.FromCustomer, AuthorId = access.Me, At = now };
        db.Add(comment);
        foreach (var fileId in (r.AttachmentFileIds ?? []).Distinct()) await AttachAsync(id, fileId, now, ct, comment.Id);
        if (r.FromCustomer)
        {
            await signals.EventAsync(ServiceRecordTypes.Ticket, id, WorkflowEventNames.CustomerReplied, null, ct);
            // The customer answered: the ticket is worked on again and the SLA clock runs again.
            if (ticket.Status == TicketStatus.WaitingForCustomer) await actions.ChangeStatusAsync(ticket, TicketStatus.InProgress, "customer replied", signal: true, ct);
        }
        else if (!r.IsInternal)
        {
            if (ticket.FirstRespondedAt is null)
            {
                ticket.FirstRespondedAt = now;
                await signals.RecordUpdatedAsync(ServiceRecordTypes.Ticket, id, ["firstRespondedAt"], ct);
            }
            await signals.EventAsync(ServiceRecordTypes.Ticket, id, WorkflowEventNames.ReplyReceived, null, ct);
        }
        ticket.ModifiedAt = now;
        await db.SaveChangesAsync(ct);
        return comment;
    }

    /// <summary>The customer's satisfaction with a resolved or closed ticket (V6); rating again replaces the earlier rating.</summary>
    public async Task<Ticket> RateAsync(Guid id, RateTicketRequest r, CancellationToken ct) =>
        await RateAsync(await access.GetVisibleAsync<Ticket>(id, ct, tracking: true), r, ct);

    /// <summary>Rates a tracked ticket the caller was checked against (the customer portal passes its own ticket).</summary>
    public async Task<Ticket> RateAsync(Ticket ticket, RateTicketRequest r, CancellationToken ct)
    {
        var id = ticket.Id;
        if (ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed))
            throw new BusinessException("ticket.not_resolved", "A ticket can be rated once it is resolved.", 409);
        history.Add(ServiceRecordTypes.Ticket, id, "rated", ticket.SatisfactionRating?.ToString(), r.Rating.ToString(), r.Comment);
        ticket.SatisfactionRating = r.Rating;
        ticket.SatisfactionComment = r.Comment;
        ticket.RatedAt = clock.GetUtcNow().UtcDateTime;
        ticket.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await signals.RecordUpdatedAsync(ServiceRecordTypes.Ticket, id, ["satisfactionRating"], ct);
        await db.SaveChangesAsync(ct);
        return ticket;
    }

    public async Task AddAttachmentsAsync(Guid id, IReadOnlyList<Guid> fileIds, CancellationToken ct)
    {
        await access.GetVisibleAsync<Ticket>(id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<TicketAttachment>().Where(a => a.TicketId == id).Select(a => a.FileId).ToListAsync(ct);
        foreach (var fileId in fileIds.Distinct().Except(existing)) await AttachAsync(id, fileId, now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A file of a ticket the caller sees: the ticket's own or one of its comments'. A file of another ticket, or of
    /// a ticket outside the caller's data scope, answers 404 like an unknown one.
    /// </summary>
    public async Task<StoredFile> AttachmentAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        var ticket = await access.GetVisibleAsync<Ticket>(id, ct);
        if (!await db.Set<TicketAttachment>().AnyAsync(a => a.TicketId == ticket.Id && a.FileId == fileId, ct)) throw new EntityNotFoundException("File", fileId);
        return await files.GetAsync(fileId, ct);
    }

    /// <summary>Only the caller's own upload for tickets can be attached.</summary>
    private async Task AttachAsync(Guid ticketId, Guid fileId, DateTime now, CancellationToken ct, Guid? commentId = null)
    {
        var file = await files.GetOwnUploadAsync(fileId, AttachmentPurpose, "ticket.attachment_not_found", ct);
        db.Add(new TicketAttachment { TicketId = ticketId, CommentId = commentId, FileId = file.Id, FileName = file.OriginalName, Size = file.Size, AddedBy = access.Me, At = now });
    }

    /// <summary>A ticket the caller may change: the assignee, or a holder of Service.Tickets.Manage who can see it.</summary>
    private async Task<Ticket> GetWorkableAsync(Guid id, CancellationToken ct)
    {
        var ticket = await access.GetVisibleAsync<Ticket>(id, ct, tracking: true);
        if (ticket.AssigneeId != access.Me && ticket.CreatedBy != access.Me && !await permissions.IsGrantedAsync(ServicePermissions.TicketsManage, ct))
            throw new BusinessException("ticket.not_assignee", "Only the assignee, the creator or a service manager can change this ticket.", 403);
        return ticket;
    }
}
