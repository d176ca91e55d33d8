using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Tenants;

public static class TenantEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/host/tenants").WithTags("Tenants (host)");
        const string view = PlatformPermissions.Tenants.Default, manage = PlatformPermissions.Tenants.Manage;

        group.MapGet("/", (TenantService s, string? filter, bool? isActive, string? sort, int? page, int? pageSize, CancellationToken ct) =>
            s.ListAsync(filter, isActive, sort, page, pageSize, ct)).RequirePermission(view);
        group.MapGet("/{id:guid}", (Guid id, TenantService s, CancellationToken ct) => s.GetAsync(id, ct)).RequirePermission(view);
        group.MapPost("/", async (CreateTenantRequest r, TenantService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(r, ct);
            return Results.Created($"/api/host/tenants/{created.Id}", created);
        }).Validate<CreateTenantRequest>().RequirePermission(manage);
        group.MapPut("/{id:guid}", (Guid id, UpdateTenantRequest r, TenantService s, CancellationToken ct) => s.UpdateAsync(id, r, ct))
            .Validate<UpdateTenantRequest>().RequirePermission(manage);
        group.MapPost("/{id:guid}/suspend", async (Guid id, SuspendTenantRequest r, TenantService s, CancellationToken ct) =>
        {
            await s.SuspendAsync(id, r.Reason, ct);
            return Results.NoContent();
        }).Validate<SuspendTenantRequest>().RequirePermission(manage);
        group.MapPost("/{id:guid}/resume", async (Guid id, TenantService s, CancellationToken ct) =>
        {
            await s.ResumeAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
        group.MapDelete("/{id:guid}", async (Guid id, string? confirmName, TenantService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, confirmName ?? "", ct);
            return Results.NoContent();
        }).RequirePermission(manage);
    }
}
