using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

/// <summary>A schedule trigger starts one instance per occurrence: none before it, one after it, however often or by how many workers the due jobs run.</summary>
public abstract class WorkflowScheduleTests(ApiFixture api)
{
    [Fact]
    public async Task A_schedule_starts_one_instance_per_occurrence()
    {
        var t = await TenantScenario.CreateAsync(api);
        var definition = await PublishAsync(t.Admin, new
        {
            trigger = new { kind = "schedule", cron = "0 9 * * *", timeZone = "UTC" },
            startStepId = "done",
            steps = new[] { Step("done", "Complete") },
            variables = Array.Empty<object>(),
        });
        // Signs in again each time: the clock moves past the access token's lifetime.
        async Task<System.Text.Json.Nodes.JsonArray> Instances() => await InstancesAsync(await t.LoginAsync("admin"), definitionId: definition);
        async Task<int> InstancesNow() => (await Instances()).Count;

        var now = api.Factory.Clock.GetUtcNow().UtcDateTime;
        var first = now.Date.AddHours(9) > now ? now.Date.AddHours(9) : now.Date.AddDays(1).AddHours(9);
        await api.RunJobsAsync();
        Assert.Equal(0, await InstancesNow()); // not before its time

        api.Factory.Clock.Advance(first - now + TimeSpan.FromMinutes(1));
        await api.RunJobsAsync();
        await api.RunJobsAsync();
        Assert.Equal(1, await InstancesNow());
        Assert.All(await Instances(), i => Assert.Equal("Completed", i!["status"]!.GetValue<string>()));

        // The next day's occurrence, with two workers racing for it: still one instance more.
        api.Factory.Clock.Advance(TimeSpan.FromDays(1));
        await RunJobsInParallelAsync(api);
        Assert.Equal(2, await InstancesNow());
        await api.RunJobsAsync();
        Assert.Equal(2, await InstancesNow());
    }
}

public sealed class WorkflowScheduleTestsSqlite(SqliteApi api) : WorkflowScheduleTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowScheduleTestsMariaDb(MariaDbApi api) : WorkflowScheduleTests(api), IClassFixture<MariaDbApi>;
