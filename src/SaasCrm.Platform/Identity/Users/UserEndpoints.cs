using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Identity.Users;

public static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/identity/users").WithTags("Users");
        const string view = PlatformPermissions.Users.Default, manage = PlatformPermissions.Users.Manage;

        group.MapGet("/", (UserManagementService s, string? filter, bool? isActive, Guid? departmentId, Guid? roleId, string? sort, int? page, int? pageSize, CancellationToken ct) =>
            s.ListAsync(filter, isActive, departmentId, roleId, sort, page, pageSize, ct)).RequirePermission(view);
        group.MapGet("/{id:guid}", (Guid id, UserManagementService s, CancellationToken ct) => s.GetAsync(id, ct)).RequirePermission(view);
        // Pickers (owner, department head, a "user" custom field) need names, not the admin's user records.
        group.MapGet("/lookup", (UserManagementService s, string? filter, int? max, CancellationToken ct) => s.LookupAsync(filter, max, ct))
            .RequirePermission(PlatformPermissions.Users.Lookup);
        group.MapPost("/", async (CreateUserRequest r, UserManagementService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(r, ct);
            return Results.Created($"/api/identity/users/{created.Id}", created);
        }).Validate<CreateUserRequest>().RequirePermission(manage);
        group.MapPut("/{id:guid}", (Guid id, UpdateUserRequest r, UserManagementService s, CancellationToken ct) => s.UpdateAsync(id, r, ct))
            .Validate<UpdateUserRequest>().RequirePermission(manage);
        group.MapPost("/{id:guid}/lock", async (Guid id, UserManagementService s, CancellationToken ct) =>
        {
            await s.LockAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
        group.MapPost("/{id:guid}/unlock", async (Guid id, UserManagementService s, CancellationToken ct) =>
        {
            await s.UnlockAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
        group.MapPost("/{id:guid}/reset-password", async (Guid id, ResetPasswordRequest r, UserManagementService s, CancellationToken ct) =>
        {
            await s.ResetPasswordAsync(id, r.NewPassword, ct);
            return Results.NoContent();
        }).Validate<ResetPasswordRequest>().RequirePermission(manage);
        group.MapDelete("/{id:guid}", async (Guid id, UserManagementService s, ICurrentUser me, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, me.Id, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
    }
}
