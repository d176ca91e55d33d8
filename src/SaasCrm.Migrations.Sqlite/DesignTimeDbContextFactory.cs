using Microsoft.EntityFrameworkCore.Design;
using SaasCrm.EntityFrameworkCore;

namespace SaasCrm.Migrations.Sqlite;

/// <summary>Used by `dotnet ef migrations add` for the SQLite migrations.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SaasCrmDbContext>
{
    public SaasCrmDbContext CreateDbContext(string[] args) => SaasCrmDbContextFactory.Create(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}
