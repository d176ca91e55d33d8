using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.EntityFrameworkCore;

/// <summary>The application's DbContext: the platform's tables plus every registered module's entities.</summary>
public sealed class SaasCrmDbContext(
    DbContextOptions<SaasCrmDbContext> options,
    ICurrentTenant currentTenant,
    IDataFilter dataFilter,
    ModuleCatalog modules) : PlatformDbContext(options, currentTenant, dataFilter, modules);

/// <summary>A context outside DI (design-time tools, maintenance, tests): the product's modules, host side, filters on.</summary>
public static class SaasCrmDbContextFactory
{
    public static SaasCrmDbContext Create(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<SaasCrmDbContext>();
        DatabaseServiceExtensions.Configure(builder, new DatabaseOptions { Provider = provider }, connectionString);
        return new SaasCrmDbContext(builder.Options, new CurrentTenant(), new DataFilter(), AllModules.Catalog);
    }
}
