using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.Returns;

internal static class ReturnEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/returns").WithTags("Returns");

        group.MapGet("/", ([AsParameters] ReturnListParameters p, ReturnQueries queries, CancellationToken ct) => queries.ListAsync(p, ct))
            .Produces<PagedResult<ReturnListItemDto>>().RequirePermission(ReturnPermissions.Default);

        group.MapGet("/{id:guid}", (Guid id, ReturnQueries queries, CancellationToken ct) => queries.GetAsync(id, ct))
            .Produces<ReturnDto>().RequirePermission(ReturnPermissions.Default);

        group.MapPost("/", async (ReturnEntryRequest request, ReturnService service, ReturnQueries queries, CancellationToken ct) =>
            {
                var entry = await service.CreateAsync(request, ct);
                return Results.Created($"/api/returns/{entry.Id}", await queries.ToDtoAsync(entry, ct));
            })
            .Validate<ReturnEntryRequest>().Produces<ReturnDto>(StatusCodes.Status201Created).RequirePermission(ReturnPermissions.Default);

        group.MapPut("/{id:guid}", async (Guid id, ReturnEntryRequest request, ReturnService service, ReturnQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.UpdateAsync(id, request, ct), ct))
            .Validate<ReturnEntryRequest>().Produces<ReturnDto>().RequirePermission(ReturnPermissions.Default);

        group.MapPost("/{id:guid}/submit", async (Guid id, ReturnService service, ReturnQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.SubmitAsync(id, ct), ct))
            .Produces<ReturnDto>().RequirePermission(ReturnPermissions.Default);

        // The approver named by the workflow decides (Service.Returns.Approve may decide any visible entry).
        group.MapPost("/{id:guid}/approve", async (Guid id, ReturnDecisionRequest request, ReturnService service, ReturnQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.DecideAsync(id, approve: true, request, ct), ct))
            .Validate<ReturnDecisionRequest>().Produces<ReturnDto>().RequirePermission(ReturnPermissions.Default);

        group.MapPost("/{id:guid}/reject", async (Guid id, ReturnDecisionRequest request, ReturnService service, ReturnQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.DecideAsync(id, approve: false, request, ct), ct))
            .Validate<ReturnDecisionRequest>().Produces<ReturnDto>().RequirePermission(ReturnPermissions.Default);

        group.MapPost("/{id:guid}/complete", async (Guid id, ReturnService service, ReturnQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.CompleteAsync(id, ct), ct))
            .Produces<ReturnDto>().RequirePermission(ReturnPermissions.Default);
    }
}
