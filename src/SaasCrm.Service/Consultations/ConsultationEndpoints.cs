using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.Consultations;

internal static class ConsultationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/consultations").WithTags("Consultations");

        group.MapGet("/", ([AsParameters] ConsultationListParameters p, ConsultationQueries queries, CancellationToken ct) => queries.ListAsync(p, ct))
            .Produces<PagedResult<ConsultationListItemDto>>().RequirePermission(ConsultationPermissions.Default);

        group.MapGet("/{id:guid}", (Guid id, ConsultationQueries queries, CancellationToken ct) => queries.GetAsync(id, ct))
            .Produces<ConsultationDto>().RequirePermission(ConsultationPermissions.Default);

        group.MapPost("/", async (CreateConsultationRequest request, ConsultationService service, ConsultationQueries queries, CancellationToken ct) =>
            {
                var consultation = await service.CreateAsync(request, ct);
                return Results.Created($"/api/consultations/{consultation.Id}", await queries.ToDtoAsync(consultation, ct));
            })
            .Validate<CreateConsultationRequest>().Produces<ConsultationDto>(StatusCodes.Status201Created).RequirePermission(ConsultationPermissions.Default);

        group.MapPut("/{id:guid}", async (Guid id, UpdateConsultationRequest request, ConsultationService service, ConsultationQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.UpdateAsync(id, request, ct), ct))
            .Validate<UpdateConsultationRequest>().Produces<ConsultationDto>().RequirePermission(ConsultationPermissions.Default);

        group.MapPost("/{id:guid}/answer", async (Guid id, AnswerConsultationRequest request, ConsultationService service, ConsultationQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.AnswerAsync(id, request, ct), ct))
            .Validate<AnswerConsultationRequest>().Produces<ConsultationDto>().RequirePermission(ConsultationPermissions.Default);

        group.MapPost("/{id:guid}/transfer", async (Guid id, TransferConsultationRequest request, ConsultationService service, ConsultationQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.TransferAsync(id, request, ct), ct))
            .Validate<TransferConsultationRequest>().Produces<ConsultationDto>().RequirePermission(ConsultationPermissions.Default);

        group.MapPost("/{id:guid}/department-answer", async (Guid id, DepartmentAnswerRequest request, ConsultationService service, ConsultationQueries queries, CancellationToken ct) =>
                await queries.ToDtoAsync(await service.DepartmentAnswerAsync(id, request, ct), ct))
            .Validate<DepartmentAnswerRequest>().Produces<ConsultationDto>().RequirePermission(ConsultationPermissions.Default);
    }
}
