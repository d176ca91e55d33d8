using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SaasCrm.Platform.Modularity;

/// <summary>
/// A module plugs into the platform without changing it: it registers its services (permission
/// providers, jobs, event handlers, tenant seeders, validators), its entities and its endpoints.
/// </summary>
public abstract class CrmModule
{
    public virtual string Name => GetType().Name;
    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration) { }
    public virtual void ConfigureModel(ModelBuilder builder) { }
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}

/// <summary>The modules of this deployment, in dependency order.</summary>
public sealed class ModuleCatalog(IReadOnlyList<CrmModule> modules)
{
    public IReadOnlyList<CrmModule> Modules { get; } = modules;

    /// <summary>Distinguishes EF models of catalogs with different modules (tests compose their own).</summary>
    public string Key { get; } = string.Join("|", modules.Select(m => m.GetType().FullName));
}
