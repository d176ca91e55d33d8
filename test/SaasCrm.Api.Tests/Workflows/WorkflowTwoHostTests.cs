using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Workflows.Runtime;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

/// <summary>
/// Two hosts (two DI containers, two job workers with their own node ids, two connection pools) on one database,
/// sharing one clock. Each host's worker reports how many jobs it claimed; a claim is exclusive.
/// </summary>
public abstract class WorkflowTwoHostTests(ApiFixture api, int instances)
{
    [Fact]
    public async Task Timers_falling_due_together_run_exactly_once_across_two_hosts()
    {
        var t = await TenantScenario.CreateAsync(api);
        await PublishAsync(t.Admin, Model("wait",
            Step("wait", "WaitUntil", new { duration = "PT1H" }, "mark"),
            Step("mark", "SetField", new { field = "level", value = "B" }, "done"),
            Step("done", "Complete")));
        await using var second = api.Factory.WithWebHostBuilder(_ => { });
        _ = second.Server;
        var workerA = api.Factory.Services.GetRequiredService<JobWorker>();
        var workerB = second.Services.GetRequiredService<JobWorker>();
        Assert.NotEqual(workerA.NodeId, workerB.NodeId);

        using var throttle = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, instances).Select(async i =>
        {
            await throttle.WaitAsync();
            try { await CustomerApi.CreateIdAsync(t.Admin, $"Due {i} {Guid.NewGuid():N}"); }
            finally { throttle.Release(); }
        }));
        while (await api.RunJobsAsync(workerA) > 0) { } // start every instance; all wait for the same instant
        var waiting = await InTenantAsync(t.Id, db => db.Set<WorkflowBookmark>().CountAsync(b => b.Kind == BookmarkKind.Timer));
        Assert.Equal(instances, waiting);
        Assert.Single(await InTenantAsync(t.Id, db => db.Set<WorkflowBookmark>().Select(b => b.DueAt).Distinct().ToListAsync()));

        api.Factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1)); // the one clock both hosts read
        // One batch each first, so both nodes surely take part (SQLite serialises writers, and one node may drain the
        // table before the other's first claim); then both race over the rest, batch by batch.
        var ranA = await workerA.RunDueJobsAsync(CancellationToken.None);
        var ranB = await workerB.RunDueJobsAsync(CancellationToken.None);
        while (true)
        {
            var counts = await Task.WhenAll(Task.Run(() => workerA.RunDueJobsAsync(CancellationToken.None)), Task.Run(() => workerB.RunDueJobsAsync(CancellationToken.None)));
            ranA += counts[0];
            ranB += counts[1];
            if (counts[0] + counts[1] == 0) break;
        }

        var journal = await InTenantAsync(t.Id, db => db.Set<WorkflowJournalEntry>().AsNoTracking()
            .Where(j => j.StepId == "mark" || (j.StepId == "wait" && j.Outcome == "resumed"))
            .GroupBy(j => new { j.InstanceId, j.StepId }).Select(g => new { g.Key.InstanceId, g.Key.StepId, Count = g.Count() }).ToListAsync());
        Assert.Equal(instances, journal.Count(j => j.StepId == "mark"));
        Assert.Equal(instances, journal.Count(j => j.StepId == "wait"));
        Assert.All(journal, j => Assert.Equal(1, j.Count));
        var statuses = await InTenantAsync(t.Id, db => db.Set<WorkflowInstance>().GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(instances, Assert.Single(statuses).Count);
        Assert.Equal(WorkflowInstanceStatus.Completed, statuses[0].Key);
        // Every due timer job and every run job it queued ran once, spread over both hosts.
        Assert.Equal(2 * instances, ranA + ranB);
        Assert.True(ranA > 0 && ranB > 0, $"host A ran {ranA} jobs, host B ran {ranB}");
    }

    private async Task<T> InTenantAsync<T>(Guid tenantId, Func<PlatformDbContext, Task<T>> read)
    {
        using var _ = api.Factory.Services.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var scope = api.Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }
}

/// <summary>SQLite: a small run that proves the two-host setup; the full thousand runs on MariaDB.</summary>
public sealed class WorkflowTwoHostTestsSqlite(SqliteApi api) : WorkflowTwoHostTests(api, 100), IClassFixture<SqliteApi>;

public sealed class WorkflowTwoHostTestsMariaDb(MariaDbApi api) : WorkflowTwoHostTests(api, 1000), IClassFixture<MariaDbApi>;
