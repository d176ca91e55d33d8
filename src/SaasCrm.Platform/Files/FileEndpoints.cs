using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Files;

public static class FilePermissions
{
    /// <summary>Download files: one's own, and others' where the file's purpose grants it.</summary>
    public const string Download = "Files.Download";
}

internal sealed class FilePermissionDefinitions : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context) =>
        context.AddGroup("Files", new LocalizedText("Files", "文件"))
            .Add(FilePermissions.Download, new LocalizedText("Download own files (exports, import reports)", "下载自己的文件（导出、导入报告）"),
                MultiTenancySides.Tenant, SeededRoles.Sales, SeededRoles.Service, SeededRoles.Manager);
}

public static class FileEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/files/{id:guid}", async (Guid id, IFileStore files, CancellationToken ct) =>
        {
            var file = await files.GetReadableAsync(id, ct);
            return Results.File(files.OpenRead(file), file.ContentType, file.OriginalName);
        }).WithTags("Files").RequirePermission(FilePermissions.Download);
    }

    /// <summary>
    /// An upload endpoint for one purpose: the file is checked (format by its bytes, size) and kept, answering 201 with
    /// what <paramref name="toDto"/> makes of it. The file is attached to a record later by its id, by its uploader only
    /// (<see cref="IFileStore.GetOwnUploadAsync"/>). For a purpose that declares its references, the upload also starts
    /// the tenant's daily file sweep if it has none, which removes the upload if no record takes it within the grace period.
    /// </summary>
    public static RouteHandlerBuilder MapUpload<TDto>(this IEndpointRouteBuilder group, string pattern, string purpose, Func<StoredFile, TDto> toDto) =>
        group.MapPost(pattern, async (IFormFile? file, IFileStore files, PlatformDbContext db, FilePurposeRegistry purposes, FileSweepScheduler sweeps,
                CancellationToken ct) =>
            {
                if (file is null) throw RequestValidationException.For("file", "file.required", "Choose a file to upload.");
                await using var stream = file.OpenReadStream();
                var stored = await files.SaveUploadAsync(purpose, file.FileName, stream, ct);
                await db.SaveChangesAsync(ct);
                if (purposes.Get(purpose).References is not null) await sweeps.EnsureStartedAsync(ct);
                return Results.Created($"/api/files/{stored.Id}", toDto(stored));
            })
            .DisableAntiforgery() // bearer tokens, no cookies: no cross-site form posts to forge
            .Produces<TDto>(StatusCodes.Status201Created);
}
