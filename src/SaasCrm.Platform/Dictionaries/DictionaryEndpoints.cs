using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Dictionaries;

public static class DictionaryEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dictionaries").WithTags("Dictionaries");
        const string view = PlatformPermissions.Dictionaries.Default, manage = PlatformPermissions.Dictionaries.Manage;

        group.MapGet("/", (DictionaryAdminService s, CancellationToken ct) => s.TypesAsync(ct)).RequirePermission(view);
        group.MapPost("/", async (SaveDictionaryTypeRequest r, DictionaryAdminService s, CancellationToken ct) =>
        {
            var created = await s.CreateTypeAsync(r, ct);
            return Results.Created($"/api/dictionaries/{created.Code}/items", created);
        }).Validate<SaveDictionaryTypeRequest>().RequirePermission(manage);
        group.MapPut("/{id:guid}", (Guid id, SaveDictionaryTypeRequest r, DictionaryAdminService s, CancellationToken ct) => s.UpdateTypeAsync(id, r, ct))
            .Validate<SaveDictionaryTypeRequest>().RequirePermission(manage);

        group.MapGet("/{typeCode}/items", (string typeCode, bool? includeDisabled, DictionaryAdminService s, CancellationToken ct) =>
            s.ItemsAsync(typeCode, includeDisabled ?? false, ct)).RequirePermission(view);
        group.MapPost("/{typeCode}/items", async (string typeCode, SaveDictionaryItemRequest r, DictionaryAdminService s, CancellationToken ct) =>
        {
            var created = await s.CreateItemAsync(typeCode, r, ct);
            return Results.Created($"/api/dictionaries/items/{created.Id}", created);
        }).Validate<SaveDictionaryItemRequest>().RequirePermission(manage);
        group.MapPut("/{typeCode}/order", async (string typeCode, ReorderRequest r, DictionaryAdminService s, CancellationToken ct) =>
        {
            await s.ReorderAsync(typeCode, r.ItemIds, ct);
            return Results.NoContent();
        }).Validate<ReorderRequest>().RequirePermission(manage);
        group.MapPut("/items/{id:guid}", (Guid id, SaveDictionaryItemRequest r, DictionaryAdminService s, CancellationToken ct) => s.UpdateItemAsync(id, r, ct))
            .Validate<SaveDictionaryItemRequest>().RequirePermission(manage);
        group.MapDelete("/items/{id:guid}", async (Guid id, DictionaryAdminService s, CancellationToken ct) =>
        {
            await s.DeleteItemAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(manage);
    }
}
