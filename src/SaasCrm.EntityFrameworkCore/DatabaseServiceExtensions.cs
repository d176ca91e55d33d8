using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Seeding;

namespace SaasCrm.EntityFrameworkCore;

public static class DatabaseServiceExtensions
{
    public const string SqliteMigrationsAssembly = "SaasCrm.Migrations.Sqlite";
    public const string MySqlMigrationsAssembly = "SaasCrm.Migrations.MySql";

    /// <summary>
    /// Registers the DbContext. Its connection is chosen when it is created: the current tenant's own
    /// database if it has one, else the shared database.
    /// </summary>
    public static IServiceCollection AddSaasCrmDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection("Database"));
        services.AddDbContext<SaasCrmDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var tenant = sp.GetRequiredService<ICurrentTenant>();
            var connectionString = tenant.Id is { } id ? sp.GetRequiredService<ITenantStore>().Find(id)?.ConnectionString : null;
            Configure(options, database, connectionString ?? database.ConnectionString);
            options.AddInterceptors(sp.GetRequiredService<PlatformSaveChangesInterceptor>());
            options.ReplaceService<IModelCacheKeyFactory, ModuleModelCacheKeyFactory>();
        });
        services.AddScoped<PlatformDbContext>(sp => sp.GetRequiredService<SaasCrmDbContext>());
        services.AddScoped<IDatabaseSchemaManager, MigrationSchemaManager>();
        // SQLite has a single writer: jobs run in parallel would only queue on its lock (or fail on it).
        services.AddOptions<JobOptions>().PostConfigure<IOptions<DatabaseOptions>>((jobs, database) =>
        {
            if (database.Value.Provider == DatabaseProvider.Sqlite) jobs.Concurrency = 1;
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, string connectionString)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(connectionString);
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.MySql:
                options.UseMySql(connectionString, Microsoft.EntityFrameworkCore.ServerVersion.Parse(database.ServerVersion),
                    o => o.MigrationsAssembly(MySqlMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {database.Provider}.");
        }
    }

    /// <summary>A relative SQLite file path made absolute against <paramref name="root"/>; other providers unchanged.</summary>
    public static string AnchorSqlitePath(DatabaseOptions options, string root)
    {
        if (options.Provider != DatabaseProvider.Sqlite) return options.ConnectionString;
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        if (builder.DataSource == ":memory:" || Path.IsPathRooted(builder.DataSource)) return options.ConnectionString;
        builder.DataSource = Path.GetFullPath(builder.DataSource, root);
        return builder.ToString();
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:") Directory.CreateDirectory(folder);
    }
}

/// <summary>
/// Keeps EF's model cache apart for DbContexts composed from different module sets (tests compose their own)
/// and for each provider (the model differs slightly per provider, e.g. decimals on SQLite).
/// </summary>
internal sealed class ModuleModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is PlatformDbContext platform
            ? (context.GetType(), platform.Modules.Key, context.Database.ProviderName, designTime)
            : (context.GetType(), context.Database.ProviderName, designTime);
}

/// <summary>Applies the provider's migrations to the current tenant's database.</summary>
internal sealed class MigrationSchemaManager(PlatformDbContext db) : IDatabaseSchemaManager
{
    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);
}
