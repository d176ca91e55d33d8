using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.Complaints;

internal static class ComplaintEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var complaints = api.MapGroup("/complaints").WithTags("Complaints");

        complaints.MapGet("/", ([AsParameters] ComplaintListParameters p, ComplaintQueries queries, CancellationToken ct) => queries.ListAsync(p, ct))
            .Produces<PagedResult<ComplaintListItemDto>>().RequirePermission(ServicePermissions.Complaints);

        complaints.MapGet("/statistics", ([AsParameters] ComplaintStatisticsParameters p, ComplaintQueries queries, CancellationToken ct) => queries.StatisticsAsync(p, ct))
            .Produces<ComplaintStatisticsDto>().RequirePermission(ServicePermissions.ComplaintsStatistics);

        complaints.MapGet("/{id:guid}", (Guid id, ComplaintQueries queries, CancellationToken ct) => queries.GetAsync(id, ct))
            .Produces<ComplaintDto>().RequirePermission(ServicePermissions.Complaints);

        complaints.MapPost("/", async (CreateComplaintRequest request, ComplaintService service, ComplaintQueries queries, CancellationToken ct) =>
            {
                var complaint = await service.CreateAsync(request, ct);
                return Results.Created($"/api/complaints/{complaint.Id}", await queries.ToDtoAsync(complaint, ct));
            })
            .Validate<CreateComplaintRequest>().Produces<ComplaintDto>(StatusCodes.Status201Created).RequirePermission(ServicePermissions.Complaints);

        complaints.MapPut("/{id:guid}", async (Guid id, UpdateComplaintRequest request, ComplaintService service, ComplaintQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.UpdateAsync(id, request, ct), ct))
            .Validate<UpdateComplaintRequest>().Produces<ComplaintDto>().RequirePermission(ServicePermissions.Complaints);

        complaints.MapPost("/{id:guid}/transfer", async (Guid id, TransferComplaintRequest request, ComplaintService service, ComplaintQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.TransferAsync(id, request, ct), ct))
            .Validate<TransferComplaintRequest>().Produces<ComplaintDto>().RequirePermission(ServicePermissions.ComplaintsManage);

        complaints.MapPost("/{id:guid}/replies", async (Guid id, ReplyComplaintRequest request, ComplaintService service, ComplaintQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.ReplyAsync(id, request, ct), ct))
            .Validate<ReplyComplaintRequest>().Produces<ComplaintDto>().RequirePermission(ServicePermissions.Complaints);

        complaints.MapPost("/{id:guid}/return-visits", async (Guid id, RecordReturnVisitRequest request, ComplaintService service, ComplaintQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.RecordReturnVisitAsync(id, request, ct), ct))
            .Validate<RecordReturnVisitRequest>().Produces<ComplaintDto>().RequirePermission(ServicePermissions.ComplaintsManage);

        complaints.MapPost("/{id:guid}/status", async (Guid id, ChangeComplaintStatusRequest request, ComplaintService service, ComplaintQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.ChangeStatusAsync(id, request, ct), ct))
            .Validate<ChangeComplaintStatusRequest>().Produces<ComplaintDto>().RequirePermission(ServicePermissions.ComplaintsManage);
    }
}
