using System.Net;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Service;

/// <summary>The seeded service templates (complaint escalation, ticket auto-assignment) running on the real engine, end to end over HTTP.</summary>
public abstract class ServiceWorkflowTemplateTests(ApiFixture api)
{
    private static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();

    private static async Task<JsonNode> InstanceAsync(ApiClient admin, string recordType, Guid recordId)
    {
        var list = (await admin.GetOk($"/api/workflows/instances?recordType={recordType}&recordId={recordId}"))["items"]!.AsArray();
        var item = Assert.Single(list)!;
        // The list reads as words: the definition's and the current step's titles, the record's number and title.
        Assert.False(string.IsNullOrWhiteSpace(item["definitionName"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(item["definitionNameZh"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(item["recordTitle"]!.GetValue<string>()));
        if (item["currentStepId"] is not null) Assert.False(string.IsNullOrWhiteSpace(item["currentStepName"]!.GetValue<string>()));
        return await admin.GetOk($"/api/workflows/instances/{item["id"]}");
    }

    private static int Journal(JsonNode detail, string stepId, string outcome) =>
        detail["journal"]!.AsArray().Count(j => j!["stepId"]?.GetValue<string>() == stepId && j["outcome"]!.GetValue<string>() == outcome);

    private static string Status(JsonNode detail) => detail["instance"]!["status"]!.GetValue<string>();

    private static async Task SetHeadAsync(ServiceDesk desk, Guid department, Guid user) =>
        await ApiClient.Expect(await desk.Admin.PutAsync($"/api/departments/{department}/head", new { userId = user }), HttpStatusCode.NoContent);

    private DateTime Now => api.Factory.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Complaint_escalation_assigns_the_head_escalates_once_when_overdue_and_reopens_until_satisfied()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        await desk.UseRoundTheClockCalendarAsync();
        var t = desk.Tenant;
        var company = await t.CreateDepartmentAsync("Company");
        var center = await t.CreateDepartmentAsync("Service center", company);
        var afterSales = await t.CreateDepartmentAsync("After-sales", center);
        var ceo = await t.CreateUserAsync("ceo", "service", company);
        var director = await t.CreateUserAsync("director", "service", center);
        var asHead = await t.CreateUserAsync("ashead", "service", afterSales);
        await SetHeadAsync(desk, company, ceo);
        await SetHeadAsync(desk, center, director);
        await SetHeadAsync(desk, afterSales, asHead);

        var created = await desk.Admin.PostOk("/api/complaints", new
        {
            customerId = desk.CustomerId, title = "冰箱噪音", content = "三次维修未解决", typeCode = "product-quality", severityCode = "high", departmentId = afterSales,
        }, HttpStatusCode.Created);
        var id = Id(created);
        var start = Now;
        await ServiceTestHost.RunJobsAsync(api);
        Assert.EndsWith(" 冰箱噪音", (await InstanceAsync(desk.Admin, "complaint", id))["instance"]!["recordTitle"]!.GetValue<string>());

        // product-quality × high = 8 working hours (round the clock here), handed to the department head.
        var complaint = await desk.Admin.GetOk($"/api/complaints/{id}");
        Assert.Equal("Transferred", complaint["status"]!.GetValue<string>());
        Assert.Equal(asHead, complaint["assigneeId"]!.GetValue<Guid>());
        Assert.Equal(start.AddHours(8), complaint["deadline"]!.GetValue<DateTime>(), TimeSpan.FromSeconds(1));

        // Past the deadline: escalated one level, to the parent department and its head, with a fresh deadline.
        api.Factory.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        await ServiceTestHost.RunJobsAsync(api);
        var admin = await desk.LoginAsync(api, "admin"); // the first access token has expired meanwhile
        complaint = await admin.GetOk($"/api/complaints/{id}");
        Assert.Equal(1, complaint["escalationLevel"]!.GetValue<int>());
        Assert.Equal(center, complaint["departmentId"]!.GetValue<Guid>());
        Assert.Equal(director, complaint["assigneeId"]!.GetValue<Guid>());
        Assert.Equal(Now.AddHours(8), complaint["deadline"]!.GetValue<DateTime>(), TimeSpan.FromSeconds(1));
        Assert.Equal(1, Journal(await InstanceAsync(admin, "complaint", id), "escalate-overdue", "escalated"));

        // A second run of the jobs (a redelivered timer, another node) escalates nothing more.
        await ServiceTestHost.RunJobsAsync(api);
        Assert.Equal(1, Journal(await InstanceAsync(admin, "complaint", id), "escalate-overdue", "escalated"));
        Assert.Equal(1, (await admin.GetOk($"/api/complaints/{id}"))["escalationLevel"]!.GetValue<int>());

        // The department replies in time for the new deadline.
        var directorClient = await desk.LoginAsync(api, "director");
        var replied = await directorClient.PostOk($"/api/complaints/{id}/replies", new { content = "已安排更换压缩机" });
        Assert.Equal("Replied", replied["status"]!.GetValue<string>());
        await ServiceTestHost.RunJobsAsync(api);
        var instance = await InstanceAsync(admin, "complaint", id);
        Assert.Equal(1, Journal(instance, "wait-reply", "event"));
        Assert.Equal("Replied", (await admin.GetOk($"/api/complaints/{id}"))["status"]!.GetValue<string>());

        // Unsatisfied: round 2, escalated again (to the company head), transferred with a new deadline.
        var reopened = await admin.PostOk($"/api/complaints/{id}/return-visits", new { satisfied = false, rating = 2, comment = "还是有噪音" });
        Assert.Equal("Reopened", reopened["status"]!.GetValue<string>());
        Assert.Equal(2, reopened["round"]!.GetValue<int>());
        await ServiceTestHost.RunJobsAsync(api);
        complaint = await admin.GetOk($"/api/complaints/{id}");
        Assert.Equal("Transferred", complaint["status"]!.GetValue<string>());
        Assert.Equal(2, complaint["round"]!.GetValue<int>());
        Assert.Equal(2, complaint["escalationLevel"]!.GetValue<int>());
        Assert.Equal(company, complaint["departmentId"]!.GetValue<Guid>());
        Assert.Equal(ceo, complaint["assigneeId"]!.GetValue<Guid>());
        Assert.Equal(Now.AddHours(8), complaint["deadline"]!.GetValue<DateTime>(), TimeSpan.FromSeconds(1));
        instance = await InstanceAsync(admin, "complaint", id);
        Assert.Equal(1, Journal(instance, "escalate-unsatisfied", "escalated"));
        Assert.Equal(1, Journal(instance, "escalate-overdue", "escalated"));

        // Round 2 replied, customer satisfied: closed, and the workflow completes.
        var ceoClient = await desk.LoginAsync(api, "ceo");
        await ceoClient.PostOk($"/api/complaints/{id}/replies", new { content = "已整机更换" });
        await ServiceTestHost.RunJobsAsync(api);
        var closed = await admin.PostOk($"/api/complaints/{id}/return-visits", new { satisfied = true, rating = 5 });
        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
        await ServiceTestHost.RunJobsAsync(api);
        instance = await InstanceAsync(admin, "complaint", id);
        Assert.Equal("Completed", Status(instance));
        Assert.Equal("satisfied", instance["instance"]!["outcome"]!.GetValue<string>());
        Assert.Equal("Closed", (await admin.GetOk($"/api/complaints/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ticket_auto_assignment_deals_tickets_round_robin_and_escalates_an_unclaimed_one_once()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        await desk.UseRoundTheClockCalendarAsync();
        var agent3 = await desk.Tenant.CreateUserAsync("agent3", "service", desk.ServiceDept);
        await SetHeadAsync(desk, desk.ServiceDept, desk.HeadId);
        var agents = new[] { desk.Agent1Id, desk.Agent2Id, agent3 };

        var ids = new List<Guid>();
        foreach (var title in new[] { "Repair 1", "Repair 2", "Repair 3" })
            ids.Add(Id(await desk.Admin.PostOk("/api/tickets", new { customerId = desk.CustomerId, title, categoryCode = "repair", priorityCode = "normal", departmentId = desk.ServiceDept }, HttpStatusCode.Created)));
        await ServiceTestHost.RunJobsAsync(api);

        var tickets = new List<JsonNode>();
        foreach (var id in ids) tickets.Add(await desk.Admin.GetOk($"/api/tickets/{id}"));
        Assert.All(tickets, t => Assert.Equal("Assigned", t["status"]!.GetValue<string>()));
        var assignees = tickets.Select(t => t["assigneeId"]!.GetValue<Guid>()).ToList();
        Assert.Equal(agents.Order(), assignees.Order()); // each of the three agents got exactly one
        Assert.DoesNotContain(desk.HeadId, assignees); // the head is a manager, not a service agent
        Assert.All(tickets, t => Assert.NotNull(t["responseDueAt"]));
        for (var i = 0; i < ids.Count; i++)
        {
            var decisions = (await desk.Admin.GetOk($"/api/workflows/assignments?recordType=ticket&recordId={ids[i]}")).AsArray();
            var decision = Assert.Single(decisions)!;
            Assert.Equal("roundRobin", decision["strategy"]!.GetValue<string>());
            Assert.Equal(assignees[i], decision["chosenUserId"]!.GetValue<Guid>());
        }

        // Two agents accept in time; the third ticket stays unclaimed past the 30 working minutes.
        var userNames = new Dictionary<Guid, string> { [desk.Agent1Id] = "agent1", [desk.Agent2Id] = "agent2", [agent3] = "agent3" };
        for (var i = 0; i < 2; i++)
            await (await desk.LoginAsync(api, userNames[assignees[i]])).PostOk($"/api/tickets/{ids[i]}/accept");
        await ServiceTestHost.RunJobsAsync(api);
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(31));
        await ServiceTestHost.RunJobsAsync(api);
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(31));
        await ServiceTestHost.RunJobsAsync(api);
        var admin = await desk.LoginAsync(api, "admin");

        for (var i = 0; i < 2; i++)
        {
            var claimed = await InstanceAsync(admin, "ticket", ids[i]);
            Assert.Equal("Completed", Status(claimed));
            Assert.Equal(1, Journal(claimed, "wait-claim", "event"));
            Assert.Equal(0, Journal(claimed, "escalate", "escalated"));
        }
        var unclaimed = await InstanceAsync(admin, "ticket", ids[2]);
        Assert.Equal(1, Journal(unclaimed, "wait-claim", "timer"));
        Assert.Equal(1, Journal(unclaimed, "escalate", "escalated"));
        Assert.Equal(1, Journal(unclaimed, "notify-head", "next"));
        Assert.Equal("Completed", Status(unclaimed));
    }
}

public sealed class ServiceWorkflowTemplateTestsSqlite(SqliteApi api) : ServiceWorkflowTemplateTests(api), IClassFixture<SqliteApi>;
public sealed class ServiceWorkflowTemplateTestsMariaDb(MariaDbApi api) : ServiceWorkflowTemplateTests(api), IClassFixture<MariaDbApi>;
