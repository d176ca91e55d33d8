using System.Net;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

public abstract class WorkflowDefinitionTests(ApiFixture api)
{
    private static object WaitThenLevel(string level) => Model("wait",
        Step("wait", "WaitForEvent", new { @event = "CustomerReplied" }, "mark"),
        Step("mark", "SetField", new { field = "level", value = level }, "done"),
        Step("done", "Complete"));

    /// <summary>Every (code, message) of a validation problem, whatever field path it names.</summary>
    private static List<(string Code, string Message)> Errors(JsonNode problem)
    {
        var result = new List<(string, string)>();
        foreach (var (path, codes) in problem["errorCodes"]!.AsObject())
        {
            var messages = problem["errors"]![path]!.AsArray();
            for (var i = 0; i < codes!.AsArray().Count; i++) result.Add((codes[i]!.GetValue<string>(), messages[i]!.GetValue<string>()));
        }
        return result;
    }

    [Fact]
    public async Task A_stale_draft_save_is_refused_with_409()
    {
        var t = await TenantScenario.CreateAsync(api);
        var created = await t.Admin.PostOk("/api/workflows/definitions", new { name = "Stale", definition = WaitThenLevel("A") }, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        var stamp = created["versions"]![0]!["concurrencyStamp"]!.GetValue<string>();

        var saved = await t.Admin.PutOk($"/api/workflows/definitions/{id}/draft", new { definition = WaitThenLevel("B"), concurrencyStamp = stamp });
        Assert.NotEqual(stamp, saved["concurrencyStamp"]!.GetValue<string>());
        await ApiClient.Expect(await t.Admin.PutAsync($"/api/workflows/definitions/{id}/draft", new { definition = WaitThenLevel("C"), concurrencyStamp = stamp }), HttpStatusCode.Conflict);

        var draft = await t.Admin.GetOk($"/api/workflows/definitions/{id}/versions/1");
        Assert.Equal("B", draft["definition"]!["steps"]![1]!["properties"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publishing_an_incomplete_graph_answers_400_with_codes_and_clear_messages()
    {
        var t = await TenantScenario.CreateAsync(api);
        // An unknown activity is a content error: refused already when saving.
        var unknown = await ApiClient.Expect(await t.Admin.PostAsync("/api/workflows/definitions", new
        {
            name = "Unknown", definition = Model("a", Step("a", "Teleport", null, "done"), Step("done", "Complete")),
        }), HttpStatusCode.BadRequest);
        var unknownError = Assert.Single(Errors(unknown), e => e.Code == "workflow.unknown_activity");
        Assert.Contains("'Teleport' is not an activity", unknownError.Message);

        // An unfinished graph may be saved, but not published.
        var created = await t.Admin.PostOk("/api/workflows/definitions", new
        {
            name = "Incomplete",
            definition = Model("check",
                Step("check", "If", new { condition = new { field = "level", op = "eq", value = "A" } }, branches: new { @true = "loop1" }),
                Step("loop1", "SetField", new { field = "level", value = "B" }, "loop2"),
                Step("loop2", "SetField", new { field = "level", value = "C" }, "loop1"),
                Step("orphan", "Complete")),
        }, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        var problem = await ApiClient.Expect(await t.Admin.PostAsync($"/api/workflows/definitions/{id}/draft/publish"), HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", problem["code"]!.GetValue<string>());
        var errors = Errors(problem);
        Assert.Contains(errors, e => e.Code == "workflow.missing_branch" && e.Message.Contains("'check'") && e.Message.Contains("'false'"));
        Assert.Contains(errors, e => e.Code == "workflow.unreachable_step" && e.Message.Contains("orphan"));
        Assert.Contains(errors, e => e.Code == "workflow.loop_without_wait" && e.Message.Contains("loop1") && e.Message.Contains("loop2"));

        var detail = await t.Admin.GetOk($"/api/workflows/definitions/{id}");
        Assert.Equal("Draft", detail["versions"]![0]!["status"]!.GetValue<string>());
        var report = await t.Admin.PostOk($"/api/workflows/definitions/{id}/draft/validate");
        Assert.False(report["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Running_instances_stay_on_their_version_and_keep_it_from_being_retired_until_they_finish()
    {
        var t = await TenantScenario.CreateAsync(api);
        var admin = t.Admin;
        var id = await PublishAsync(admin, WaitThenLevel("A"));
        var early = await CustomerApi.CreateIdAsync(admin, "Early " + Guid.NewGuid().ToString("N")[..6]);
        await api.RunJobsAsync();
        Assert.Equal("Waiting", Status(await SingleInstanceAsync(admin, early)));

        await admin.PutOk($"/api/workflows/definitions/{id}/draft", new { definition = WaitThenLevel("B") });
        var v2 = await admin.PostOk($"/api/workflows/definitions/{id}/draft/publish");
        Assert.Equal(2, v2["number"]!.GetValue<int>());
        var late = await CustomerApi.CreateIdAsync(admin, "Late " + Guid.NewGuid().ToString("N")[..6]);
        await api.RunJobsAsync();
        var lateInstance = await SingleInstanceAsync(admin, late);
        Assert.Equal(2, lateInstance["instance"]!["versionNumber"]!.GetValue<int>());
        var earlyInstance = await SingleInstanceAsync(admin, early);
        Assert.Equal(1, earlyInstance["instance"]!["versionNumber"]!.GetValue<int>());
        Assert.Equal("Waiting", Status(earlyInstance));

        var inUse = await ApiClient.ExpectProblem(await admin.PostAsync($"/api/workflows/definitions/{id}/versions/1/retire"), HttpStatusCode.Conflict, "workflow.version_in_use");
        Assert.Contains("1 running instance", inUse["detail"]?.GetValue<string>() ?? inUse["title"]!.GetValue<string>());
        var versions = (await admin.GetOk($"/api/workflows/definitions/{id}"))["versions"]!.AsArray();
        Assert.Equal(1, versions.Single(v => v!["number"]!.GetValue<int>() == 1)!["runningInstances"]!.GetValue<int>());

        await RaiseAsync(api, t.Id, early, "CustomerReplied");
        await RaiseAsync(api, t.Id, late, "CustomerReplied");
        await api.RunJobsAsync();
        Assert.Equal("Completed", Status(await SingleInstanceAsync(admin, early)));
        Assert.Equal("A", (await admin.GetOk($"/api/customers/{early}"))["levelCode"]?.GetValue<string>());
        Assert.Equal("B", (await admin.GetOk($"/api/customers/{late}"))["levelCode"]?.GetValue<string>());

        var retired = await admin.PostOk($"/api/workflows/definitions/{id}/versions/1/retire");
        Assert.Equal("Retired", retired["status"]!.GetValue<string>());

        var diff = await admin.GetOk($"/api/workflows/definitions/{id}/diff?from=1&to=2");
        var changed = Assert.Single(diff["stepsChanged"]!.AsArray());
        Assert.Equal("mark", changed!["stepId"]!.GetValue<string>());
        Assert.Contains("properties.value", changed["changedPaths"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Empty(diff["stepsAdded"]!.AsArray());
        Assert.Empty(diff["stepsRemoved"]!.AsArray());
    }
}

public sealed class WorkflowDefinitionTestsSqlite(SqliteApi api) : WorkflowDefinitionTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowDefinitionTestsMariaDb(MariaDbApi api) : WorkflowDefinitionTests(api), IClassFixture<MariaDbApi>;
