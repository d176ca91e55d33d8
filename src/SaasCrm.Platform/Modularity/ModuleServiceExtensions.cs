using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Events;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Seeding;

namespace SaasCrm.Platform.Modularity;

/// <summary>How a module registers what it brings: permissions, jobs, event handlers, tenant seeders.</summary>
public static class ModuleServiceExtensions
{
    public static IServiceCollection AddPermissionDefinitions<TProvider>(this IServiceCollection services)
        where TProvider : PermissionDefinitionProvider
    {
        services.AddSingleton<PermissionDefinitionProvider, TProvider>();
        return services;
    }

    public static IServiceCollection AddBackgroundJob<TArgs, THandler>(this IServiceCollection services, int maxAttempts = 0)
        where THandler : class, IBackgroundJob<TArgs>
    {
        GetOrAddRegistry<JobRegistry>(services).Add(new JobRegistration(JobRegistry.NameOf(typeof(TArgs)), typeof(TArgs), typeof(THandler), maxAttempts));
        services.TryAddScoped<THandler>();
        return services;
    }

    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where THandler : class, IEventHandler<TEvent>
    {
        GetOrAddRegistry<EventHandlerRegistry>(services).Add(new EventHandlerRegistration(typeof(TEvent), typeof(THandler)));
        services.TryAddScoped<THandler>();
        return services;
    }

    public static IServiceCollection AddDictionaries<TProvider>(this IServiceCollection services)
        where TProvider : Dictionaries.DictionaryDefinitionProvider
    {
        services.AddSingleton<Dictionaries.DictionaryDefinitionProvider, TProvider>();
        return services;
    }

    /// <summary>Lets tenant admins add custom fields to a record type of the module.</summary>
    public static IServiceCollection AddCustomFieldEntityType(this IServiceCollection services, string name, LocalizedText displayName)
    {
        GetOrAddRegistry<CustomFields.CustomFieldEntityTypes>(services).Add(new CustomFields.CustomFieldEntityType(name, displayName));
        return services;
    }

    public static IServiceCollection AddTenantSeeder<TSeeder>(this IServiceCollection services) where TSeeder : class, ITenantDataSeeder
    {
        services.AddScoped<ITenantDataSeeder, TSeeder>();
        return services;
    }

    /// <summary>Registries are filled while services are registered, so they are plain instances, not factories.</summary>
    public static T GetOrAddRegistry<T>(IServiceCollection services) where T : class, new()
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(T))?.ImplementationInstance is T existing) return existing;
        var created = new T();
        services.AddSingleton(created);
        return created;
    }
}
