using Microsoft.EntityFrameworkCore.Design;
using SaasCrm.EntityFrameworkCore;

namespace SaasCrm.Migrations.MySql;

/// <summary>Used by `dotnet ef migrations add` for the MySQL/MariaDB migrations (no server needed: the version is configured).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SaasCrmDbContext>
{
    public SaasCrmDbContext CreateDbContext(string[] args) =>
        SaasCrmDbContextFactory.Create(DatabaseProvider.MySql, "Server=localhost;Database=design;User=design;Password=design");
}
