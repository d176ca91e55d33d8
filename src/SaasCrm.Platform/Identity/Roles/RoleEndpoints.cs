using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Identity.Roles;

public static class RoleEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/identity/roles").WithTags("Roles");
        const string view = PlatformPermissions.Roles.Default, manage = PlatformPermissions.Roles.Manage;

        group.MapGet("/", (RoleManagementService s, CancellationToken ct) => s.ListAsync(ct)).RequirePermission(view);
        group.MapGet("/{id:guid}", (Guid id, RoleManagementService s, CancellationToken ct) => s.GetAsync(id, ct)).RequirePermission(view);
        group.MapPost("/", async (CreateRoleRequest r, RoleManagementService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(r, ct);
            return Results.Created($"/api/identity/roles/{created.Id}", created);
        }).Validate<CreateRoleRequest>().RequirePermission(manage);
        group.MapPut("/{id:guid}", (Guid id, UpdateRoleRequest r, RoleManagementService s, CancellationToken ct) => s.UpdateAsync(id, r, ct))
            .Validate<UpdateRoleRequest>().RequirePermission(manage);
        group.MapDelete("/{id:guid}", async (Guid id, RoleManagementService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
        group.MapGet("/{id:guid}/permissions", (Guid id, RoleManagementService s, CancellationToken ct) => s.GetPermissionsAsync(id, ct)).RequirePermission(view);
        group.MapPut("/{id:guid}/permissions", async (Guid id, SetPermissionsRequest r, RoleManagementService s, CancellationToken ct) =>
        {
            await s.SetPermissionsAsync(id, r.Permissions, ct);
            return Results.NoContent();
        }).Validate<SetPermissionsRequest>().RequirePermission(manage);
    }
}
