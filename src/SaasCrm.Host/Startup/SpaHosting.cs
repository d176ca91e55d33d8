using Microsoft.Extensions.FileProviders;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace SaasCrm.Host.Startup;

/// <summary>
/// Serves the Angular build on the API's port: hashed assets cached for a year, index.html never cached,
/// and deep links (/admin/users/42) answered with index.html so a reload works. API, OpenAPI and health
/// routes are never swallowed: an unknown /api URL stays a 404 ProblemDetails.
/// </summary>
public static class SpaHosting
{
    private static readonly string[] ServerPrefixes = ["/api", "/openapi", "/health", "/api-docs", "/hubs"];

    public static WebApplication UseAngularUi(this WebApplication app)
    {
        var root = UiFolder(app);
        if (root is null) return app;
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = context.File.Name == "index.html"
                    ? "no-cache, no-store, must-revalidate"
                    : "public, max-age=31536000, immutable";
            },
        });
        app.MapFallback(async context =>
        {
            var path = context.Request.Path;
            if (ServerPrefixes.Any(p => path.StartsWithSegments(p)) || Path.HasExtension(path.Value))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache, no-store, must-revalidate";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
        }).WithMetadata(new HttpMethodMetadata(["GET", "HEAD"])).AllowAnonymous(); // other methods keep their 405
        return app;
    }

    /// <summary>The UI build: configured <c>Ui:Path</c>, else the Angular workspace's dist folder next to the sources.</summary>
    private static string? UiFolder(WebApplication app)
    {
        var configured = app.Configuration["Ui:Path"];
        var candidates = configured is { Length: > 0 }
            ? [Path.GetFullPath(configured, app.Environment.ContentRootPath)]
            : new[] { Path.Combine(app.Environment.ContentRootPath, "wwwroot"), Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, "..", "..", "angular", "dist", "browser")) };
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "index.html")));
    }
}
