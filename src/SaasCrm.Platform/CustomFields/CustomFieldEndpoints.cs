using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.CustomFields;

public static class CustomFieldEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/custom-fields").WithTags("Custom fields");
        const string view = PlatformPermissions.CustomFields.Default, manage = PlatformPermissions.CustomFields.Manage;

        group.MapGet("/entity-types", (CustomFieldAdminService s) => s.EntityTypes()).RequirePermission(view);
        group.MapGet("/", (string entityType, bool? includeHidden, CustomFieldAdminService s, CancellationToken ct) =>
            s.ListAsync(entityType, includeHidden ?? false, ct)).RequirePermission(view);
        group.MapPost("/", async (SaveCustomFieldRequest r, CustomFieldAdminService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(r, ct);
            return Results.Created($"/api/custom-fields/{created.Id}", created);
        }).Validate<SaveCustomFieldRequest>().RequirePermission(manage);
        group.MapPut("/{id:guid}", (Guid id, SaveCustomFieldRequest r, CustomFieldAdminService s, CancellationToken ct) => s.UpdateAsync(id, r, ct))
            .Validate<SaveCustomFieldRequest>().RequirePermission(manage);
        group.MapPut("/order", async (ReorderFieldsRequest r, CustomFieldAdminService s, CancellationToken ct) =>
        {
            await s.ReorderAsync(r.EntityType, r.FieldIds, ct);
            return Results.NoContent();
        }).Validate<ReorderFieldsRequest>().RequirePermission(manage);
        group.MapDelete("/{id:guid}", async (Guid id, CustomFieldAdminService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
    }
}
