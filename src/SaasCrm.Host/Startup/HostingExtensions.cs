using SaasCrm.Platform.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Scalar.AspNetCore;
using SaasCrm.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Host.Startup;

public static class HostingExtensions
{
    public static WebApplicationBuilder AddSaasCrm(this WebApplicationBuilder builder, ModuleCatalog modules)
    {
        var services = builder.Services;
        services.AddSingleton(modules);
        foreach (var module in modules.Modules)
        {
            module.ConfigureServices(services, builder.Configuration);
        }
        services.AddDictionaries<Catalog.CrmDictionaries>();
        Catalog.CrmRecordTypes.Register(services);
        services.AddSaasCrmDatabase(builder.Configuration);
        // Relative data paths (SQLite file, signing key) are relative to the host project, wherever `dotnet run` starts.
        var contentRoot = builder.Environment.ContentRootPath;
        services.PostConfigure<DataFolderOptions>(o => o.Path = Path.GetFullPath(o.Path, contentRoot));
        services.PostConfigure<DatabaseOptions>(o => o.ConnectionString = DatabaseServiceExtensions.AnchorSqlitePath(o, contentRoot));
        services.AddExceptionHandler<PlatformExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.Configure<SeedOptions>(builder.Configuration.GetSection("Seed"));
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoTenantSeeder>();
        return builder;
    }

    public static WebApplication UseSaasCrm(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages(); // empty 404/405 answers become ProblemDetails
        app.UseAuthentication();
        app.UseMiddleware<MultiTenancyMiddleware>();
        app.UseRateLimiter(); // after tenant resolution: the platform's policies partition by tenant
        app.UseAuthorization();
        app.UseMiddleware<UserKindBoundaryMiddleware>();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("SaasCrm API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .WithMetadata(new HttpMethodMetadata(["GET", "HEAD"])).AllowAnonymous();

        var modules = app.Services.GetRequiredService<ModuleCatalog>();
        foreach (var module in modules.Modules)
        {
            module.MapEndpoints(app);
        }
        app.UseAngularUi();
        return app;
    }
}
