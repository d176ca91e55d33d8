using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Files;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Tickets;

namespace SaasCrm.Service.Portal.Customer;

/// <summary>
/// Tickets as portal accounts see them. Each call names the customers the caller may reach (decided by
/// <see cref="PortalCaller"/>); a ticket of any other customer answers 404. Writing goes through
/// <see cref="TicketService"/>, so numbering, history, workflow signals and SLA are those of staff-created tickets.
/// </summary>
public sealed class PortalTicketService(
    PlatformDbContext db, TicketService tickets, IDictionaryLookup dictionaries, IPortalCustomerLookup customers, PortalCaller caller, IFileStore files)
{
    public async Task<IReadOnlyList<PortalTicketListItemDto>> ListAsync(IQueryable<Guid> customerIds, Guid? customerId, TicketStatus? status, CancellationToken ct)
    {
        var query = db.Set<Ticket>().AsNoTracking().Where(t => customerIds.Contains(t.CustomerId));
        if (customerId is { } c) query = query.Where(t => t.CustomerId == c);
        if (status is { } s) query = query.Where(t => t.Status == s);
        var rows = await query.OrderByDescending(t => t.CreatedAt).Take(200).ToListAsync(ct);
        var names = await customers.NamesAsync(rows.Select(t => t.CustomerId).ToList(), ct);
        return rows.Select(t => new PortalTicketListItemDto(t.Id, t.Number, t.Title, t.CustomerId, names.GetValueOrDefault(t.CustomerId), t.CategoryCode,
            t.Status, t.SatisfactionRating, t.CreatedAt, t.ModifiedAt)).ToList();
    }

    public async Task<PortalTicketDto> GetAsync(IQueryable<Guid> customerIds, Guid id, bool canRate, CancellationToken ct) =>
        await ToDtoAsync(await FindAsync(customerIds, id, tracking: false, ct), canRate, ct);

    public async Task<PortalTicketDto> CreateAsync(Guid customerId, string title, string categoryCode, string? description,
        string? contactName, string? contactMobile, string? contactEmail, Guid? contactId, bool canRate, CancellationToken ct)
    {
        var priority = (await dictionaries.ItemsAsync(ServiceDictionaries.TicketPriority, ct)).FirstOrDefault(i => i.IsDefault && i.IsEnabled)
            ?? (await dictionaries.ItemsAsync(ServiceDictionaries.TicketPriority, ct)).First(i => i.IsEnabled);
        var ticket = await tickets.CreateForCheckedCustomerAsync(new CreateTicketRequest(customerId, title, categoryCode, priority.Code, description,
            contactId, contactName, contactMobile, contactEmail), ct);
        return await ToDtoAsync(ticket, canRate, ct);
    }

    public async Task<PortalTicketDto> ReplyAsync(IQueryable<Guid> customerIds, Guid id, string content, bool canRate, CancellationToken ct)
    {
        var ticket = await FindAsync(customerIds, id, tracking: true, ct);
        if (ticket.Status == TicketStatus.Closed)
            throw new BusinessException("portal.ticket_closed", "This request is closed. Submit a new request instead.", 409);
        await tickets.AddCommentAsync(ticket, new AddTicketCommentRequest(content, IsInternal: false, FromCustomer: true), ct);
        return await ToDtoAsync(ticket, canRate, ct);
    }

    public async Task<PortalTicketDto> RateAsync(IQueryable<Guid> customerIds, Guid id, PortalRateRequest r, CancellationToken ct)
    {
        var ticket = await FindAsync(customerIds, id, tracking: true, ct);
        await tickets.RateAsync(ticket, new RateTicketRequest(r.Rating, r.Comment), ct);
        return await ToDtoAsync(ticket, canRate: true, ct);
    }

    /// <summary>
    /// A file of a ticket the caller reaches: the ticket's own or one of a public comment. A file of an internal
    /// comment, of another ticket, or of a ticket the caller does not reach answers 404 like an unknown one.
    /// </summary>
    public async Task<StoredFile> AttachmentAsync(IQueryable<Guid> customerIds, Guid ticketId, Guid fileId, CancellationToken ct)
    {
        var ticket = await FindAsync(customerIds, ticketId, tracking: false, ct);
        var found = await PublicAttachments(ticket.Id).AnyAsync(a => a.FileId == fileId, ct);
        if (!found) throw new EntityNotFoundException("File", fileId);
        return await files.GetAsync(fileId, ct);
    }

    /// <summary>The ticket's own files and those of its public comments.</summary>
    private IQueryable<TicketAttachment> PublicAttachments(Guid ticketId) =>
        db.Set<TicketAttachment>().AsNoTracking().Where(a => a.TicketId == ticketId && (a.CommentId == null
            || db.Set<TicketComment>().Any(c => c.Id == a.CommentId && c.TicketId == ticketId && !c.IsInternal)));

    public async Task<IReadOnlyList<PortalCategoryDto>> CategoriesAsync(CancellationToken ct) =>
        (await dictionaries.ItemsAsync(ServiceDictionaries.TicketCategory, ct)).Where(i => i.IsEnabled)
            .Select(i => new PortalCategoryDto(i.Code, i.LabelEn, i.LabelZh, i.IsDefault)).ToList();

    private async Task<Ticket> FindAsync(IQueryable<Guid> customerIds, Guid id, bool tracking, CancellationToken ct)
    {
        var source = tracking ? db.Set<Ticket>() : db.Set<Ticket>().AsNoTracking();
        return await source.FirstOrDefaultAsync(t => t.Id == id && customerIds.Contains(t.CustomerId), ct)
               ?? throw new EntityNotFoundException("Ticket", id);
    }

    private async Task<PortalTicketDto> ToDtoAsync(Ticket t, bool canRate, CancellationToken ct)
    {
        // Internal comments never leave the service team.
        var comments = await db.Set<TicketComment>().AsNoTracking().Where(c => c.TicketId == t.Id && !c.IsInternal).OrderBy(c => c.At).ToListAsync(ct);
        var authorIds = comments.Select(c => c.AuthorId).OfType<Guid>().Distinct().ToList();
        var authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.Kind }).ToDictionaryAsync(u => u.Id, ct);
        var me = caller.UserId;
        var name = (await customers.NamesAsync([t.CustomerId], ct)).GetValueOrDefault(t.CustomerId);
        var attachments = await PublicAttachments(t.Id).OrderBy(a => a.At)
            .Select(a => new PortalAttachmentDto(a.FileId, a.FileName, a.Size, a.CommentId, a.At)).ToListAsync(ct);
        return new PortalTicketDto(t.Id, t.Number, t.Title, t.Description, t.CustomerId, name, t.CategoryCode, t.Status, t.CreatedAt, t.ResolvedAt, t.ClosedAt,
            canRate && t.Status is TicketStatus.Resolved or TicketStatus.Closed, t.SatisfactionRating, t.SatisfactionComment, t.RatedAt,
            comments.Select(c =>
            {
                var author = c.AuthorId is { } a ? authors.GetValueOrDefault(a) : null;
                var fromStaff = !c.FromCustomer && author?.Kind is null or Platform.Identity.UserKind.Staff;
                return new PortalCommentDto(c.Id, c.Content, fromStaff, c.AuthorId == me, author?.Name, c.At);
            }).ToList(), attachments);
    }
}
