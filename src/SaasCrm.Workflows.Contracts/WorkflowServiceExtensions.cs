using Microsoft.Extensions.DependencyInjection;

namespace SaasCrm.Workflows;

public static class WorkflowServiceExtensions
{
    /// <summary>Makes a module's record kind available to workflow triggers, conditions and activities.</summary>
    public static IServiceCollection AddWorkflowRecordType<T>(this IServiceCollection services) where T : class, IWorkflowRecordType
    {
        services.AddScoped<IWorkflowRecordType, T>();
        return services;
    }

    /// <summary>Offers a module's ready-made definitions to every tenant.</summary>
    public static IServiceCollection AddWorkflowTemplates<T>(this IServiceCollection services) where T : class, IWorkflowTemplateProvider
    {
        services.AddSingleton<IWorkflowTemplateProvider, T>();
        return services;
    }
}
