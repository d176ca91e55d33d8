using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Editions;

public static class EditionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/host/editions").WithTags("Editions (host)");
        const string view = PlatformPermissions.Editions.Default, manage = PlatformPermissions.Editions.Manage;

        group.MapGet("/", (EditionService s, CancellationToken ct) => s.ListAsync(ct)).RequirePermission(view);
        group.MapGet("/modules", (EditionService s) => s.Modules()).RequirePermission(view);
        group.MapGet("/{id:guid}", (Guid id, EditionService s, CancellationToken ct) => s.GetAsync(id, ct)).RequirePermission(view);
        group.MapPost("/", async (SaveEditionRequest r, EditionService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(r, ct);
            return Results.Created($"/api/host/editions/{created.Id}", created);
        }).Validate<SaveEditionRequest>().RequirePermission(manage);
        group.MapPut("/{id:guid}", (Guid id, SaveEditionRequest r, EditionService s, CancellationToken ct) => s.UpdateAsync(id, r, ct))
            .Validate<SaveEditionRequest>().RequirePermission(manage);
        group.MapDelete("/{id:guid}", async (Guid id, EditionService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
    }
}
