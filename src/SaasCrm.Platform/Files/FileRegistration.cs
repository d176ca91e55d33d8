using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;

namespace SaasCrm.Platform.Files;

public static class FileRegistration
{
    public static IServiceCollection AddPlatformFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissionDefinitions<FilePermissionDefinitions>();
        services.AddScoped<IFileStore, LocalFileStore>();
        ModuleServiceExtensions.GetOrAddRegistry<FilePurposeRegistry>(services);

        // The daily sweep of files no record uses (purposes that declare their references).
        services.Configure<FileSweepOptions>(configuration.GetSection("FileSweep"));
        services.AddScoped<FileSweepScheduler>();
        services.AddScoped<FileSweeper>();
        services.AddBackgroundJob<FileSweepJobArgs, FileSweepJob>(maxAttempts: 5);
        return services;
    }
}
