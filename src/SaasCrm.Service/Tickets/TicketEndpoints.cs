using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.Tickets;

internal static class TicketEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var tickets = api.MapGroup("/tickets").WithTags("Tickets");

        tickets.MapGet("/", ([AsParameters] TicketListParameters p, TicketQueries queries, CancellationToken ct) => queries.ListAsync(p, ct))
            .Produces<PagedResult<TicketListItemDto>>().RequirePermission(ServicePermissions.Tickets);

        tickets.MapGet("/{id:guid}", (Guid id, TicketQueries queries, CancellationToken ct) => queries.GetAsync(id, ct))
            .Produces<TicketDto>().RequirePermission(ServicePermissions.Tickets);

        tickets.MapPost("/", async (CreateTicketRequest request, TicketService service, TicketQueries queries, CancellationToken ct) =>
            {
                var ticket = await service.CreateAsync(request, ct);
                return Results.Created($"/api/tickets/{ticket.Id}", await queries.ToDtoAsync(ticket, ct));
            })
            .Validate<CreateTicketRequest>().Produces<TicketDto>(StatusCodes.Status201Created).RequirePermission(ServicePermissions.Tickets);

        tickets.MapPut("/{id:guid}", async (Guid id, UpdateTicketRequest request, TicketService service, TicketQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.UpdateAsync(id, request, ct), ct))
            .Validate<UpdateTicketRequest>().Produces<TicketDto>().RequirePermission(ServicePermissions.Tickets);

        tickets.MapPost("/{id:guid}/status", async (Guid id, ChangeTicketStatusRequest request, TicketService service, TicketQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.ChangeStatusAsync(id, request, ct), ct))
            .Validate<ChangeTicketStatusRequest>().Produces<TicketDto>().RequirePermission(ServicePermissions.Tickets);

        tickets.MapPost("/{id:guid}/grab", async (Guid id, TicketService service, TicketQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.GrabAsync(id, ct), ct))
            .Produces<TicketDto>().RequirePermission(ServicePermissions.Tickets);

        tickets.MapPost("/{id:guid}/accept", async (Guid id, TicketService service, TicketQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.AcceptAsync(id, ct), ct))
            .Produces<TicketDto>().RequirePermission(ServicePermissions.Tickets);

        tickets.MapPost("/{id:guid}/assign", async (Guid id, AssignTicketRequest request, TicketService service, TicketQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.AssignAsync(id, request, ct), ct))
            .Produces<TicketDto>().RequirePermission(ServicePermissions.TicketsAssign);

        tickets.MapPost("/{id:guid}/comments", async (Guid id, AddTicketCommentRequest request, TicketService service, CancellationToken ct) =>
            {
                var c = await service.AddCommentAsync(id, request, ct);
                return Results.Created($"/api/tickets/{id}", new TicketCommentDto(c.Id, c.Content, c.IsInternal, c.FromCustomer, c.AuthorId, null, c.At));
            })
            .Validate<AddTicketCommentRequest>().Produces<TicketCommentDto>(StatusCodes.Status201Created).RequirePermission(ServicePermissions.Tickets);

        tickets.MapPost("/{id:guid}/rating", async (Guid id, RateTicketRequest request, TicketService service, TicketQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.RateAsync(id, request, ct), ct))
            .Validate<RateTicketRequest>().Produces<TicketDto>().RequirePermission(ServicePermissions.Tickets);

        tickets.MapUpload("/attachments", TicketService.AttachmentPurpose, f => new UploadedAttachmentDto(f.Id, f.OriginalName, f.Size))
            .RequirePermission(ServicePermissions.Tickets);

        tickets.MapPost("/{id:guid}/attachments", async (Guid id, AddTicketAttachmentsRequest request, TicketService service, TicketQueries queries, CancellationToken ct) =>
            {
                await service.AddAttachmentsAsync(id, request.FileIds, ct);
                return await queries.GetAsync(id, ct);
            })
            .Produces<TicketDto>().RequirePermission(ServicePermissions.Tickets);

        // A file of the ticket or of one of its comments, for whoever sees the ticket (the file's uploader need not be the caller).
        tickets.MapGet("/{id:guid}/attachments/{fileId:guid}", async (Guid id, Guid fileId, TicketService service, IFileStore files, CancellationToken ct) =>
            {
                var file = await service.AttachmentAsync(id, fileId, ct);
                return Results.File(files.OpenRead(file), file.ContentType, file.OriginalName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").RequirePermission(ServicePermissions.Tickets);
    }
}

public sealed record UploadedAttachmentDto(Guid FileId, string FileName, long Size);
