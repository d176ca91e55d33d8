using System.Net;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

/// <summary>
/// A CreateTask step gives the record's assignee a task with its title and due time; the task is listed for that
/// user only, and completing it resumes the instance waiting for it.
/// </summary>
public abstract class WorkflowCreateTaskTests(ApiFixture api)
{
    [Fact]
    public async Task A_create_task_step_gives_the_owner_a_titled_task_due_in_two_days_and_its_completion_resumes_the_instance()
    {
        var t = await TenantScenario.CreateAsync(api);
        var owner = await t.CreateUserAsync("owner", "sales");
        await t.CreateUserAsync("bystander", "sales");
        await PublishAsync(t.Admin, Model("task",
            Step("task", "CreateTask", new { title = new { en = "Call the new customer", zh = "回访新客户" }, assignee = "assignee", dueIn = "P2D", wait = true }, "mark"),
            Step("mark", "SetField", new { field = "industry", value = "retail" }, "done"),
            Step("done", "Complete")));
        var now = ToNextWholeMinute(api);

        var customer = (await CustomerApi.CreateAsync(t.Admin, $"Task Co {Guid.NewGuid():N}", ownerId: owner))["id"]!.GetValue<Guid>();
        await api.RunJobsAsync();

        // The owner (the record's assignee) has the task, due two days on; nobody else sees it.
        var ownerClient = await t.LoginAsync("owner");
        var task = Assert.Single((await ownerClient.GetOk("/api/workflows/tasks")).AsArray())!;
        Assert.Equal("Call the new customer", task["titleEn"]!.GetValue<string>());
        Assert.Equal("回访新客户", task["titleZh"]!.GetValue<string>());
        Assert.Equal(now.AddDays(2), task["dueAt"]!.GetValue<DateTime>());
        Assert.Equal("Open", task["status"]!.GetValue<string>());
        Assert.Equal(("customer", customer, "task"), (task["recordType"]!.GetValue<string>(), task["recordId"]!.GetValue<Guid>(), task["stepId"]!.GetValue<string>()));
        Assert.Empty((await (await t.LoginAsync("bystander")).GetOk("/api/workflows/tasks")).AsArray());
        Assert.Empty((await t.Admin.GetOk("/api/workflows/tasks")).AsArray());
        var taskId = task["id"]!.GetValue<Guid>();
        await ApiClient.Expect(await (await t.LoginAsync("bystander")).PostAsync($"/api/workflows/tasks/{taskId}/complete"), HttpStatusCode.NotFound);

        var waiting = await SingleInstanceAsync(t.Admin, customer);
        Assert.Equal("Waiting", Status(waiting));
        Assert.Equal(0, Count(waiting, "mark", "next"));
        var created = waiting["journal"]!.AsArray().Single(j => j!["code"]?.GetValue<string>() == "taskCreated")!;
        Assert.Equal(owner, created["args"]!["userId"]!.GetValue<Guid>());
        Assert.Null((await t.Admin.GetOk($"/api/customers/{customer}"))["industryCode"]);

        // Completing the task resumes the instance; it is then no longer open.
        Assert.Equal("Completed", (await ownerClient.PostOk($"/api/workflows/tasks/{taskId}/complete"))["status"]!.GetValue<string>());
        await ApiClient.ExpectProblem(await ownerClient.PostAsync($"/api/workflows/tasks/{taskId}/complete"), HttpStatusCode.Conflict, "workflow.task_closed");
        await api.RunJobsAsync();
        var done = await SingleInstanceAsync(t.Admin, customer);
        Assert.Equal("Completed", Status(done));
        Assert.Equal(1, Count(done, "mark", "next"));
        Assert.Equal("retail", (await t.Admin.GetOk($"/api/customers/{customer}"))["industryCode"]?.GetValue<string>());
        Assert.Empty((await ownerClient.GetOk("/api/workflows/tasks?status=Open")).AsArray());
        Assert.Single((await ownerClient.GetOk("/api/workflows/tasks?status=Completed")).AsArray());
    }

    [Fact]
    public async Task A_scheduled_workflow_without_a_record_waits_for_its_task_and_resumes_when_it_is_completed()
    {
        var t = await TenantScenario.CreateAsync(api);
        var clerk = await t.CreateUserAsync("clerk", "sales");
        var definition = await PublishAsync(t.Admin, new
        {
            trigger = new { kind = "schedule", cron = "0 9 * * *", timeZone = "UTC" },
            startStepId = "task",
            steps = new[]
            {
                Step("task", "CreateTask", new { title = new { en = "Check the daily queue", zh = "检查今日队列" }, assignee = $"user:{clerk}", wait = true }, "done"),
                Step("done", "Complete"),
            },
            variables = Array.Empty<object>(),
        });
        var now = api.Factory.Clock.GetUtcNow().UtcDateTime;
        var nine = now.Date.AddHours(9) > now ? now.Date.AddHours(9) : now.Date.AddDays(1).AddHours(9);
        api.Factory.Clock.Advance(nine - now + TimeSpan.FromMinutes(1));
        await api.RunJobsAsync();
        await api.RunJobsAsync();

        var clerkClient = await t.LoginAsync("clerk");
        var task = Assert.Single((await clerkClient.GetOk("/api/workflows/tasks")).AsArray())!;
        Assert.Null(task["recordId"]);
        var instance = Assert.Single(await InstancesAsync(await t.LoginAsync("admin"), definitionId: definition))!;
        Assert.Equal("Waiting", instance["status"]!.GetValue<string>());

        // A user of another tenant, even one named the same, neither sees the task nor completes it.
        var other = await TenantScenario.CreateAsync(api);
        await other.CreateUserAsync("clerk", "sales");
        var otherClerk = await other.LoginAsync("clerk");
        Assert.Empty((await otherClerk.GetOk("/api/workflows/tasks")).AsArray());
        await ApiClient.Expect(await otherClerk.PostAsync($"/api/workflows/tasks/{task["id"]!.GetValue<Guid>()}/complete"), HttpStatusCode.NotFound);
        await ApiClient.Expect(await other.Admin.PostAsync($"/api/workflows/tasks/{task["id"]!.GetValue<Guid>()}/complete"), HttpStatusCode.NotFound);
        await api.RunJobsAsync();
        Assert.Equal("Waiting", Assert.Single(await InstancesAsync(await t.LoginAsync("admin"), definitionId: definition))!["status"]!.GetValue<string>());

        await clerkClient.PostOk($"/api/workflows/tasks/{task["id"]!.GetValue<Guid>()}/complete");
        await api.RunJobsAsync();
        instance = Assert.Single(await InstancesAsync(await t.LoginAsync("admin"), definitionId: definition))!;
        Assert.Equal("Completed", instance["status"]!.GetValue<string>());
    }
}

public sealed class WorkflowCreateTaskTestsSqlite(SqliteApi api) : WorkflowCreateTaskTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowCreateTaskTestsMariaDb(MariaDbApi api) : WorkflowCreateTaskTests(api), IClassFixture<MariaDbApi>;
