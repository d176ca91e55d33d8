using SaasCrm.Platform.Modularity;

namespace SaasCrm.EntityFrameworkCore;

/// <summary>The modules of the product, in dependency order: the host and the migrations are built from this one list.</summary>
public static class AllModules
{
    public static ModuleCatalog Catalog { get; } = new([new PlatformModule(), new Search.SearchModule(), new Customers.CustomersModule(), new Workflows.WorkflowsModule(), new Service.ServiceModule()]);
}
