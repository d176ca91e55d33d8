using System.Net;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

public abstract class WorkflowRuntimeTests(ApiFixture api)
{
    [Fact]
    public async Task A_timer_step_happens_exactly_once_even_when_jobs_run_again()
    {
        var t = await TenantScenario.CreateAsync(api);
        var admin = t.Admin;
        await PublishAsync(admin, Model("wait",
            Step("wait", "WaitUntil", new { duration = "PT2H" }, "level"),
            Step("level", "SetField", new { field = "level", value = "A" }, "done"),
            Step("done", "Complete")));
        var customer = await CustomerApi.CreateIdAsync(admin, "Timer Co " + Guid.NewGuid().ToString("N")[..6]);
        await api.RunJobsAsync();
        var waiting = await SingleInstanceAsync(admin, customer);
        Assert.Equal("Waiting", Status(waiting));
        Assert.Single(waiting["bookmarks"]!.AsArray());

        api.Factory.Clock.Advance(TimeSpan.FromHours(1));
        admin = await t.LoginAsync("admin");
        await api.RunJobsAsync();
        Assert.Equal(0, Count(await SingleInstanceAsync(admin, customer), "level", "next"));

        api.Factory.Clock.Advance(TimeSpan.FromHours(2));
        admin = await t.LoginAsync("admin");
        await api.RunJobsAsync();
        await api.RunJobsAsync();
        var done = await SingleInstanceAsync(admin, customer);
        Assert.Equal("Completed", Status(done));
        Assert.Equal(1, Count(done, "level", "next"));
        Assert.Equal("A", (await admin.GetOk($"/api/customers/{customer}"))["levelCode"]?.GetValue<string>());
    }

    [Fact]
    public async Task Three_days_forward_fires_each_sequential_timer_once()
    {
        var t = await TenantScenario.CreateAsync(api);
        var admin = t.Admin;
        await PublishAsync(admin, Model("w1",
            Step("w1", "WaitUntil", new { duration = "PT1H" }, "w2"),
            Step("w2", "WaitUntil", new { duration = "PT1H" }, "w3"),
            Step("w3", "WaitUntil", new { duration = "PT1H" }, "done"),
            Step("done", "Complete")));
        var customer = await CustomerApi.CreateIdAsync(admin, "Jump Co " + Guid.NewGuid().ToString("N")[..6]);
        await api.RunJobsAsync();
        api.Factory.Clock.Advance(TimeSpan.FromDays(3));
        await api.RunJobsAsync();
        // Each later timer counts from when its wait began (after the jump), so move on hour by hour and run jobs twice each time.
        for (var i = 0; i < 3; i++)
        {
            api.Factory.Clock.Advance(TimeSpan.FromHours(1));
            await api.RunJobsAsync();
            await api.RunJobsAsync();
        }
        admin = await t.LoginAsync("admin");
        var done = await SingleInstanceAsync(admin, customer);
        Assert.Equal("Completed", Status(done));
        foreach (var step in new[] { "w1", "w2", "w3" })
        {
            Assert.Equal(1, Count(done, step, "waiting"));
            Assert.Equal(1, Count(done, step, "resumed"));
        }
    }

    [Fact]
    public async Task A_reply_and_a_deadline_at_the_same_instant_take_exactly_one_branch()
    {
        var t = await TenantScenario.CreateAsync(api);
        var admin = t.Admin;
        await PublishAsync(admin, Model("wait",
            Step("wait", "WaitForEventOrTimer", new { @event = "CustomerReplied", timer = new { duration = "PT1H" } }, branches: new { @event = "replied", timer = "late" }),
            Step("replied", "SetField", new { field = "level", value = "A" }, "done"),
            Step("late", "SetField", new { field = "level", value = "C" }, "done"),
            Step("done", "Complete")));
        var customer = await CustomerApi.CreateIdAsync(admin, "Race Co " + Guid.NewGuid().ToString("N")[..6]);
        await api.RunJobsAsync();
        api.Factory.Clock.Advance(TimeSpan.FromHours(1));
        admin = await t.LoginAsync("admin");
        await RaiseAsync(api, t.Id, customer, "CustomerReplied");
        await RunJobsInParallelAsync(api);
        var done = await SingleInstanceAsync(admin, customer);
        Assert.Equal("Completed", Status(done));
        Assert.Equal(1, Count(done, "replied", "next") + Count(done, "late", "next"));
    }

    [Fact]
    public async Task An_event_raised_while_no_worker_runs_is_processed_when_jobs_run()
    {
        var t = await TenantScenario.CreateAsync(api);
        var admin = t.Admin;
        await PublishAsync(admin, Model("wait",
            Step("wait", "WaitForEvent", new { @event = "CustomerReplied" }, "level"),
            Step("level", "SetField", new { field = "level", value = "B" }, "done"),
            Step("done", "Complete")));
        var customer = await CustomerApi.CreateIdAsync(admin, "Offline Co " + Guid.NewGuid().ToString("N")[..6]);
        await api.RunJobsAsync();
        await RaiseAsync(api, t.Id, customer, "CustomerReplied");
        Assert.Equal("Waiting", Status(await SingleInstanceAsync(admin, customer)));
        await api.RunJobsAsync();
        var done = await SingleInstanceAsync(admin, customer);
        Assert.Equal("Completed", Status(done));
        Assert.Equal(1, Count(done, "level", "next"));
    }

    [Fact]
    public async Task A_failing_step_retries_then_becomes_an_incident_that_can_be_skipped_retried_or_cancelled()
    {
        var t = await TenantScenario.CreateAsync(api);
        var admin = t.Admin;
        await PublishAsync(admin, Model("assign",
            Step("assign", "Assign", new { strategy = "user", candidates = new { userIds = new[] { Guid.NewGuid() } } }, "done"),
            Step("done", "Complete")));
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add(await CustomerApi.CreateIdAsync(admin, $"Broken {i} " + Guid.NewGuid().ToString("N")[..6]));
        await api.RunJobsAsync();
        Assert.Equal("Running", Status(await SingleInstanceAsync(admin, ids[0]))); // first attempt failed, retry pending
        for (var i = 0; i < 3; i++)
        {
            api.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        admin = await t.LoginAsync("admin");
            await api.RunJobsAsync();
        }
        var faulted = await SingleInstanceAsync(admin, ids[0]);
        Assert.Equal("Faulted", Status(faulted));
        var incidents = (await admin.GetOk("/api/workflows/incidents?status=Open")).AsArray();
        Assert.Equal(3, incidents.Count);
        Assert.Contains("does not exist", incidents[0]!["error"]!.GetValue<string>());
        Guid IncidentOf(Guid record) => incidents.Select(x => x!).Single(x => x["instanceId"]!.GetValue<Guid>() == InstanceIdOf(record)).AsObject()["id"]!.GetValue<Guid>();
        var instanceIds = new Dictionary<Guid, Guid>();
        foreach (var id in ids) instanceIds[id] = (await SingleInstanceAsync(admin, id))["instance"]!["id"]!.GetValue<Guid>();
        Guid InstanceIdOf(Guid record) => instanceIds[record];

        await admin.PostOk($"/api/workflows/incidents/{IncidentOf(ids[0])}/skip");
        await admin.PostOk($"/api/workflows/incidents/{IncidentOf(ids[1])}/cancel");
        await admin.PostOk($"/api/workflows/incidents/{IncidentOf(ids[2])}/retry");
        await ApiClient.ExpectProblem(await admin.PostAsync($"/api/workflows/incidents/{IncidentOf(ids[2])}/retry"), HttpStatusCode.Conflict, "workflow.incident_resolved");
        await api.RunJobsAsync();
        Assert.Equal("Completed", Status(await SingleInstanceAsync(admin, ids[0])));
        Assert.Equal("Cancelled", Status(await SingleInstanceAsync(admin, ids[1])));
        var retried = await SingleInstanceAsync(admin, ids[2]);
        Assert.Equal("Running", Status(retried)); // the step failed again and waits for its next attempt
        Assert.Equal(1, Count(retried, "assign", "retried"));
        Assert.Equal(0, Count(await SingleInstanceAsync(admin, ids[0]), "assign", "next")); // skipped, never assigned
    }
}

public sealed class WorkflowRuntimeTestsSqlite(SqliteApi api) : WorkflowRuntimeTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowRuntimeTestsMariaDb(MariaDbApi api) : WorkflowRuntimeTests(api), IClassFixture<MariaDbApi>;
