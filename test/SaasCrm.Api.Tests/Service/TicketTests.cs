using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Workflows;

namespace SaasCrm.Api.Tests.Service;

public abstract class TicketTests(ApiFixture api)
{
    private static object NewTicket(Guid customerId, string title, string priority = "normal", string category = "repair", Guid? departmentId = null, Guid? assigneeId = null) =>
        new { customerId, title, categoryCode = category, priorityCode = priority, description = "空调不制冷", contactName = "陈明", contactMobile = "13916001001", departmentId, assigneeId };

    private static async Task<JsonNode> CreateAsync(ApiClient client, object body) => await client.PostOk("/api/tickets", body, HttpStatusCode.Created);

    private static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();

    [Fact]
    public async Task Create_list_filter_sort_and_page()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var a = await CreateAsync(desk.Admin, NewTicket(desk.CustomerId, "A urgent repair", "urgent"));
        await CreateAsync(desk.Admin, NewTicket(desk.CustomerId, "B normal install", "normal", "installation"));
        await CreateAsync(desk.Admin, NewTicket(desk.CustomerId, "C low repair", "low"));

        Assert.Equal("New", a["status"]!.GetValue<string>());
        Assert.StartsWith("T-", a["number"]!.GetValue<string>());
        Assert.StartsWith("上海东方电气", a["customerName"]!.GetValue<string>());
        Assert.Contains(RecordingWorkflowSignals.Of(Id(a)), s => s.Kind == "created" && s.RecordType == "ticket");

        var all = await desk.Admin.GetOk("/api/tickets?sort=title&pageSize=2&page=1");
        Assert.Equal(3, all["total"]!.GetValue<int>());
        Assert.Equal(["A urgent repair", "B normal install"], all["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()));
        var second = await desk.Admin.GetOk("/api/tickets?sort=title&pageSize=2&page=2");
        Assert.Equal(["C low repair"], second["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()));
        var desc = await desk.Admin.GetOk("/api/tickets?sort=-title");
        Assert.Equal("C low repair", desc["items"]![0]!["title"]!.GetValue<string>());

        var repairs = await desk.Admin.GetOk("/api/tickets?category=repair&priority=urgent");
        Assert.Equal(["A urgent repair"], repairs["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()));
        var byStatus = await desk.Admin.GetOk("/api/tickets?status=Closed");
        Assert.Equal(0, byStatus["total"]!.GetValue<int>());

        await ApiClient.ExpectProblem(await desk.Admin.GetAsync("/api/tickets?sort=secret"), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Bad_input_names_the_field()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var response = await desk.Admin.PostAsync("/api/tickets", NewTicket(desk.CustomerId, "", "nonsense"));
        var body = await ApiClient.Expect(response, HttpStatusCode.BadRequest);
        Assert.NotNull(body["errors"]!["title"]);

        var unknownPriority = await ApiClient.Expect(await desk.Admin.PostAsync("/api/tickets", NewTicket(desk.CustomerId, "x", "nonsense")), HttpStatusCode.BadRequest);
        Assert.NotNull(unknownPriority["errors"]!["priorityCode"]);

        var unknownCustomer = await ApiClient.Expect(await desk.Admin.PostAsync("/api/tickets", NewTicket(Guid.NewGuid(), "x")), HttpStatusCode.BadRequest);
        Assert.NotNull(unknownCustomer["errors"]!["customerId"]);
    }

    [Fact]
    public async Task Status_flow_and_refused_transitions()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var agent = await desk.LoginAsync(api, "agent1");
        var ticket = await CreateAsync(desk.Admin, NewTicket(desk.CustomerId, "Flow", departmentId: desk.ServiceDept, assigneeId: desk.Agent1Id));
        var id = Id(ticket);
        Assert.Equal("Assigned", ticket["status"]!.GetValue<string>());

        await ApiClient.ExpectProblem(await agent.PostAsync($"/api/tickets/{id}/status", new { status = "Resolved" }), HttpStatusCode.Conflict, "ticket.invalid_transition");
        var accepted = await agent.PostOk($"/api/tickets/{id}/accept");
        Assert.Equal("InProgress", accepted["status"]!.GetValue<string>());
        Assert.Contains(RecordingWorkflowSignals.Of(id), s => s.Kind == "event" && s.Detail == WorkflowEventNames.Claimed);

        var resolved = await agent.PostOk($"/api/tickets/{id}/status", new { status = "Resolved", note = "replaced the compressor" });
        Assert.Equal("Resolved", resolved["status"]!.GetValue<string>());
        Assert.NotNull(resolved["resolvedAt"]);
        var closed = await agent.PostOk($"/api/tickets/{id}/status", new { status = "Closed" });
        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
        await ApiClient.ExpectProblem(await agent.PostAsync($"/api/tickets/{id}/status", new { status = "WaitingForCustomer" }), HttpStatusCode.Conflict, "ticket.invalid_transition");

        var reopened = await agent.PostOk($"/api/tickets/{id}/status", new { status = "InProgress", note = "still broken" });
        Assert.Equal("InProgress", reopened["status"]!.GetValue<string>());
        Assert.Equal(1, reopened["reopenCount"]!.GetValue<int>());
        Assert.Null(reopened["closedAt"]);
        Assert.Contains(RecordingWorkflowSignals.Of(id), s => s.Kind == "status" && s.Detail == "Closed->InProgress");
        await ApiClient.ExpectProblem(await agent.PostAsync($"/api/tickets/{id}/status", new { status = "Assigned" }), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Grab_race_has_exactly_one_winner()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var ticket = await CreateAsync(desk.Admin, NewTicket(desk.CustomerId, "Queue", departmentId: desk.ServiceDept));
        var id = Id(ticket);
        var agents = new[] { await desk.LoginAsync(api, "agent1"), await desk.LoginAsync(api, "agent2"), await desk.LoginAsync(api, "head") };

        var queue = await agents[0].GetOk("/api/tickets?view=queue");
        Assert.Contains(queue["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == id);

        var attempts = Enumerable.Range(0, 9).Select(i => agents[i % 3].PostAsync($"/api/tickets/{id}/grab")).ToList();
        var responses = await Task.WhenAll(attempts);
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await ApiClient.ExpectProblem(loser, HttpStatusCode.Conflict, "ticket.already_taken");

        var after = await desk.Admin.GetOk($"/api/tickets/{id}");
        Assert.Equal("InProgress", after["status"]!.GetValue<string>());
        Assert.Contains(after["assigneeId"]!.GetValue<Guid>(), new[] { desk.Agent1Id, desk.Agent2Id, desk.HeadId });
        Assert.Single(RecordingWorkflowSignals.Of(id), s => s.Kind == "event" && s.Detail == WorkflowEventNames.Claimed);
        var emptyQueue = await agents[0].GetOk("/api/tickets?view=queue");
        Assert.DoesNotContain(emptyQueue["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task Other_tenant_gets_404_and_missing_permission_403()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var other = await ServiceDesk.CreateAsync(api);
        var id = Id(await CreateAsync(desk.Admin, NewTicket(desk.CustomerId, "Mine")));

        await ApiClient.ExpectProblem(await other.Admin.GetAsync($"/api/tickets/{id}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await other.Admin.PostAsync($"/api/tickets/{id}/grab"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await other.Admin.GetOk("/api/tickets"))["total"]!.GetValue<int>());

        var agent = await desk.LoginAsync(api, "agent1");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"/api/tickets/{id}/assign", new { assigneeId = desk.Agent1Id })).StatusCode);
    }

    [Fact]
    public async Task A_sales_rep_of_another_department_does_not_see_the_ticket()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var id = Id(await CreateAsync(desk.Admin, NewTicket(desk.CustomerId, "Service only", departmentId: desk.ServiceDept)));
        var rep = await desk.LoginAsync(api, "rep");
        var agent = await desk.LoginAsync(api, "agent2");

        await ApiClient.ExpectProblem(await rep.GetAsync($"/api/tickets/{id}"), HttpStatusCode.NotFound, "not_found");
        Assert.DoesNotContain((await rep.GetOk("/api/tickets"))["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == id);
        // A member of the ticket's team sees it while it waits in the queue.
        await agent.GetOk($"/api/tickets/{id}");
    }

    [Fact]
    public async Task Stale_update_gets_409()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var ticket = await CreateAsync(desk.Admin, NewTicket(desk.CustomerId, "Stamp"));
        var id = Id(ticket);
        var stamp = ticket["concurrencyStamp"]!.GetValue<string>();
        var updated = await desk.Admin.PutOk($"/api/tickets/{id}", new { title = "Stamp 2", categoryCode = "repair", priorityCode = "high", concurrencyStamp = stamp });
        Assert.Equal("high", updated["priorityCode"]!.GetValue<string>());
        Assert.Contains(RecordingWorkflowSignals.Of(id), s => s.Kind == "updated" && s.Fields!.Contains("priorityCode") && s.Fields!.Contains("title"));

        var stale = await desk.Admin.PutAsync($"/api/tickets/{id}", new { title = "Stamp 3", categoryCode = "repair", priorityCode = "low", concurrencyStamp = stamp });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Stamp 2", (await desk.Admin.GetOk($"/api/tickets/{id}"))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task First_public_staff_comment_is_the_first_response_internal_ones_are_not()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var agent = await desk.LoginAsync(api, "agent1");
        var id = Id(await CreateAsync(desk.Admin, NewTicket(desk.CustomerId, "Comments", assigneeId: desk.Agent1Id)));

        await agent.PostOk($"/api/tickets/{id}/comments", new { content = "内部备注：先查保修", isInternal = true }, HttpStatusCode.Created);
        Assert.Null((await agent.GetOk($"/api/tickets/{id}"))["firstRespondedAt"]);
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await agent.PostOk($"/api/tickets/{id}/comments", new { content = "您好，我们明天上门。" }, HttpStatusCode.Created);
        var detail = await agent.GetOk($"/api/tickets/{id}");
        Assert.Equal(api.Factory.Clock.GetUtcNow().UtcDateTime, detail["firstRespondedAt"]!.GetValue<DateTime>(), TimeSpan.FromSeconds(1));
        var comments = detail["comments"]!.AsArray();
        Assert.Equal([true, false], comments.Select(c => c!["isInternal"]!.GetValue<bool>()));
        Assert.Single(RecordingWorkflowSignals.Of(id), s => s.Kind == "event" && s.Detail == WorkflowEventNames.ReplyReceived);
        Assert.Single(RecordingWorkflowSignals.Of(id), s => s.Kind == "updated" && s.Fields!.Contains("firstRespondedAt"));

        await ApiClient.ExpectProblem(await agent.PostAsync($"/api/tickets/{id}/rating", new { rating = 5 }), HttpStatusCode.Conflict, "ticket.not_resolved");
    }

    [Fact]
    public async Task Waiting_for_the_customer_stops_the_sla_clock()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        await desk.UseRoundTheClockCalendarAsync(); // every hour is working time, so the pause moves the due times by the wall-clock wait
        var agent = await desk.LoginAsync(api, "agent1");
        var id = Id(await CreateAsync(desk.Admin, NewTicket(desk.CustomerId, "SLA", assigneeId: desk.Agent1Id)));
        var created = api.Factory.Clock.GetUtcNow().UtcDateTime;
        await ServiceTestHost.RunJobsAsync(api); // the auto-assignment template sets the due times from the priority
        var due = await agent.GetOk($"/api/tickets/{id}");
        var responseDue = due["responseDueAt"]!.GetValue<DateTime>();
        var resolutionDue = due["resolutionDueAt"]!.GetValue<DateTime>();
        Assert.Equal(created.AddHours(4), responseDue, TimeSpan.FromSeconds(1)); // normal: respond within 4 h
        Assert.Equal(created.AddHours(16), resolutionDue, TimeSpan.FromSeconds(1)); // normal: resolve within 16 h
        Assert.Equal(desk.Agent1Id, due["assigneeId"]!.GetValue<Guid>()); // already assigned: the template does not reassign
        await agent.PostOk($"/api/tickets/{id}/accept");

        await agent.PostOk($"/api/tickets/{id}/status", new { status = "WaitingForCustomer" });
        api.Factory.Clock.Advance(TimeSpan.FromHours(3));
        agent = await desk.LoginAsync(api, "agent1"); // the access token has expired meanwhile
        // The customer's answer, recorded by the agent, resumes the ticket and the clock.
        await agent.PostOk($"/api/tickets/{id}/comments", new { content = "客户来电：周五在家", fromCustomer = true }, HttpStatusCode.Created);

        var detail = await agent.GetOk($"/api/tickets/{id}");
        Assert.Equal("InProgress", detail["status"]!.GetValue<string>());
        Assert.Equal(resolutionDue.AddHours(3), detail["resolutionDueAt"]!.GetValue<DateTime>(), TimeSpan.FromSeconds(1));
        Assert.Equal(responseDue.AddHours(3), detail["responseDueAt"]!.GetValue<DateTime>(), TimeSpan.FromSeconds(1));
        Assert.Contains(RecordingWorkflowSignals.Of(id), s => s.Kind == "updated" && s.Fields!.Contains("resolutionDueAt") && s.Fields!.Contains("responseDueAt"));
        Assert.Contains(RecordingWorkflowSignals.Of(id), s => s.Kind == "event" && s.Detail == WorkflowEventNames.CustomerReplied);
        await ServiceTestHost.RunJobsAsync(api); // the engine takes the signals without faulting
        Assert.Empty((await (await desk.LoginAsync(api, "admin")).GetOk("/api/workflows/incidents")).AsArray());
    }

    [Fact]
    public async Task Workflow_changes_are_checked_and_kept_in_history()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var id = Id(await CreateAsync(desk.Admin, NewTicket(desk.CustomerId, "Engine", departmentId: desk.ServiceDept)));
        await ApplyAsync(desk, id, new AssignRecord(desk.Agent2Id, null, "round robin"));
        var detail = await desk.Admin.GetOk($"/api/tickets/{id}");
        Assert.Equal("Assigned", detail["status"]!.GetValue<string>());
        Assert.Equal(desk.Agent2Id, detail["assigneeId"]!.GetValue<Guid>());
        Assert.Contains(detail["history"]!.AsArray(), h => h!["action"]!.GetValue<string>() == "assigned" && h["note"]!.GetValue<string>() == "round robin");

        var refused = await Assert.ThrowsAsync<SaasCrm.Platform.Domain.BusinessException>(() => ApplyAsync(desk, id, new SetRecordStatus("Closed", null), new SetRecordStatus("Resolved", null)));
        Assert.Equal("ticket.invalid_transition", refused.Code);
        await Assert.ThrowsAsync<SaasCrm.Platform.Domain.BusinessException>(() => ApplyAsync(desk, id, new SetRecordField("title", "x")));

        using var scope = ServiceTestHost.For(api).Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(desk.Tenant.Id);
        var type = scope.ServiceProvider.GetServices<IWorkflowRecordType>().Single(t => t.Name == "ticket");
        var snapshot = await type.LoadAsync(id, CancellationToken.None);
        Assert.Equal("Assigned", snapshot!.Values["status"]);
        Assert.Equal("陈明", snapshot.Customer!.Name);
        Assert.Equal(1, (await type.CountOpenAssignedAsync([desk.Agent2Id], CancellationToken.None))[desk.Agent2Id]);
    }

    /// <summary>Applies changes as the engine does: on the scoped context, saved together afterwards.</summary>
    internal static async Task ApplyAsync(ServiceDesk desk, Guid id, params WorkflowRecordChange[] changes) =>
        await ApplyAsync(desk, "ticket", id, changes);

    internal static async Task ApplyAsync(ServiceDesk desk, string recordType, Guid id, params WorkflowRecordChange[] changes)
    {
        using var scope = ServiceTestHost.For(desk.Api).Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(desk.Tenant.Id);
        var type = scope.ServiceProvider.GetServices<IWorkflowRecordType>().Single(t => t.Name == recordType);
        foreach (var change in changes) await type.ApplyAsync(id, change, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<SaasCrm.Platform.Data.PlatformDbContext>().SaveChangesAsync();
    }
}

public sealed class TicketTestsSqlite(SqliteApi api) : TicketTests(api), IClassFixture<SqliteApi>;
public sealed class TicketTestsMariaDb(MariaDbApi api) : TicketTests(api), IClassFixture<MariaDbApi>;
