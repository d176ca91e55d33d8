using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Departments;

public static class DepartmentEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/departments").WithTags("Departments");
        const string view = PlatformPermissions.Departments.Default, manage = PlatformPermissions.Departments.Manage;

        group.MapGet("/", (DepartmentService s, CancellationToken ct) => s.ListAsync(ct)).RequirePermission(view);
        group.MapGet("/{id:guid}", (Guid id, DepartmentService s, CancellationToken ct) => s.GetAsync(id, ct)).RequirePermission(view);
        group.MapGet("/{id:guid}/members", (Guid id, DepartmentService s, CancellationToken ct) => s.MembersAsync(id, ct)).RequirePermission(view);
        group.MapPost("/", async (CreateDepartmentRequest r, DepartmentService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(r, ct);
            return Results.Created($"/api/departments/{created.Id}", created);
        }).Validate<CreateDepartmentRequest>().RequirePermission(manage);
        group.MapPut("/{id:guid}", (Guid id, UpdateDepartmentRequest r, DepartmentService s, CancellationToken ct) => s.RenameAsync(id, r, ct))
            .Validate<UpdateDepartmentRequest>().RequirePermission(manage);
        group.MapPost("/{id:guid}/move", (Guid id, MoveDepartmentRequest r, DepartmentService s, CancellationToken ct) => s.MoveAsync(id, r, ct))
            .Validate<MoveDepartmentRequest>().RequirePermission(manage);
        group.MapPut("/{id:guid}/head", async (Guid id, SetHeadRequest r, DepartmentService s, CancellationToken ct) =>
        {
            await s.SetHeadAsync(id, r.UserId, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
        group.MapPost("/{id:guid}/members", async (Guid id, MembersRequest r, DepartmentService s, CancellationToken ct) =>
        {
            await s.AddMembersAsync(id, r.UserIds, ct);
            return Results.NoContent();
        }).Validate<MembersRequest>().RequirePermission(manage);
        group.MapDelete("/{id:guid}/members/{userId:guid}", async (Guid id, Guid userId, DepartmentService s, CancellationToken ct) =>
        {
            await s.RemoveMemberAsync(id, userId, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
        group.MapDelete("/{id:guid}", async (Guid id, DepartmentService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
    }
}
