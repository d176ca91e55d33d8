using System.Net;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

public abstract class WorkflowMigrationTests(ApiFixture api)
{
    private static object Version(string level, string waitId = "wait") => Model("pre",
        Step("pre", "SetField", new { field = "level", value = "C" }, waitId),
        Step(waitId, "WaitForEvent", new { @event = "CustomerReplied" }, "mark"),
        Step("mark", "SetField", new { field = "level", value = level }, "done"),
        Step("done", "Complete"));

    private static async Task PublishNextAsync(ApiClient admin, Guid id, object model)
    {
        await admin.PutOk($"/api/workflows/definitions/{id}/draft", new { definition = model });
        await admin.PostOk($"/api/workflows/definitions/{id}/draft/publish");
    }

    private static Dictionary<string, int> StepCounts(JsonNode detail) =>
        detail["journal"]!.AsArray().Where(j => j!["stepId"] is not null)
            .GroupBy(j => $"{j!["stepId"]!.GetValue<string>()}:{j["outcome"]!.GetValue<string>()}").ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public async Task A_waiting_instance_moves_to_a_version_with_its_wait_step_and_continues_there_without_rerunning_steps()
    {
        var t = await TenantScenario.CreateAsync(api);
        var admin = t.Admin;
        var id = await PublishAsync(admin, Version("A"));
        var customer = await CustomerApi.CreateIdAsync(admin, "Migrate " + Guid.NewGuid().ToString("N")[..6]);
        await api.RunJobsAsync();
        await PublishNextAsync(admin, id, Version("B"));

        var before = await SingleInstanceAsync(admin, customer);
        Assert.Equal("Waiting", Status(before));
        Assert.Equal(1, before["instance"]!["versionNumber"]!.GetValue<int>());
        var countsBefore = StepCounts(before);
        Assert.Equal(1, countsBefore["pre:next"]);
        Assert.Equal(1, countsBefore["wait:waiting"]);

        var instanceId = before["instance"]!["id"]!.GetValue<Guid>();
        var migrated = await admin.PostOk($"/api/workflows/instances/{instanceId}/migrate", new { toVersion = 2 });
        Assert.Equal(2, migrated["versionNumber"]!.GetValue<int>());
        Assert.Equal("Waiting", migrated["status"]!.GetValue<string>());
        await api.RunJobsAsync();

        var after = await SingleInstanceAsync(admin, customer);
        var countsAfter = StepCounts(after);
        Assert.Equal(1, countsAfter["pre:next"]);
        Assert.Equal(1, countsAfter["wait:waiting"]);
        Assert.Equal(1, countsAfter["wait:migrated"]);
        Assert.Equal("Waiting", Status(after));

        await RaiseAsync(api, t.Id, customer, "CustomerReplied");
        await api.RunJobsAsync();
        var done = await SingleInstanceAsync(admin, customer);
        Assert.Equal("Completed", Status(done));
        var countsDone = StepCounts(done);
        Assert.Equal(1, countsDone["pre:next"]);
        Assert.Equal(1, countsDone["mark:next"]);
        Assert.Equal("B", (await admin.GetOk($"/api/customers/{customer}"))["levelCode"]?.GetValue<string>());
        var versions = (await admin.GetOk($"/api/workflows/definitions/{id}"))["versions"]!.AsArray();
        Assert.All(versions, v => Assert.Equal(0, v!["runningInstances"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Migration_is_refused_when_the_target_lacks_the_wait_step_or_the_instance_is_not_waiting()
    {
        var t = await TenantScenario.CreateAsync(api);
        var admin = t.Admin;
        var id = await PublishAsync(admin, Version("A"));
        var customer = await CustomerApi.CreateIdAsync(admin, "Stuck " + Guid.NewGuid().ToString("N")[..6]);
        await api.RunJobsAsync();
        await PublishNextAsync(admin, id, Version("B", waitId: "awaitReply"));
        var instanceId = (await SingleInstanceAsync(admin, customer))["instance"]!["id"]!.GetValue<Guid>();

        var missing = await ApiClient.ExpectProblem(await admin.PostAsync($"/api/workflows/instances/{instanceId}/migrate", new { toVersion = 2 }),
            HttpStatusCode.Conflict, "workflow.migrate_step_missing");
        Assert.Contains("'wait'", missing["title"]!.GetValue<string>() + missing["detail"]);
        var unchanged = await SingleInstanceAsync(admin, customer);
        Assert.Equal(1, unchanged["instance"]!["versionNumber"]!.GetValue<int>());
        Assert.Equal("Waiting", Status(unchanged));

        // Completed: refused.
        await RaiseAsync(api, t.Id, customer, "CustomerReplied");
        await api.RunJobsAsync();
        Assert.Equal("Completed", Status(await SingleInstanceAsync(admin, customer)));
        await ApiClient.ExpectProblem(await admin.PostAsync($"/api/workflows/instances/{instanceId}/migrate", new { toVersion = 2 }),
            HttpStatusCode.Conflict, "workflow.migrate_not_waiting");

        // Running (a step failed and waits for its retry): refused.
        var failing = await PublishAsync(admin, Model("assign",
            Step("assign", "Assign", new { strategy = "user", candidates = new { userIds = new[] { Guid.NewGuid() } } }, "done"),
            Step("done", "Complete")));
        await PublishNextAsync(admin, failing, Model("assign",
            Step("assign", "Assign", new { strategy = "user", candidates = new { userIds = new[] { Guid.NewGuid() } } }, "done"),
            Step("done", "Complete")));
        var other = await CustomerApi.CreateIdAsync(admin, "Running " + Guid.NewGuid().ToString("N")[..6]);
        await api.RunJobsAsync();
        var running = (await InstancesAsync(admin, other, failing)).Single()!;
        Assert.Equal("Running", running["status"]!.GetValue<string>());
        await ApiClient.ExpectProblem(await admin.PostAsync($"/api/workflows/instances/{running["id"]}/migrate", new { toVersion = 1 }),
            HttpStatusCode.Conflict, "workflow.migrate_not_waiting");
    }
}

public sealed class WorkflowMigrationTestsSqlite(SqliteApi api) : WorkflowMigrationTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowMigrationTestsMariaDb(MariaDbApi api) : WorkflowMigrationTests(api), IClassFixture<MariaDbApi>;
