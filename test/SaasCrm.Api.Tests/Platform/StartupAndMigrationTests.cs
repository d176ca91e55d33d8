using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Api.Tests.Probe;
using SaasCrm.EntityFrameworkCore;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Search.Indexing;

namespace SaasCrm.Api.Tests.Platform;

/// <summary>The product as shipped starts on an empty database: migrations, host admin, demo tenant, sign-in.</summary>
public abstract class StartupAndMigrationTests
{
    protected abstract Task<(string ConnectionString, Func<Task> Cleanup)> NewDatabaseAsync();
    protected abstract DatabaseKind Kind { get; }

    [Fact]
    public async Task A_fresh_database_is_migrated_and_seeded_and_a_second_start_changes_nothing()
    {
        var (connectionString, cleanup) = await NewDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("saascrm-start-").FullName;
        try
        {
            await using (var first = new CrmApiFactory(Kind, connectionString, folder, productionModel: true))
            {
                var anonymous = new ApiClient(first.CreateClient());
                await anonymous.LoginAsync(null, "admin", CrmApiFactory.Password);
                var manager = new ApiClient(first.CreateClient());
                await manager.LoginAsync("demo", "wangfang", CrmApiFactory.Password);
                var departments = (await manager.GetOk("/api/departments")).AsArray();
                Assert.Equal(4, departments.Count);

                await using var scope = first.Services.GetRequiredService<ITenantScopeFactory>().Create(null);
                var db = scope.Services.GetRequiredService<PlatformDbContext>();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration covers: add a migration for both providers.");
            }
            // Restarting on the same database: migrations and seeding are idempotent.
            await using var second = new CrmApiFactory(Kind, connectionString, folder, productionModel: true);
            var host = new ApiClient(second.CreateClient());
            await host.LoginAsync(null, "admin", CrmApiFactory.Password);
            var tenants = (await host.GetOk("/api/host/tenants"))["items"]!.AsArray();
            Assert.Single(tenants);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await cleanup();
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_tenant_with_its_own_database_keeps_its_data_there()
    {
        var (shared, cleanupShared) = await NewDatabaseAsync();
        var (own, cleanupOwn) = await NewDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("saascrm-own-").FullName;
        try
        {
            await using var factory = new CrmApiFactory(Kind, shared, folder, productionModel: true);
            var host = new ApiClient(factory.CreateClient());
            await host.LoginAsync(null, "admin", CrmApiFactory.Password);
            await host.PostOk("/api/host/tenants", new
            {
                name = "isolated",
                displayName = "Isolated Co.",
                adminUserName = "boss",
                adminPassword = CrmApiFactory.Password,
                connectionString = own,
            }, HttpStatusCode.Created);

            var boss = new ApiClient(factory.CreateClient());
            await boss.LoginAsync("isolated", "boss", CrmApiFactory.Password);
            await boss.PostOk("/api/departments", new { name = "Only in my database" }, HttpStatusCode.Created);

            var provider = Kind == DatabaseKind.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.MySql;
            await using (var ownDb = SaasCrmDbContextFactory.Create(provider, own))
            {
                Assert.Equal(1, await ownDb.Departments.IgnoreQueryFilters().CountAsync(d => d.Name == "Only in my database"));
                Assert.Equal(1, await ownDb.Users.IgnoreQueryFilters().CountAsync(u => u.UserName == "boss"));
            }
            await using (var sharedDb = SaasCrmDbContextFactory.Create(provider, shared))
            {
                Assert.Equal(0, await sharedDb.Departments.IgnoreQueryFilters().CountAsync(d => d.Name == "Only in my database"));
                Assert.Equal(0, await sharedDb.Users.IgnoreQueryFilters().CountAsync(u => u.UserName == "boss"));
            }

            // Search: the first pass builds the tenant's index; later changes are applied from its own log, not rebuilt.
            var applier = factory.Services.GetRequiredService<SearchIndexApplier>();
            async Task<DateTime?> RebuiltAtAsync()
            {
                await using var ownDb = SaasCrmDbContextFactory.Create(provider, own);
                return await ownDb.Set<SearchIndexPosition>().Where(p => p.NodeId == applier.Node.NodeId).Select(p => p.RebuiltAt).SingleOrDefaultAsync();
            }
            async Task<bool> FindsAsync(string name) =>
                (await boss.GetOk("/api/search?q=" + Uri.EscapeDataString(name))).ToJsonString().Contains(name);

            await boss.PostOk("/api/customers", new { kind = "Company", name = "Island Trading", phones = Array.Empty<string>(), emails = Array.Empty<string>(), tags = Array.Empty<string>() }, HttpStatusCode.Created);
            await applier.ApplyAllAsync();
            var built = await RebuiltAtAsync();
            Assert.NotNull(built);
            Assert.True(await FindsAsync("Island Trading"));

            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await boss.PostOk("/api/customers", new { kind = "Company", name = "Lagoon Works", phones = Array.Empty<string>(), emails = Array.Empty<string>(), tags = Array.Empty<string>() }, HttpStatusCode.Created);
            await applier.ApplyAllAsync();
            await applier.ApplyAllAsync();
            Assert.True(await FindsAsync("Lagoon Works"));
            Assert.Equal(built, await RebuiltAtAsync());

            // The operator's status reads the tenant's position from its own database (the host database has none).
            var isolatedId = (await host.GetOk("/api/host/tenants?filter=isolated"))["items"]![0]!["id"]!.GetValue<Guid>();

            var status = (await host.GetOk($"/api/host/search/index?tenantId={isolatedId}&nodeId={applier.Node.NodeId}")).AsArray();
            var mine = Assert.Single(status);
            Assert.Equal(0, mine!["pending"]!.GetValue<long>());
            Assert.True(mine["lastSequence"]!.GetValue<long>() >= 2);
            Assert.Equal(built, mine["rebuiltAt"]!.GetValue<DateTime>());
            Assert.Contains((await host.GetOk("/api/host/search/index")).AsArray(), r => r!["tenantId"]!.GetValue<Guid>() == isolatedId);

            // Jobs the tenant queues stay in its database and are claimed, retried and finished there. (The product's
            // modules have no job a test can start at will: a node of the same host with the probe job does.)
            await using var withProbe = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddBackgroundJob<ProbeJobArgs, ProbeJob>(maxAttempts: 3)));
            var (once, retried) = (Guid.NewGuid(), Guid.NewGuid());
            await using (var scope = withProbe.Services.GetRequiredService<ITenantScopeFactory>().Create(isolatedId, "isolated"))
            {
                var jobs = scope.Services.GetRequiredService<IBackgroundJobManager>();
                await jobs.EnqueueAsync(new ProbeJobArgs(once));
                await jobs.EnqueueAsync(new ProbeJobArgs(retried, FailTimes: 1));
                await scope.Services.GetRequiredService<PlatformDbContext>().SaveChangesAsync();
            }
            async Task<List<BackgroundJobRecord>> OwnJobsAsync()
            {
                await using var ownDb = SaasCrmDbContextFactory.Create(provider, own);
                return await ownDb.BackgroundJobs.AsNoTracking().Where(j => j.JobName == "probe.job").ToListAsync();
            }
            Assert.Equal(2, (await OwnJobsAsync()).Count);
            var worker = withProbe.Services.GetRequiredService<JobWorker>();
            await worker.RunDueJobsAsync(CancellationToken.None);
            Assert.Equal([isolatedId], ProbeJob.Runs[once].Select(r => r.TenantId));
            Assert.Equal(JobStatus.Succeeded, (await OwnJobsAsync()).Single(j => j.Args.Contains(once.ToString())).Status);
            var failedOnce = (await OwnJobsAsync()).Single(j => j.Args.Contains(retried.ToString()));
            Assert.Equal(JobStatus.Pending, failedOnce.Status);
            Assert.Contains("probe failure 1", failedOnce.LastError);
            factory.Clock.Advance(TimeSpan.FromHours(1));
            await worker.RunDueJobsAsync(CancellationToken.None);
            Assert.Equal(JobStatus.Succeeded, (await OwnJobsAsync()).Single(j => j.Args.Contains(retried.ToString())).Status);
            Assert.Equal(2, ProbeJob.RunCount(retried));
            await using (var sharedDb = SaasCrmDbContextFactory.Create(provider, shared))
            {
                Assert.Equal(0, await sharedDb.BackgroundJobs.CountAsync(j => j.JobName == "probe.job" && j.TenantId == isolatedId));
            }

            // The operator reads and cancels them in the tenant's database by naming the tenant; the host database's list has none.
            Guid later;
            await using (var scope = withProbe.Services.GetRequiredService<ITenantScopeFactory>().Create(isolatedId, "isolated"))
            {
                later = await scope.Services.GetRequiredService<IBackgroundJobManager>().EnqueueAsync(new ProbeJobArgs(Guid.NewGuid()), factory.Clock.GetUtcNow().UtcDateTime.AddDays(1));
                await scope.Services.GetRequiredService<PlatformDbContext>().SaveChangesAsync();
            }
            await host.LoginAsync(null, "admin", CrmApiFactory.Password); // the clock moved past the first token
            var listed = await host.GetOk($"/api/host/jobs?tenantId={isolatedId}&jobName=probe.job");
            Assert.Equal(3, listed["total"]!.GetValue<int>());
            Assert.All(listed["items"]!.AsArray(), j => Assert.Equal(isolatedId, j!["tenantId"]!.GetValue<Guid>()));
            Assert.Equal(0, (await host.GetOk("/api/host/jobs?jobName=probe.job"))["total"]!.GetValue<int>());
            await host.ExpectStatus($"/api/host/jobs?tenantId={Guid.NewGuid()}", HttpStatusCode.NotFound);
            await ApiClient.Expect(await host.PostAsync($"/api/host/jobs/{later}/cancel"), HttpStatusCode.NotFound);
            await ApiClient.Expect(await host.PostAsync($"/api/host/jobs/{later}/cancel?tenantId={isolatedId}"), HttpStatusCode.NoContent);
            Assert.Equal(JobStatus.Cancelled, (await OwnJobsAsync()).Single(j => j.Id == later).Status);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await cleanupShared();
            await cleanupOwn();
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }
}

public sealed class StartupAndMigrationTestsSqlite : StartupAndMigrationTests
{
    protected override DatabaseKind Kind => DatabaseKind.Sqlite;

    protected override Task<(string, Func<Task>)> NewDatabaseAsync()
    {
        var folder = Directory.CreateTempSubdirectory("saascrm-db-").FullName;
        return Task.FromResult(($"Data Source={Path.Combine(folder, "crm.db")}", (Func<Task>)(() =>
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
            return Task.CompletedTask;
        })));
    }
}

public sealed class StartupAndMigrationTestsMariaDb : StartupAndMigrationTests
{
    protected override DatabaseKind Kind => DatabaseKind.MariaDb;

    protected override async Task<(string, Func<Task>)> NewDatabaseAsync()
    {
        var server = await SharedMariaDb.GetAsync();
        var name = "mig_" + Guid.NewGuid().ToString("N")[..12];
        await server.CreateDatabaseAsync(name);
        return (server.ConnectionString(name), () => server.DropDatabaseAsync(name));
    }
}
