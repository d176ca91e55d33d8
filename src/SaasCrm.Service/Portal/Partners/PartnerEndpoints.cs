using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;
using SaasCrm.Service.Domain;
using SaasCrm.Service.Portal.Customer;
using SaasCrm.Service.Portal.Domain;

namespace SaasCrm.Service.Portal.Partners;

internal static class PartnerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        MapAdmin(api.MapGroup("/portal-admin/partners").WithTags("Portal administration"));
        MapPortal(api.MapGroup("/portal/partner").WithTags("Partner portal"));
    }

    private static void MapAdmin(RouteGroupBuilder g)
    {
        g.MapGet("/modules", () => PartnerAdminService.Modules).Produces<IReadOnlyList<PartnerModuleDto>>().RequirePermission(PortalPermissions.Partners);
        g.MapGet("/", (PartnerAdminService s, CancellationToken ct) => s.ListAsync(ct)).Produces<IReadOnlyList<PartnerDto>>().RequirePermission(PortalPermissions.Partners);
        g.MapGet("/{id:guid}", (Guid id, PartnerAdminService s, CancellationToken ct) => s.GetAsync(id, ct)).Produces<PartnerDto>().RequirePermission(PortalPermissions.Partners);
        g.MapPost("/", async (SavePartnerRequest r, PartnerAdminService s, CancellationToken ct) =>
            {
                var p = await s.CreateAsync(r, ct);
                return Results.Created($"/api/portal-admin/partners/{p.Id}", p);
            })
            .Validate<SavePartnerRequest>().Produces<PartnerDto>(StatusCodes.Status201Created).RequirePermission(PortalPermissions.Partners);
        g.MapPut("/{id:guid}", (Guid id, SavePartnerRequest r, PartnerAdminService s, CancellationToken ct) => s.UpdateAsync(id, r, ct))
            .Validate<SavePartnerRequest>().Produces<PartnerDto>().RequirePermission(PortalPermissions.Partners);
        g.MapDelete("/{id:guid}", async (Guid id, PartnerAdminService s, CancellationToken ct) =>
            {
                await s.DeleteAsync(id, ct);
                return Results.NoContent();
            })
            .RequirePermission(PortalPermissions.Partners);
        g.MapGet("/{id:guid}/users", (Guid id, PartnerAdminService s, CancellationToken ct) => s.UsersAsync(id, ct))
            .Produces<IReadOnlyList<PartnerUserDto>>().RequirePermission(PortalPermissions.Partners);
        g.MapPost("/{id:guid}/users", async (Guid id, CreatePartnerUserRequest r, PartnerAdminService s, CancellationToken ct) =>
                Results.Created($"/api/portal-admin/partners/{id}/users", await s.CreateUserAsync(id, r, ct)))
            .Validate<CreatePartnerUserRequest>().Produces<PartnerUserDto>(StatusCodes.Status201Created).RequirePermission(PortalPermissions.Partners);
        g.MapPost("/{id:guid}/users/{userId:guid}/disable", (Guid id, Guid userId, PartnerAdminService s, CancellationToken ct) => s.SetUserActiveAsync(id, userId, false, ct))
            .Produces<PartnerUserDto>().RequirePermission(PortalPermissions.Partners);
        g.MapPost("/{id:guid}/users/{userId:guid}/enable", (Guid id, Guid userId, PartnerAdminService s, CancellationToken ct) => s.SetUserActiveAsync(id, userId, true, ct))
            .Produces<PartnerUserDto>().RequirePermission(PortalPermissions.Partners);
        g.MapGet("/{id:guid}/customers", (Guid id, PartnerAdminService s, CancellationToken ct) => s.CustomersAsync(id, ct))
            .Produces<IReadOnlyList<PartnerCustomerDto>>().RequirePermission(PortalPermissions.Partners);
        g.MapPut("/{id:guid}/customers", (Guid id, SetPartnerCustomersRequest r, PartnerAdminService s, CancellationToken ct) => s.SetCustomersAsync(id, r, ct))
            .Validate<SetPartnerCustomersRequest>().Produces<IReadOnlyList<PartnerCustomerDto>>().RequirePermission(PortalPermissions.Partners);
    }

    /// <summary>The partner portal (V9): only the customers assigned to the partner, tickets only with the tickets module.</summary>
    private static void MapPortal(RouteGroupBuilder g)
    {
        g.MapGet("/customers", async (PortalCaller caller, PlatformDbContext db, IPortalCustomerLookup customers, CancellationToken ct) =>
            {
                var partner = await caller.PartnerAsync(ct);
                var ids = await caller.PartnerCustomerIds(partner.Id).ToListAsync(ct);
                var names = await customers.NamesAsync(ids, ct);
                var open = await db.Set<Ticket>().AsNoTracking().Where(t => ids.Contains(t.CustomerId) && TicketTransitions.OpenStatuses.Contains(t.Status))
                    .GroupBy(t => t.CustomerId).Select(x => new { x.Key, Count = x.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
                return (IReadOnlyList<PartnerCustomerListItemDto>)ids.Where(names.ContainsKey)
                    .Select(id => new PartnerCustomerListItemDto(id, names[id], open.GetValueOrDefault(id))).OrderBy(c => c.Name).ToList();
            })
            .Produces<IReadOnlyList<PartnerCustomerListItemDto>>().RequireUserKind(UserKind.Partner);
        g.MapGet("/tickets", async (Guid? customerId, TicketStatus? status, PortalCaller caller, PortalTicketService s, CancellationToken ct) =>
                await s.ListAsync(caller.PartnerCustomerIds((await caller.PartnerAsync(ct, PartnerModules.Tickets)).Id), customerId, status, ct))
            .Produces<IReadOnlyList<PortalTicketListItemDto>>().RequireUserKind(UserKind.Partner);
        g.MapGet("/tickets/{id:guid}", async (Guid id, PortalCaller caller, PortalTicketService s, CancellationToken ct) =>
                await s.GetAsync(caller.PartnerCustomerIds((await caller.PartnerAsync(ct, PartnerModules.Tickets)).Id), id, canRate: false, ct))
            .Produces<PortalTicketDto>().RequireUserKind(UserKind.Partner);
        g.MapGet("/tickets/{id:guid}/attachments/{fileId:guid}", async (Guid id, Guid fileId, PortalCaller caller, PortalTicketService s, IFileStore files, CancellationToken ct) =>
            {
                var file = await s.AttachmentAsync(caller.PartnerCustomerIds((await caller.PartnerAsync(ct, PartnerModules.Tickets)).Id), id, fileId, ct);
                return Results.File(files.OpenRead(file), file.ContentType, file.OriginalName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").RequireUserKind(UserKind.Partner);
        g.MapPost("/tickets", async (PartnerCreateTicketRequest r, PortalCaller caller, PortalTicketService s, CancellationToken ct) =>
            {
                var partner = await caller.PartnerAsync(ct, PartnerModules.Tickets);
                if (!await caller.PartnerCustomerIds(partner.Id).AnyAsync(c => c == r.CustomerId, ct))
                    throw RequestValidationException.For("customerId", "customer.not_found", "The customer is not assigned to your organisation.");
                var ticket = await s.CreateAsync(r.CustomerId, r.Title, r.CategoryCode, r.Description, r.ContactName, r.ContactMobile, null, null, canRate: false, ct);
                return Results.Created($"/api/portal/partner/tickets/{ticket.Id}", ticket);
            })
            .Validate<PartnerCreateTicketRequest>().Produces<PortalTicketDto>(StatusCodes.Status201Created).RequireUserKind(UserKind.Partner);
        g.MapPost("/tickets/{id:guid}/replies", async (Guid id, PortalReplyRequest r, PortalCaller caller, PortalTicketService s, CancellationToken ct) =>
                await s.ReplyAsync(caller.PartnerCustomerIds((await caller.PartnerAsync(ct, PartnerModules.Tickets)).Id), id, r.Content, canRate: false, ct))
            .Validate<PortalReplyRequest>().Produces<PortalTicketDto>().RequireUserKind(UserKind.Partner);
    }
}
