using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SaasCrm.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Migrations.Sqlite;

/// <summary>Used by `dotnet ef migrations add` for the SQLite migrations.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SaasCrmDbContext>
{
    public SaasCrmDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SaasCrmDbContext>();
        DatabaseServiceExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, "Data Source=design-time.db");
        return new SaasCrmDbContext(builder.Options, new CurrentTenant(), new DataFilter(), AllModules.Catalog);
    }
}
