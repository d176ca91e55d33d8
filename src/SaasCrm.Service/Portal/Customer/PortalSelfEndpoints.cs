using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Portal.Domain;

namespace SaasCrm.Service.Portal.Customer;

/// <summary>The customer portal (V8): a customer account reaches only its own customer's tickets.</summary>
internal static class PortalSelfEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var portal = api.MapGroup("/portal").WithTags("Customer portal");

        portal.MapGet("/me", MeAsync).Produces<PortalMeDto>().RequireUserKind(UserKind.Customer, UserKind.Partner);
        portal.MapGet("/ticket-categories", (PortalTicketService s, CancellationToken ct) => s.CategoriesAsync(ct))
            .Produces<IReadOnlyList<PortalCategoryDto>>().RequireUserKind(UserKind.Customer, UserKind.Partner);

        var tickets = portal.MapGroup("/tickets");
        tickets.MapGet("/", async (TicketStatus? status, PortalCaller caller, PortalTicketService s, CancellationToken ct) =>
                await s.ListAsync(caller.CustomerIds(await caller.CustomerAccountAsync(ct)), null, status, ct))
            .Produces<IReadOnlyList<PortalTicketListItemDto>>().RequireUserKind(UserKind.Customer);
        tickets.MapGet("/{id:guid}", async (Guid id, PortalCaller caller, PortalTicketService s, CancellationToken ct) =>
                await s.GetAsync(caller.CustomerIds(await caller.CustomerAccountAsync(ct)), id, canRate: true, ct))
            .Produces<PortalTicketDto>().RequireUserKind(UserKind.Customer);
        tickets.MapGet("/{id:guid}/attachments/{fileId:guid}", async (Guid id, Guid fileId, PortalCaller caller, PortalTicketService s, IFileStore files, CancellationToken ct) =>
            {
                var file = await s.AttachmentAsync(caller.CustomerIds(await caller.CustomerAccountAsync(ct)), id, fileId, ct);
                return Results.File(files.OpenRead(file), file.ContentType, file.OriginalName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").RequireUserKind(UserKind.Customer);
        tickets.MapPost("/", async (PortalCreateTicketRequest r, PortalCaller caller, PortalTicketService s, CancellationToken ct) =>
            {
                var a = await caller.CustomerAccountAsync(ct);
                var ticket = await s.CreateAsync(a.CustomerId!.Value, r.Title, r.CategoryCode, r.Description, a.Name, a.Mobile, a.Email, a.ContactId, canRate: true, ct);
                return Results.Created($"/api/portal/tickets/{ticket.Id}", ticket);
            })
            .Validate<PortalCreateTicketRequest>().Produces<PortalTicketDto>(StatusCodes.Status201Created).RequireUserKind(UserKind.Customer);
        tickets.MapPost("/{id:guid}/replies", async (Guid id, PortalReplyRequest r, PortalCaller caller, PortalTicketService s, CancellationToken ct) =>
                await s.ReplyAsync(caller.CustomerIds(await caller.CustomerAccountAsync(ct)), id, r.Content, canRate: true, ct))
            .Validate<PortalReplyRequest>().Produces<PortalTicketDto>().RequireUserKind(UserKind.Customer);
        tickets.MapPost("/{id:guid}/rating", async (Guid id, PortalRateRequest r, PortalCaller caller, PortalTicketService s, CancellationToken ct) =>
                await s.RateAsync(caller.CustomerIds(await caller.CustomerAccountAsync(ct)), id, r, ct))
            .Validate<PortalRateRequest>().Produces<PortalTicketDto>().RequireUserKind(UserKind.Customer);
    }

    private static async Task<PortalMeDto> MeAsync(ICurrentUser user, ICurrentTenant tenant, PortalCaller caller, PlatformDbContext db, IPortalCustomerLookup customers, CancellationToken ct)
    {
        var me = await db.Users.AsNoTracking().FirstAsync(u => u.Id == caller.UserId, ct);
        if (user.Kind == UserKind.Customer)
        {
            var a = await caller.CustomerAccountAsync(ct);
            var name = (await customers.NamesAsync([a.CustomerId!.Value], ct)).GetValueOrDefault(a.CustomerId.Value);
            return new PortalMeDto("customer", me.Id, me.UserName!, me.Name, tenant.Name, a.CustomerId, name, null, null, [PartnerModules.Tickets, PartnerModules.Knowledge]);
        }
        var p = await caller.PartnerAsync(ct);
        return new PortalMeDto("partner", me.Id, me.UserName!, me.Name, tenant.Name, null, null, p.Id, p.Name, p.Modules);
    }
}
