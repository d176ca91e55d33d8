using SaasCrm.Service.Domain;

namespace SaasCrm.Service.Portal.Customer;

public sealed record PortalTicketListItemDto(Guid Id, string Number, string Title, Guid CustomerId, string? CustomerName, string CategoryCode,
    TicketStatus Status, int? SatisfactionRating, DateTime CreatedAt, DateTime? ModifiedAt);

/// <param name="FromStaff">Written by the service team (shown as their reply); otherwise by the customer side.</param>
public sealed record PortalCommentDto(Guid Id, string Content, bool FromStaff, bool Mine, string? AuthorName, DateTime At);

/// <summary>What a portal account sees of a ticket: no assignee, SLA times, history or internal comments.</summary>
public sealed record PortalTicketDto(Guid Id, string Number, string Title, string? Description, Guid CustomerId, string? CustomerName,
    string CategoryCode, TicketStatus Status, DateTime CreatedAt, DateTime? ResolvedAt, DateTime? ClosedAt,
    bool CanRate, int? SatisfactionRating, string? SatisfactionComment, DateTime? RatedAt, IReadOnlyList<PortalCommentDto> Comments,
    IReadOnlyList<PortalAttachmentDto> Attachments);

/// <summary>A file the portal account may download: one of the ticket itself or of a public comment (<paramref name="CommentId"/>).</summary>
public sealed record PortalAttachmentDto(Guid FileId, string FileName, long Size, Guid? CommentId, DateTime At);

public sealed record PortalCreateTicketRequest(string Title, string CategoryCode, string? Description = null);

public sealed record PartnerCreateTicketRequest(Guid CustomerId, string Title, string CategoryCode, string? Description = null,
    string? ContactName = null, string? ContactMobile = null);

public sealed record PortalReplyRequest(string Content);

public sealed record PortalRateRequest(int Rating, string? Comment = null);

public sealed record PortalCategoryDto(string Code, string LabelEn, string LabelZh, bool IsDefault);

/// <param name="Modules">Customer accounts: tickets and knowledge. Partners: the modules their organisation was granted.</param>
public sealed record PortalMeDto(string Kind, Guid UserId, string UserName, string Name, string? Tenant,
    Guid? CustomerId, string? CustomerName, Guid? PartnerId, string? PartnerName, IReadOnlyList<string> Modules);
