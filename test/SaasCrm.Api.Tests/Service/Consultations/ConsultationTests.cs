using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Handover;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Service.Reports;
using SaasCrm.Workflows;

namespace SaasCrm.Api.Tests.Service.Consultations;

public abstract class ConsultationTests(ApiFixture api)
{
    private static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();
    private static string Status(JsonNode node) => node["status"]!.GetValue<string>();
    private DateTime Now => api.Factory.Clock.GetUtcNow().UtcDateTime;

    private static async Task<JsonNode> CreateAsync(ApiClient client, string type = "product", string? answer = null, Guid? customerId = null, string? department = null, int quantity = 1) =>
        await client.PostOk("/api/consultations", new
        {
            enquiryTypeCode = type, content = "海尔冰箱 BCD-470 是否支持一级能效补贴？", customerId, contactName = "王女士", contactPhone = "13800138000",
            productCategoryCode = "appliances", brandCode = "haier", quantity, answer, replyChannelCode = answer is null ? null : "phone",
        }, HttpStatusCode.Created);

    private static async Task SetHeadAsync(ServiceDesk desk, Guid department, Guid user) =>
        await ApiClient.Expect(await desk.Admin.PutAsync($"/api/departments/{department}/head", new { userId = user }), HttpStatusCode.NoContent);

    [Fact]
    public async Task Answered_at_once_or_transferred_answered_by_the_department_notified_and_replied_to_the_customer()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        await SetHeadAsync(desk, desk.ServiceDept, desk.HeadId);
        var agent = await desk.LoginAsync(api, "agent1");
        var rep = await desk.LoginAsync(api, "rep");

        var atOnce = await CreateAsync(agent, answer: "支持，凭发票到门店登记即可。");
        Assert.Equal("Answered", Status(atOnce));
        Assert.Equal(desk.Agent1Id, atOnce["answeredBy"]!.GetValue<Guid>());
        Assert.Equal("phone", atOnce["replyChannelCode"]!.GetValue<string>());
        // A customer the recorder may see is linked and shown on its 360 page.
        var linked = await CreateAsync(desk.Admin, answer: "已答复", customerId: desk.CustomerId);
        Assert.Equal(desk.CustomerId, linked["customerId"]!.GetValue<Guid>());
        Assert.NotNull(linked["customerName"]);
        await ApiClient.Expect(await agent.PostAsync("/api/consultations", new { enquiryTypeCode = "product", content = "x", customerId = desk.CustomerId }), HttpStatusCode.BadRequest);
        await ApiClient.ExpectProblem(await agent.PostAsync($"/api/consultations/{Id(atOnce)}/transfer", new { departmentId = desk.ServiceDept }), HttpStatusCode.Conflict, "consultation.invalid_transition");

        var created = await CreateAsync(rep);
        var id = Id(created);
        Assert.Equal("Open", Status(created));
        var transferred = await rep.PostOk($"/api/consultations/{id}/transfer", new { departmentId = desk.ServiceDept, deadline = Now.AddHours(4), note = "请售后确认补贴政策" });
        Assert.Equal("Transferred", Status(transferred));
        Assert.Equal(desk.HeadId, transferred["assigneeId"]!.GetValue<Guid>());
        Assert.Contains(RecordingWorkflowSignals.Of(id), s => s.Kind == "status" && s.Detail == "Open->Transferred");

        // The originator is no member of the department: only the department answers.
        await ApiClient.ExpectProblem(await rep.PostAsync($"/api/consultations/{id}/department-answer", new { content = "自己答" }), HttpStatusCode.Forbidden, "consultation.not_responsible");
        // A member of the department who is not the assignee sees it and answers.
        var agent2 = await desk.LoginAsync(api, "agent2");
        Assert.Equal(1, (await agent2.GetOk("/api/consultations?view=department"))["total"]!.GetValue<int>());
        var answered = await agent2.PostOk($"/api/consultations/{id}/department-answer", new { content = "支持，补贴 13%，需在 30 天内申请。" });
        Assert.Equal("DepartmentAnswered", Status(answered));
        Assert.True(answered["answeredOnTime"]!.GetValue<bool>());
        Assert.Equal(desk.Agent2Id, answered["departmentAnsweredBy"]!.GetValue<Guid>());
        Assert.Contains(RecordingWorkflowSignals.Of(id), s => s.Kind == "event" && s.Detail == WorkflowEventNames.ReplyReceived && s.Data!["onTime"] == "true");

        await ServiceTestHost.RunJobsAsync(api);
        var bell = await rep.GetOk("/api/notifications");
        Assert.Contains(bell["items"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "consultation.answered" && n["link"]!.GetValue<string>().EndsWith(id.ToString()));

        var replied = await rep.PostOk($"/api/consultations/{id}/answer", new { content = "已电话告知王女士补贴政策。", replyChannelCode = "phone" });
        Assert.Equal("Answered", Status(replied));
        Assert.Equal(desk.RepId, replied["answeredBy"]!.GetValue<Guid>());
        Assert.Contains(replied["history"]!.AsArray(), h => h!["action"]!.GetValue<string>() == "transferred");
        await ApiClient.ExpectProblem(await rep.PostAsync($"/api/consultations/{id}/answer", new { content = "again" }), HttpStatusCode.Conflict, "consultation.invalid_transition");
    }

    [Fact]
    public async Task Overdue_transfer_is_escalated_to_the_parent_department_by_the_template()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        await desk.UseRoundTheClockCalendarAsync();
        var t = desk.Tenant;
        var center = await t.CreateDepartmentAsync("Service center");
        var afterSales = await t.CreateDepartmentAsync("After-sales", center);
        var director = await t.CreateUserAsync("director", "manager", center);
        var asHead = await t.CreateUserAsync("ashead", "service", afterSales);
        await SetHeadAsync(desk, center, director);
        await SetHeadAsync(desk, afterSales, asHead);
        var rep = await desk.LoginAsync(api, "rep");

        // Without a deadline the template gives 8 working hours (round the clock here).
        var noDeadline = Id(await CreateAsync(rep));
        var start = Now;
        await rep.PostOk($"/api/consultations/{noDeadline}/transfer", new { departmentId = afterSales });
        var id = Id(await CreateAsync(rep, type: "price"));
        await rep.PostOk($"/api/consultations/{id}/transfer", new { departmentId = afterSales, deadline = Now.AddHours(2) });
        await ServiceTestHost.RunJobsAsync(api);
        var defaulted = await rep.GetOk($"/api/consultations/{noDeadline}");
        Assert.Equal(start.AddHours(8), defaulted["deadline"]!.GetValue<DateTime>(), TimeSpan.FromMinutes(1));

        api.Factory.Clock.Advance(TimeSpan.FromHours(3));
        rep = await desk.LoginAsync(api, "rep");
        Assert.Equal(1, (await rep.GetOk("/api/consultations?overdue=true"))["total"]!.GetValue<int>());
        await ServiceTestHost.RunJobsAsync(api);
        var escalated = await rep.GetOk($"/api/consultations/{id}");
        Assert.Equal(1, escalated["escalationLevel"]!.GetValue<int>());
        Assert.Equal(center, escalated["departmentId"]!.GetValue<Guid>());
        Assert.Equal(director, escalated["assigneeId"]!.GetValue<Guid>());
        Assert.Equal(Now.AddHours(4), escalated["deadline"]!.GetValue<DateTime>(), TimeSpan.FromMinutes(1));
        Assert.False(escalated["isOverdue"]!.GetValue<bool>());
        // The consultation with 8 hours is not escalated yet.
        Assert.Equal(0, (await rep.GetOk($"/api/consultations/{noDeadline}"))["escalationLevel"]!.GetValue<int>());

        var directorClient = await desk.LoginAsync(api, "director");
        var bell = await directorClient.GetOk("/api/notifications");
        Assert.Contains(bell["items"]!.AsArray(), n => n!["title"]!.GetValue<string>().Contains("overdue") || n["title"]!.GetValue<string>().Contains("超时"));
        var answered = await directorClient.PostOk($"/api/consultations/{id}/department-answer", new { content = "价格以门店为准" });
        Assert.Equal("DepartmentAnswered", Status(answered));
    }

    [Fact]
    public async Task Tenants_data_scope_and_validation_keep_consultations_apart()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var other = await ServiceDesk.CreateAsync(api);
        var rep = await desk.LoginAsync(api, "rep");
        var id = Id(await CreateAsync(rep));

        // Another tenant's admin sees nothing and cannot act.
        await ApiClient.Expect(await other.Admin.GetAsync($"/api/consultations/{id}"), HttpStatusCode.NotFound);
        await ApiClient.Expect(await other.Admin.PostAsync($"/api/consultations/{id}/answer", new { content = "x" }), HttpStatusCode.NotFound);
        Assert.Equal(0, (await other.Admin.GetOk("/api/consultations"))["total"]!.GetValue<int>());

        // A sales colleague in the same department but with self scope does not see it; the tenant admin does.
        var rep2Id = await desk.Tenant.CreateUserAsync("rep2", "sales", desk.SalesDept);
        var rep2 = await desk.LoginAsync(api, "rep2");
        await ApiClient.Expect(await rep2.GetAsync($"/api/consultations/{id}"), HttpStatusCode.NotFound);
        await ApiClient.Expect(await rep2.PostAsync($"/api/consultations/{id}/transfer", new { departmentId = desk.ServiceDept }), HttpStatusCode.NotFound);
        Assert.Equal(0, (await rep2.GetOk("/api/consultations"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await desk.Admin.GetOk("/api/consultations"))["total"]!.GetValue<int>());
        Assert.NotEqual(Guid.Empty, rep2Id);

        // A service agent (Manage) who sees it through a wider scope may not be in its department: department answer refused.
        await ApiClient.Expect(await rep.PostAsync("/api/consultations", new { enquiryTypeCode = "nope", content = "x" }), HttpStatusCode.BadRequest);
        await ApiClient.Expect(await rep.PostAsync("/api/consultations", new { enquiryTypeCode = "product", content = "" }), HttpStatusCode.BadRequest);
        await ApiClient.Expect(await rep.PostAsync($"/api/consultations/{id}/transfer", new { departmentId = desk.ServiceDept, deadline = Now.AddHours(-1) }), HttpStatusCode.BadRequest);
        await ApiClient.Expect(await rep.PostAsync($"/api/consultations/{id}/department-answer", new { content = "x" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Report_counts_by_type_and_department()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        await SetHeadAsync(desk, desk.ServiceDept, desk.HeadId);
        var rep = await desk.LoginAsync(api, "rep");
        var head = await desk.LoginAsync(api, "head");
        var from = Now.AddMinutes(-1);
        await CreateAsync(rep, type: "product", answer: "ok", quantity: 3);
        await CreateAsync(rep, type: "product");
        var late = Id(await CreateAsync(rep, type: "price"));
        var inTime = Id(await CreateAsync(rep, type: "price"));
        await rep.PostOk($"/api/consultations/{late}/transfer", new { departmentId = desk.ServiceDept, deadline = Now.AddHours(1) });
        await rep.PostOk($"/api/consultations/{inTime}/transfer", new { departmentId = desk.ServiceDept, deadline = Now.AddHours(1) });
        await head.PostOk($"/api/consultations/{inTime}/department-answer", new { content = "在时限内" });
        api.Factory.Clock.Advance(TimeSpan.FromHours(2));
        head = await desk.LoginAsync(api, "head");
        await head.PostOk($"/api/consultations/{late}/department-answer", new { content = "超时答复" });

        var byType = await RunAsync(desk, new ReportQuery(from, Now.AddMinutes(1), "type", null, new Dictionary<string, string>()));
        var product = byType.Rows.Single(r => r.Key == "product");
        Assert.Equal(2, product.Values["entries"]);
        Assert.Equal(4, product.Values["enquiries"]);
        Assert.Equal(1, product.Values["answeredAtOnce"]);
        var price = byType.Rows.Single(r => r.Key == "price");
        Assert.Equal(2, price.Values["transferred"]);
        Assert.Equal(50m, price.Values["answeredOnTimeRate"]);
        Assert.Equal(4, byType.Total.Values["entries"]);

        var byDepartment = await RunAsync(desk, new ReportQuery(from, Now.AddMinutes(1), "department", null, new Dictionary<string, string>()));
        var service = byDepartment.Rows.Single(r => r.Key == desk.ServiceDept.ToString());
        Assert.Equal("Service team", service.Label);
        Assert.Equal(2, service.Values["entries"]);
        Assert.Equal(2, byDepartment.Rows.Single(r => r.Key == "").Values["entries"]);

        // The report runs in the caller's data scope: another tenant's admin counts nothing of this tenant.
        var other = await ServiceDesk.CreateAsync(api);
        var empty = await RunAsync(other, new ReportQuery(from, Now.AddMinutes(1), "type", null, new Dictionary<string, string>()));
        Assert.Empty(empty.Rows);
    }

    private async Task<ReportResult> RunAsync(ServiceDesk desk, ReportQuery query)
    {
        var adminId = (await (await desk.LoginAsync(api, "admin")).GetOk("/api/account/me"))["userId"]!.GetValue<Guid>();
        return await CustomerSeed.InTenantAsync(api, desk.Tenant.Id, async (_, services) =>
            await services.GetServices<IServiceReport>().Single(r => r.Key == "consultations").RunAsync(query, default), asUser: adminId);
    }
}

public sealed class ConsultationTestsSqlite(SqliteApi api) : ConsultationTests(api), IClassFixture<SqliteApi>;
public sealed class ConsultationTestsMariaDb(MariaDbApi api) : ConsultationTests(api), IClassFixture<MariaDbApi>;
