using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;

namespace SaasCrm.Platform.Files;

public static class FileRegistration
{
    public static IServiceCollection AddPlatformFiles(this IServiceCollection services)
    {
        services.AddPermissionDefinitions<FilePermissionDefinitions>();
        services.AddScoped<IFileStore, LocalFileStore>();
        ModuleServiceExtensions.GetOrAddRegistry<FilePurposeRegistry>(services);
        return services;
    }
}
