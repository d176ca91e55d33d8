using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers.Import;

internal static class ImportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customer-imports").WithTags("Customer import");
        const string permission = CustomerPermissions.Import;

        group.MapGet("/fields", (ImportService s, CancellationToken ct) => s.FieldsAsync(ct)).RequirePermission(permission);
        group.MapPost("/", async (IFormFile? file, ImportService s, CancellationToken ct) =>
        {
            if (file is null) throw RequestValidationException.For("file", "file.missing", "Choose a file to upload.");
            await using var content = file.OpenReadStream();
            var uploaded = await s.UploadAsync(file.FileName, content, ct);
            return Results.Created($"/api/customer-imports/{uploaded.Id}", uploaded);
        }).DisableAntiforgery().RequirePermission(permission); // bearer tokens, no cookies: no cross-site form posts to forge
        group.MapGet("/", (ImportService s, int? page, int? pageSize, CancellationToken ct) => s.ListAsync(page, pageSize, ct)).RequirePermission(permission);
        group.MapGet("/{id:guid}", (Guid id, ImportService s, CancellationToken ct) => s.GetAsync(id, ct)).RequirePermission(permission);
        group.MapPost("/{id:guid}/dry-run", (Guid id, ImportMappingRequest request, ImportService s, CancellationToken ct) => s.DryRunAsync(id, request, ct))
            .RequirePermission(permission);
        group.MapPost("/{id:guid}/commit", async (Guid id, ImportCommitRequest request, ImportService s, CancellationToken ct) =>
        {
            var (batch, queued) = await s.CommitAsync(id, request, ct);
            return queued ? Results.Accepted($"/api/customer-imports/{id}", batch) : Results.Ok(batch);
        }).RequirePermission(permission);
        group.MapPost("/{id:guid}/revert", (Guid id, ImportRevert s, CancellationToken ct) => s.RevertAsync(id, ct)).RequirePermission(permission);
    }
}
