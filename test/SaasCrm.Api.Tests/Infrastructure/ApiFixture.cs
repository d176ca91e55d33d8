using SaasCrm.Platform.BackgroundJobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;

namespace SaasCrm.Api.Tests.Infrastructure;

/// <summary>One host and one fresh database per test class; tests inside a class isolate themselves with their own tenants.</summary>
public abstract class ApiFixture : IAsyncLifetime
{
    private string? _folder;
    private string? _database;

    public CrmApiFactory Factory { get; private set; } = null!;
    protected abstract DatabaseKind Kind { get; }

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("saascrm-test-").FullName;
        string connectionString;
        if (Kind == DatabaseKind.Sqlite)
        {
            connectionString = $"Data Source={Path.Combine(_folder, "crm.db")};Default Timeout=60";
        }
        else
        {
            var server = await SharedMariaDb.GetAsync();
            _database = "crm_" + Guid.NewGuid().ToString("N")[..12];
            await server.CreateDatabaseAsync(_database);
            connectionString = server.ConnectionString(_database);
        }
        Factory = new CrmApiFactory(Kind, connectionString, _folder);
        _ = Factory.Server; // start the host: runs the schema step and seeds the host admin
    }

    public ApiClient Anonymous() => new(Factory.CreateClient());

    public async Task<ApiClient> LoginAsync(string? tenant, string userName, string password = CrmApiFactory.Password)
    {
        var client = Anonymous();
        await client.LoginAsync(tenant, userName, password);
        return client;
    }

    public Task<ApiClient> HostAdminAsync() => LoginAsync(null, "admin");

    /// <summary>Runs due jobs on this node until none is left (bounded), as the worker would.</summary>
    /// <summary>Another worker node on the same host and test clock, as a second process would run one.</summary>
    public JobWorker NewWorker(string node)
    {
        var services = Factory.Services;
        return new JobWorker(services.GetRequiredService<ITenantScopeFactory>(), services.GetRequiredService<JobRegistry>(),
            services.GetRequiredService<ICurrentUser>(), Factory.Clock,
            services.GetRequiredService<IOptions<JobOptions>>(), NullLogger<JobWorker>.Instance) { NodeId = node };
    }

    public async Task<int> RunJobsAsync(JobWorker? worker = null)
    {
        worker ??= Factory.Services.GetRequiredService<JobWorker>();
        var total = 0;
        for (var round = 0; round < 20; round++)
        {
            var ran = await worker.RunDueJobsAsync(CancellationToken.None);
            if (ran == 0) break;
            total += ran;
        }
        return total;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null) await (await SharedMariaDb.GetAsync()).DropDatabaseAsync(_database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { if (_folder is not null) Directory.Delete(_folder, true); } catch (IOException) { /* best effort */ }
    }
}

public sealed class SqliteApi : ApiFixture
{
    protected override DatabaseKind Kind => DatabaseKind.Sqlite;
}

public sealed class MariaDbApi : ApiFixture
{
    protected override DatabaseKind Kind => DatabaseKind.MariaDb;
}

/// <summary>One MariaDB server per test run; each fixture gets its own database on it.</summary>
public static class SharedMariaDb
{
    private static readonly Lazy<Task<MariaDbServer>> Server = new(() => MariaDbServer.StartAsync());

    public static Task<MariaDbServer> GetAsync()
    {
        if (!MariaDbServer.IsAvailable)
            throw new InvalidOperationException($"MariaDB is required for these tests: {MariaDbServer.UnavailableReason} Run etc/install-mariadb.sh.");
        return Server.Value;
    }
}
