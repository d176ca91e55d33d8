using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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
}
