using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Notifications;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

/// <summary>
/// A dry run shows the path a definition takes for sample values (branches chosen, waits answered from the request)
/// and writes nothing: no instance, no notification, no field change.
/// </summary>
public abstract class WorkflowDryRunTests(ApiFixture api)
{
    private static string[] Steps(JsonNode result) => result["path"]!.AsArray().Select(s => s!["stepId"]!.GetValue<string>()).ToArray();

    private static string Outcome(JsonNode result, string stepId) =>
        result["path"]!.AsArray().Single(s => s!["stepId"]!.GetValue<string>() == stepId)!["outcome"]!.GetValue<string>();

    [Fact]
    public async Task A_dry_run_follows_the_branch_the_values_choose_answers_waits_and_writes_nothing()
    {
        var t = await TenantScenario.CreateAsync(api);
        var agent = await t.CreateUserAsync("agent", "sales");
        // Created before the workflow exists, so no real instance starts for it.
        var customer = await CustomerApi.CreateIdAsync(t.Admin, "Dry Run Co " + Guid.NewGuid().ToString("N")[..6]);
        var definition = await PublishAsync(t.Admin, Model("check",
            Step("check", "If", new { condition = new { field = "level", op = "eq", value = "A" } }, branches: new { @true = "tell", @false = "done" }),
            Step("tell", "Notify", new { channels = new[] { "inApp" }, recipients = new[] { $"user:{agent}" }, subject = new { en = "Key customer {{title}}", zh = "重点客户 {{title}}" } }, "mark"),
            Step("mark", "SetField", new { field = "level", value = "B" }, "wait"),
            Step("wait", "WaitForEvent", new { @event = "CustomerReplied" }, "done"),
            Step("done", "Complete")));
        var url = $"/api/workflows/definitions/{definition}/dry-run";

        // A real record with sample values: the SetField step runs against it in dry mode.
        var key = await t.Admin.PostOk(url, new { recordId = customer, values = new { level = "A" }, answers = new[] { new { @event = "CustomerReplied" } } });
        Assert.Equal(["check", "tell", "mark", "wait", "done"], Steps(key));
        Assert.Equal("true", Outcome(key, "check"));
        Assert.Equal("Completed", key["status"]!.GetValue<string>());

        var other = await t.Admin.PostOk(url, new { values = new { level = "C" } });
        Assert.Equal(["check", "done"], Steps(other));
        Assert.Equal("false", Outcome(other, "check"));

        var unanswered = await t.Admin.PostOk(url, new { values = new { level = "A" } });
        Assert.Equal("Waiting", unanswered["status"]!.GetValue<string>());
        Assert.Equal("wait", unanswered["waitingAt"]!.GetValue<string>());

        // Nothing was written: no instance, no notification for the agent, the record's level as it was.
        Assert.Empty(await InstancesAsync(t.Admin, definitionId: definition));
        using var _ = api.Factory.Services.GetRequiredService<ICurrentTenant>().Change(t.Id);
        await using var scope = api.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.False(await db.Set<Notification>().AnyAsync(n => n.UserId == agent));
        var level = (await t.Admin.GetOk($"/api/customers/{customer}"))["levelCode"]?.GetValue<string>();
        Assert.NotEqual("B", level);
    }
}

public sealed class WorkflowDryRunTestsSqlite(SqliteApi api) : WorkflowDryRunTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowDryRunTestsMariaDb(MariaDbApi api) : WorkflowDryRunTests(api), IClassFixture<MariaDbApi>;
