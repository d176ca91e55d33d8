using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Service.CustomerLinks;
using SaasCrm.Workflows;

namespace SaasCrm.Api.Tests.Service;

public abstract class ComplaintTests(ApiFixture api)
{
    private static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();

    private static async Task<Guid> CreateAsync(ApiClient client, Guid customerId, string title, string type = "product-quality", string severity = "high") =>
        Id(await client.PostOk("/api/complaints", new { customerId, title, content = "冰箱噪音大，三次维修未解决", typeCode = type, severityCode = severity, productCategoryCode = "appliances", brandCode = "haier" }, HttpStatusCode.Created));

    private async Task TransferAsync(ServiceDesk desk, Guid id, Guid department, Guid assignee, DateTime? deadline) =>
        await desk.Admin.PostOk($"/api/complaints/{id}/transfer", new { departmentId = department, assigneeId = assignee, note = "请售后部处理", deadline });

    [Fact]
    public async Task Unsatisfied_return_visit_reopens_with_a_new_round_and_a_satisfied_one_closes()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var head = await desk.LoginAsync(api, "head");
        var id = await CreateAsync(desk.Admin, desk.CustomerId, "冰箱噪音");
        var now = api.Factory.Clock.GetUtcNow().UtcDateTime;
        await TransferAsync(desk, id, desk.ServiceDept, desk.HeadId, now.AddHours(8));

        await ApiClient.ExpectProblem(await desk.Admin.PostAsync($"/api/complaints/{id}/return-visits", new { satisfied = true, rating = 5 }), HttpStatusCode.Conflict, "complaint.no_reply_yet");
        var replied = await head.PostOk($"/api/complaints/{id}/replies", new { content = "已安排更换压缩机" });
        Assert.Equal("Replied", replied["status"]!.GetValue<string>());
        Assert.True(replied["replies"]![0]!["onTime"]!.GetValue<bool>());

        var reopened = await desk.Admin.PostOk($"/api/complaints/{id}/return-visits", new { satisfied = false, rating = 2, comment = "还是有噪音" });
        Assert.Equal("Reopened", reopened["status"]!.GetValue<string>());
        Assert.Equal(2, reopened["round"]!.GetValue<int>());
        Assert.False(reopened["satisfied"]!.GetValue<bool>());
        var visitSignal = RecordingWorkflowSignals.Of(id).Single(s => s.Detail == WorkflowEventNames.ReturnVisitRecorded);
        Assert.Equal("false", visitSignal.Data!["satisfied"]);
        Assert.Equal("2", visitSignal.Data!["rating"]);

        // Second round: transferred again, replied after the deadline, then the customer is satisfied.
        await TransferAsync(desk, id, desk.ServiceDept, desk.HeadId, api.Factory.Clock.GetUtcNow().UtcDateTime.AddHours(1));
        api.Factory.Clock.Advance(TimeSpan.FromHours(2));
        head = await desk.LoginAsync(api, "head");
        var late = await head.PostOk($"/api/complaints/{id}/replies", new { content = "已整机更换" });
        Assert.False(late["replies"]![1]!["onTime"]!.GetValue<bool>());
        Assert.Equal(2, late["replies"]![1]!["round"]!.GetValue<int>());
        var admin = await desk.LoginAsync(api, "admin");
        var closed = await admin.PostOk($"/api/complaints/{id}/return-visits", new { satisfied = true, rating = 5 });
        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
        Assert.Equal(2, closed["round"]!.GetValue<int>());
        Assert.Equal(2, closed["returnVisits"]!.AsArray().Count);
        Assert.Equal(2, closed["transfers"]!.AsArray().Count);
    }

    [Fact]
    public async Task Statistics_count_on_time_replies_and_satisfaction_per_group()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var head = await desk.LoginAsync(api, "head");
        var now = api.Factory.Clock.GetUtcNow().UtcDateTime;
        // quality/high: replied in time, satisfied 5 → closed
        var a = await CreateAsync(desk.Admin, desk.CustomerId, "A", "product-quality", "high");
        await TransferAsync(desk, a, desk.ServiceDept, desk.HeadId, now.AddHours(4));
        await head.PostOk($"/api/complaints/{a}/replies", new { content = "ok" });
        await desk.Admin.PostOk($"/api/complaints/{a}/return-visits", new { satisfied = true, rating = 5 });
        // quality/low: replied late (deadline already passed), unsatisfied 2 → reopened
        var b = await CreateAsync(desk.Admin, desk.CustomerId, "B", "product-quality", "low");
        await TransferAsync(desk, b, desk.ServiceDept, desk.HeadId, now.AddMinutes(-1));
        await head.PostOk($"/api/complaints/{b}/replies", new { content = "late" });
        await desk.Admin.PostOk($"/api/complaints/{b}/return-visits", new { satisfied = false, rating = 2 });
        // delivery/high: not replied yet
        await CreateAsync(desk.Admin, desk.CustomerId, "C", "delivery", "high");

        var stats = await desk.Admin.GetOk($"/api/complaints/statistics?from={now.AddDays(-1):O}&to={now.AddDays(1):O}");
        var total = stats["total"]!;
        Assert.Equal(3, total["count"]!.GetValue<int>());
        Assert.Equal(1, total["closed"]!.GetValue<int>());
        Assert.Equal(2, total["replies"]!.GetValue<int>());
        Assert.Equal(0.5m, total["onTimeRate"]!.GetValue<decimal>());
        Assert.Equal(3.5m, total["averageRating"]!.GetValue<decimal>());
        Assert.Equal(0.5m, total["satisfiedRate"]!.GetValue<decimal>());
        var quality = stats["byType"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == "product-quality")!;
        Assert.Equal(2, quality["count"]!.GetValue<int>());
        var delivery = stats["byType"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == "delivery")!;
        Assert.Null(delivery["onTimeRate"]?.GetValue<decimal?>());
        var high = stats["bySeverity"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == "high")!;
        Assert.Equal(2, high["count"]!.GetValue<int>());
        Assert.Equal(1m, high["onTimeRate"]!.GetValue<decimal>());
        var department = stats["byDepartment"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == desk.ServiceDept.ToString())!;
        Assert.Equal(2, department["count"]!.GetValue<int>());
        Assert.Equal("Service team", department["label"]!.GetValue<string>());

        var outside = await desk.Admin.GetOk($"/api/complaints/statistics?from={now.AddDays(1):O}&to={now.AddDays(2):O}");
        Assert.Equal(0, outside["total"]!["count"]!.GetValue<int>());
        var rep = await desk.LoginAsync(api, "rep");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/complaints/statistics")).StatusCode);
    }

    [Fact]
    public async Task Complaint_list_filters_and_cross_tenant_404()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var other = await ServiceDesk.CreateAsync(api);
        var a = await CreateAsync(desk.Admin, desk.CustomerId, "Quality", "product-quality", "critical");
        await CreateAsync(desk.Admin, desk.CustomerId, "Price", "price", "low");
        var list = await desk.Admin.GetOk("/api/complaints?type=product-quality&severity=critical");
        Assert.Equal([a], list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        Assert.Equal(2, (await desk.Admin.GetOk("/api/complaints?sort=-title"))["total"]!.GetValue<int>());
        await ApiClient.ExpectProblem(await other.Admin.GetAsync($"/api/complaints/{a}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await other.Admin.PostAsync($"/api/complaints/{a}/replies", new { content = "x" }), HttpStatusCode.NotFound, "not_found");
        var rep = await desk.LoginAsync(api, "rep");
        await ApiClient.ExpectProblem(await rep.GetAsync($"/api/complaints/{a}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Handover_merge_and_unmerge_move_tickets_and_complaints_and_360_lists_them()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var loserCustomer = (await desk.Admin.PostOk("/api/customers", new { kind = "Company", name = "东方电气（重复）" + desk.Tenant.Name, phones = Array.Empty<string>(), emails = Array.Empty<string>(), tags = Array.Empty<string>() }, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var ticket = Id(await desk.Admin.PostOk("/api/tickets", new { customerId = loserCustomer, title = "Loser ticket", categoryCode = "repair", priorityCode = "normal", assigneeId = desk.Agent1Id }, HttpStatusCode.Created));
        var complaint = await CreateAsync(desk.Admin, loserCustomer, "Loser complaint");
        await TransferAsync(desk, complaint, desk.ServiceDept, desk.Agent1Id, null);
        var stays = Id(await desk.Admin.PostOk("/api/tickets", new { customerId = desk.CustomerId, title = "Survivor ticket", categoryCode = "repair", priorityCode = "normal" }, HttpStatusCode.Created));

        var profile = await desk.Admin.GetOk($"/api/customers/{loserCustomer}/360");
        var slots = profile["slots"]!.AsArray();
        Assert.Equal(1, slots.Single(s => s!["kind"]!.GetValue<string>() == "ticket")!["count"]!.GetValue<int>());
        Assert.Equal("Loser complaint", slots.Single(s => s!["kind"]!.GetValue<string>() == "complaint")!["items"]![0]!["title"]!.GetValue<string>().Split(' ', 2)[1]);

        await HandleAsync(desk, new CustomersHandedOver(Guid.NewGuid(), desk.Agent1Id, desk.Agent2Id, [loserCustomer], IncludeOpenRecords: true));
        Assert.Equal(desk.Agent2Id, (await desk.Admin.GetOk($"/api/tickets/{ticket}"))["assigneeId"]!.GetValue<Guid>());
        Assert.Equal(desk.Agent2Id, (await desk.Admin.GetOk($"/api/complaints/{complaint}"))["assigneeId"]!.GetValue<Guid>());

        var mergeId = Guid.NewGuid();
        await HandleAsync(desk, new CustomersMerged(mergeId, desk.CustomerId, [loserCustomer]));
        await HandleAsync(desk, new CustomersMerged(mergeId, desk.CustomerId, [loserCustomer])); // redelivered: nothing more happens
        Assert.Equal(2, (await desk.Admin.GetOk($"/api/tickets?customerId={desk.CustomerId}"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await desk.Admin.GetOk($"/api/complaints?customerId={desk.CustomerId}"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await desk.Admin.GetOk($"/api/tickets?customerId={loserCustomer}"))["total"]!.GetValue<int>());

        await HandleAsync(desk, new CustomerMergeReverted(mergeId, desk.CustomerId, [loserCustomer]));
        Assert.Equal([stays], (await desk.Admin.GetOk($"/api/tickets?customerId={desk.CustomerId}"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        Assert.Equal([ticket], (await desk.Admin.GetOk($"/api/tickets?customerId={loserCustomer}"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        Assert.Equal(1, (await desk.Admin.GetOk($"/api/complaints?customerId={loserCustomer}"))["total"]!.GetValue<int>());
    }

    /// <summary>Delivers a customer event to the service desk's handler inside the tenant, as the outbox dispatcher does.</summary>
    private async Task HandleAsync<TEvent>(ServiceDesk desk, TEvent e) where TEvent : notnull
    {
        using var scope = ServiceTestHost.For(api).Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(desk.Tenant.Id);
        var context = new SaasCrm.Platform.Events.EventContext(Guid.NewGuid(), 1);
        switch (e)
        {
            case CustomersHandedOver h: await scope.ServiceProvider.GetRequiredService<ServiceHandoverHandler>().HandleAsync(h, context, default); break;
            case CustomersMerged m: await scope.ServiceProvider.GetRequiredService<ServiceMergeHandler>().HandleAsync(m, context, default); break;
            case CustomerMergeReverted r: await scope.ServiceProvider.GetRequiredService<ServiceMergeRevertHandler>().HandleAsync(r, context, default); break;
        }
    }
}

public sealed class ComplaintTestsSqlite(SqliteApi api) : ComplaintTests(api), IClassFixture<SqliteApi>;
public sealed class ComplaintTestsMariaDb(MariaDbApi api) : ComplaintTests(api), IClassFixture<MariaDbApi>;
