using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Notifications;
using SaasCrm.Workflows.Runtime;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

/// <summary>The instance journal as the UI reads it: message codes with arguments, names instead of ids, step titles.</summary>
public abstract class WorkflowJournalTests(ApiFixture api)
{
    private async Task<T> InTenantAsync<T>(Guid tenantId, Func<PlatformDbContext, Task<T>> work)
    {
        using var _ = api.Factory.Services.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var scope = api.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private static JsonNode Line(JsonNode detail, string stepId) =>
        detail["journal"]!.AsArray().Single(j => j!["stepId"]?.GetValue<string>() == stepId)!;

    [Fact]
    public async Task Journal_lines_carry_codes_with_user_and_department_names_and_step_titles_and_old_lines_keep_their_text()
    {
        var t = await TenantScenario.CreateAsync(api);
        var desk = await t.CreateDepartmentAsync("Hotline desk");
        var agent = await t.CreateUserAsync("wang.fang", "sales", desk);
        var agentClient = await t.LoginAsync("wang.fang");
        await agentClient.PutOk("/api/account/me/preferences", new { language = "zh-CN" });
        await PublishAsync(t.Admin, Model("to-agent",
            new { id = "to-agent", activity = "Assign", name = "Give it to the agent", nameZh = "分给坐席",
                properties = new { strategy = "user", candidates = new { userIds = new[] { agent } } }, next = "tell" },
            Step("tell", "Notify", new { channels = new[] { "inApp" }, recipients = new[] { $"user:{agent}" }, subject = new { en = "New {{title}}", zh = "新客户 {{title}}" } }, "done"),
            Step("done", "Complete")));

        var customer = await CustomerApi.CreateIdAsync(t.Admin, "Journal Co " + Guid.NewGuid().ToString("N")[..6]);
        await api.RunJobsAsync();
        await api.RunJobsAsync();
        var detail = await SingleInstanceAsync(t.Admin, customer);
        Assert.True(Status(detail) == "Completed", detail.ToJsonString());

        var journal = detail["journal"]!.AsArray();
        Assert.All(journal, j => Assert.NotNull(j!["code"]?.GetValue<string>()));
        Assert.Equal("started", journal[0]!["code"]!.GetValue<string>());

        var toAgent = Line(detail, "to-agent");
        Assert.Equal("assignedUser", toAgent["code"]!.GetValue<string>());
        Assert.Equal(agent.ToString(), toAgent["args"]!["userId"]!.GetValue<string>());
        Assert.Equal("wang.fang", toAgent["args"]!["user"]!.GetValue<string>());
        Assert.Equal("Give it to the agent", toAgent["stepName"]!.GetValue<string>());
        Assert.Equal("分给坐席", toAgent["stepNameZh"]!.GetValue<string>());

        var tell = Line(detail, "tell");
        Assert.Equal("notified", tell["code"]!.GetValue<string>());
        Assert.Equal("1", tell["args"]!["count"]!.GetValue<string>());
        Assert.StartsWith("新客户 Journal Co", tell["args"]!["subjectZh"]!.GetValue<string>());
        Assert.StartsWith("New Journal Co", tell["args"]!["subjectEn"]!.GetValue<string>());

        // The agent chose Chinese: the notification is written in Chinese for them.
        var notification = await InTenantAsync(t.Id, db => db.Set<Notification>().AsNoTracking().SingleAsync(n => n.UserId == agent && n.Kind == "workflow"));
        Assert.StartsWith("新客户 Journal Co", notification.Title);

        // An escalation line names the department it went to; a line written before codes existed reads as its stored text.
        var instanceId = detail["instance"]!["id"]!.GetValue<Guid>();
        await InTenantAsync(t.Id, async db =>
        {
            db.Add(new WorkflowJournalEntry { InstanceId = instanceId, Sequence = 999, At = DateTime.UtcNow, StepId = "to-agent", Outcome = "escalated",
                Code = "escalatedTo", ArgsJson = $$"""{"from":"0","to":"1","departmentId":"{{desk}}"}""" });
            db.Add(new WorkflowJournalEntry { InstanceId = instanceId, Sequence = 1000, At = DateTime.UtcNow, StepId = "to-agent", Outcome = "next", Message = "assigned to someone: legacy" });
            return await db.SaveChangesAsync();
        });
        var journal2 = (await t.Admin.GetOk($"/api/workflows/instances/{instanceId}"))["journal"]!.AsArray();
        var escalated = journal2.Single(j => j!["sequence"]!.GetValue<int>() == 999)!;
        Assert.Equal("Hotline desk", escalated["args"]!["department"]!.GetValue<string>());
        var legacy = journal2.Single(j => j!["sequence"]!.GetValue<int>() == 1000)!;
        Assert.Null(legacy["code"]);
        Assert.Equal("assigned to someone: legacy", legacy["message"]!.GetValue<string>());
        Assert.Empty(legacy["args"]!.AsObject());
        Assert.Equal("Give it to the agent", legacy["stepName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Seeded_templates_carry_chinese_names_and_step_titles()
    {
        var t = await TenantScenario.CreateAsync(api);
        var definitions = (await t.Admin.GetOk("/api/workflows/definitions")).AsArray();
        var complaint = definitions.Single(d => d!["key"]!.GetValue<string>() == "complaint-escalation")!;
        Assert.Equal("Complaint escalation", complaint["name"]!.GetValue<string>());
        Assert.Equal("客诉升级处理", complaint["nameZh"]!.GetValue<string>());
        var detail = await t.Admin.GetOk($"/api/workflows/definitions/{complaint["id"]}");
        Assert.False(string.IsNullOrEmpty(detail["descriptionZh"]?.GetValue<string>()));
        var version = await t.Admin.GetOk($"/api/workflows/definitions/{complaint["id"]}/versions/1");
        var steps = version["definition"]!["steps"]!.AsArray();
        Assert.Contains(steps, s => s!["id"]!.GetValue<string>() == "escalate-overdue" && s["nameZh"]!.GetValue<string>() == "超时升级");
        Assert.All(steps, s => Assert.False(string.IsNullOrEmpty(s!["nameZh"]?.GetValue<string>())));
    }

    [Fact]
    public async Task Templates_are_listed_for_definition_managers_and_a_draft_is_made_from_one()
    {
        var t = await TenantScenario.CreateAsync(api);
        var templates = (await t.Admin.GetOk("/api/workflows/templates")).AsArray();
        var complaint = templates.Single(x => x!["key"]!.GetValue<string>() == "complaint-escalation")!;
        Assert.Equal("客诉升级处理", complaint["name"]!["zh"]!.GetValue<string>());
        Assert.Equal("complaint", complaint["recordType"]!.GetValue<string>());
        var draft = await t.Admin.PostOk("/api/workflows/definitions/from-template/complaint-escalation", new { }, System.Net.HttpStatusCode.Created);
        Assert.Equal("客诉升级处理", draft["nameZh"]!.GetValue<string>());

        await t.CreateUserAsync("seller", "sales");
        var seller = await t.LoginAsync("seller");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await seller.GetAsync("/api/workflows/templates")).StatusCode);
    }
}

public sealed class WorkflowJournalTestsSqlite(SqliteApi api) : WorkflowJournalTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowJournalTestsMariaDb(MariaDbApi api) : WorkflowJournalTests(api), IClassFixture<MariaDbApi>;
