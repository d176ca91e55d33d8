using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SaasCrm.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Migrations.MySql;

/// <summary>Used by `dotnet ef migrations add` for the MySQL/MariaDB migrations.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SaasCrmDbContext>
{
    public SaasCrmDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SaasCrmDbContext>();
        DatabaseServiceExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.MySql }, "Server=localhost;Database=design;User=design;Password=design");
        return new SaasCrmDbContext(builder.Options, new CurrentTenant(), new DataFilter(), AllModules.Catalog);
    }
}
