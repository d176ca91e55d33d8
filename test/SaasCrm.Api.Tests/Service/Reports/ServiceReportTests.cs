using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Import;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Service.Reports;

/// <summary>
/// Service reports over a small known data set: exact figures per group and in total, period buckets in the tenant's
/// time zone, data scope, tenant isolation, validation, permissions and the Excel export.
/// </summary>
public abstract class ServiceReportTests(ApiFixture api)
{
    private static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();
    private static string Iso(DateTime d) => d.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    private DateTime Now => api.Factory.Clock.GetUtcNow().UtcDateTime;

    /// <summary>A fresh sign-in: tokens expire when the fake clock moves on by hours.</summary>
    private Task<ApiClient> As(ServiceDesk desk, string user) => desk.LoginAsync(api, user);

    private static async Task<Guid> TicketAsync(ServiceDesk desk, string title, string category, Guid assignee) =>
        Id(await desk.Admin.PostOk("/api/tickets", new { customerId = desk.CustomerId, title, categoryCode = category, priorityCode = "normal", departmentId = desk.ServiceDept, assigneeId = assignee }, HttpStatusCode.Created));

    private static async Task ResolveAsync(ApiClient agent, Guid id)
    {
        await agent.PostOk($"/api/tickets/{id}/accept");
        await agent.PostOk($"/api/tickets/{id}/status", new { status = "Resolved" });
    }

    private static JsonNode Row(JsonNode report, string label) =>
        report["rows"]!.AsArray().Single(r => r!["label"]!.GetValue<string>() == label)!;

    private static decimal? V(JsonNode row, string measure) => row["values"]![measure]?.GetValue<decimal>();

    /// <summary>
    /// Three tickets created together (times in minutes from creation): agent1's repair answered at 30, resolved at 120
    /// (within the 16 h SLA), rated 5; agent1's repair answered at 90, resolved at 1320 (SLA missed), rated 3; agent2's
    /// installation answered at 90 and still open.
    /// </summary>
    private async Task<(ServiceDesk Desk, DateTime Created)> TicketDataAsync()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        await desk.UseRoundTheClockCalendarAsync();
        var created = Now;
        var t1 = await TicketAsync(desk, "Fast repair", "repair", desk.Agent1Id);
        var t2 = await TicketAsync(desk, "Slow repair", "repair", desk.Agent1Id);
        var t3 = await TicketAsync(desk, "Open installation", "installation", desk.Agent2Id);
        await ServiceTestHost.RunJobsAsync(api); // SLA due times: normal priority resolves within 16 h
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(30));
        await (await As(desk, "agent1")).PostOk($"/api/tickets/{t1}/comments", new { content = "我们马上安排" }, HttpStatusCode.Created);
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(60));
        await (await As(desk, "agent1")).PostOk($"/api/tickets/{t2}/comments", new { content = "已收到" }, HttpStatusCode.Created);
        await (await As(desk, "agent2")).PostOk($"/api/tickets/{t3}/comments", new { content = "明天上门" }, HttpStatusCode.Created);
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var agent1 = await As(desk, "agent1");
        await ResolveAsync(agent1, t1);
        await agent1.PostOk($"/api/tickets/{t1}/rating", new { rating = 5 });
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(1200));
        agent1 = await As(desk, "agent1");
        await ResolveAsync(agent1, t2);
        await agent1.PostOk($"/api/tickets/{t2}/rating", new { rating = 3 });
        return (desk, created);
    }

    private static string Range(DateTime created) => $"from={Iso(created.AddHours(-1))}&to={Iso(created.AddDays(2))}";

    [Fact]
    public async Task Ticket_report_has_exact_volumes_times_sla_and_satisfaction_per_person_and_in_total()
    {
        var (desk, created) = await TicketDataAsync();
        desk = desk.With(await As(desk, "admin"));
        var report = await desk.Admin.GetOk($"/api/service/reports/tickets?{Range(created)}&groupBy=person&language=en-US");

        var agent1 = Row(report, "agent1");
        Assert.Equal([2m, 2m, 0m, 60m, 90m, 720m, 1320m, 50m, 4m, 2m],
            new[] { "created", "resolved", "openAtEnd", "firstResponseAvg", "firstResponseP90", "resolutionAvg", "resolutionP90", "slaCompliance", "satisfaction", "rated" }.Select(m => V(agent1, m)));
        var agent2 = Row(report, "agent2");
        Assert.Equal([1m, 0m, 1m, 90m, 90m], new[] { "created", "resolved", "openAtEnd", "firstResponseAvg", "firstResponseP90" }.Select(m => V(agent2, m)));
        Assert.Null(V(agent2, "resolutionAvg"));
        Assert.Null(V(agent2, "slaCompliance"));
        Assert.Null(V(agent2, "satisfaction"));

        var total = report["total"]!;
        Assert.Equal("Total", total["label"]!.GetValue<string>());
        Assert.Equal([3m, 2m, 1m, 70m, 90m, 720m, 1320m, 50m, 4m, 2m],
            new[] { "created", "resolved", "openAtEnd", "firstResponseAvg", "firstResponseP90", "resolutionAvg", "resolutionP90", "slaCompliance", "satisfaction", "rated" }.Select(m => V(total, m)));

        var byCategory = await desk.Admin.GetOk($"/api/service/reports/tickets?{Range(created)}&groupBy=category&language=zh-CN");
        Assert.Equal(["维修", "安装"], byCategory["rows"]!.AsArray().Select(r => r!["label"]!.GetValue<string>()));
        Assert.Equal(2m, V(Row(byCategory, "维修"), "created"));
        Assert.Equal("合计", byCategory["total"]!["label"]!.GetValue<string>());

        var byDepartment = await desk.Admin.GetOk($"/api/service/reports/tickets?{Range(created)}&groupBy=department");
        Assert.Equal(3m, V(Row(byDepartment, "Service team"), "created"));

        var filtered = await desk.Admin.GetOk($"/api/service/reports/tickets?{Range(created)}&groupBy=person&filter.category=installation&language=en-US");
        Assert.Equal(["agent2"], filtered["rows"]!.AsArray().Select(r => r!["label"]!.GetValue<string>()));
        Assert.Equal(1m, V(filtered["total"]!, "created"));
    }

    [Fact]
    public async Task Complaint_report_counts_on_time_replies_reopened_rounds_and_satisfaction_by_type()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var created = Now;
        var quality = Id(await desk.Admin.PostOk("/api/complaints", new { customerId = desk.CustomerId, title = "噪音", content = "冰箱噪音大", typeCode = "product-quality", severityCode = "high" }, HttpStatusCode.Created));
        var delivery = Id(await desk.Admin.PostOk("/api/complaints", new { customerId = desk.CustomerId, title = "送货慢", content = "晚了三天", typeCode = "delivery", severityCode = "medium" }, HttpStatusCode.Created));
        foreach (var id in new[] { quality, delivery })
            await desk.Admin.PostOk($"/api/complaints/{id}/transfer", new { departmentId = desk.ServiceDept, assigneeId = desk.HeadId, deadline = Now.AddHours(1) });
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var head = await As(desk, "head");
        var admin = await As(desk, "admin");
        await head.PostOk($"/api/complaints/{quality}/replies", new { content = "已安排检修" }); // on time
        await head.PostOk($"/api/complaints/{delivery}/replies", new { content = "已补偿运费" }); // on time
        await admin.PostOk($"/api/complaints/{quality}/return-visits", new { satisfied = false, rating = 2 }); // reopens: round 2
        await admin.PostOk($"/api/complaints/{delivery}/return-visits", new { satisfied = true, rating = 4 });
        await admin.PostOk($"/api/complaints/{quality}/transfer", new { departmentId = desk.ServiceDept, assigneeId = desk.HeadId, deadline = Now.AddHours(1) });
        api.Factory.Clock.Advance(TimeSpan.FromHours(2));
        head = await As(desk, "head");
        admin = await As(desk, "admin");
        await head.PostOk($"/api/complaints/{quality}/replies", new { content = "整机更换" }); // late
        await admin.PostOk($"/api/complaints/{quality}/return-visits", new { satisfied = true, rating = 5 });

        var report = await admin.GetOk($"/api/service/reports/complaints?{Range(created)}&groupBy=type&language=en-US");
        var measures = new[] { "created", "closed", "replies", "onTimeReplies", "reopened", "reopenRounds", "satisfaction", "rated" };
        Assert.Equal([1m, 1m, 2m, 50m, 1m, 1m, 5m, 1m], measures.Select(m => V(Row(report, "Product quality"), m)));
        Assert.Equal([1m, 1m, 1m, 100m, 0m, 0m, 4m, 1m], measures.Select(m => V(Row(report, "Delivery"), m)));
        Assert.Equal([2m, 2m, 3m, 66.7m, 1m, 1m, 4.5m, 2m], measures.Select(m => V(report["total"]!, m)));

        var byPerson = await admin.GetOk($"/api/service/reports/complaints?{Range(created)}&groupBy=person&language=en-US");
        Assert.Equal(3m, V(Row(byPerson, "head"), "replies"));
        var bySeverity = await admin.GetOk($"/api/service/reports/complaints?{Range(created)}&groupBy=severity&filter.severity=high&language=en-US");
        Assert.Equal(["High"], bySeverity["rows"]!.AsArray().Select(r => r!["label"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Periods_are_cut_in_the_tenant_time_zone_across_a_month_boundary()
    {
        var desk = await ServiceDesk.CreateAsync(api); // no calendar of its own: the default zone is Asia/Shanghai (UTC+8)
        var shanghai = TimeSpan.FromHours(8);
        var local = Now + shanghai;
        var nextMonthUtc = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1) - shanghai;
        api.Factory.Clock.Advance(nextMonthUtc - Now - TimeSpan.FromHours(1)); // 23:00 local on the month's last day (15:00 UTC)
        var before = Now;
        desk = desk.With(await As(desk, "admin"));
        await TicketAsync(desk, "Last evening of the month", "repair", desk.Agent1Id);
        api.Factory.Clock.Advance(TimeSpan.FromHours(2)); // 01:00 local on the 1st, still the same UTC day
        desk = desk.With(await As(desk, "admin"));
        await TicketAsync(desk, "First night of the month", "repair", desk.Agent1Id);
        await TicketAsync(desk, "Also the first", "repair", desk.Agent1Id);

        var range = $"from={Iso(before.AddDays(-3))}&to={Iso(before.AddDays(3))}";
        var months = await desk.Admin.GetOk($"/api/service/reports/tickets?{range}&groupBy=period&period=month");
        var first = (before + shanghai).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var second = (before + shanghai).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Assert.Equal([first, second], months["rows"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()));
        Assert.Equal([1m, 2m], months["rows"]!.AsArray().Select(r => V(r!, "created")));

        var days = await desk.Admin.GetOk($"/api/service/reports/tickets?{range}&groupBy=period&period=day");
        Assert.Equal([(before + shanghai).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (before + shanghai).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            days["rows"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()));
        Assert.Equal(3m, V(days["total"]!, "created"));
        var complaints = await desk.Admin.GetOk($"/api/service/reports/complaints?{range}&groupBy=period&period=week");
        Assert.Empty(complaints["rows"]!.AsArray());
    }

    [Fact]
    public async Task An_agent_sees_only_own_figures_the_manager_the_team_and_other_tenants_never_count()
    {
        var (desk, created) = await TicketDataAsync();
        desk = desk.With(await As(desk, "admin"));
        var other = await ServiceDesk.CreateAsync(api);
        other = other.With(await As(other, "admin"));
        await TicketAsync(other, "Other tenant", "repair", other.Agent1Id);

        var agent2 = await desk.LoginAsync(api, "agent2");
        var own = await agent2.GetOk($"/api/service/reports/tickets?{Range(created)}&groupBy=person&language=en-US");
        Assert.Equal(["agent2"], own["rows"]!.AsArray().Select(r => r!["label"]!.GetValue<string>()));
        Assert.Equal(1m, V(own["total"]!, "created"));

        var head = await desk.LoginAsync(api, "head");
        var team = await head.GetOk($"/api/service/reports/tickets?{Range(created)}&groupBy=person&language=en-US");
        Assert.Equal(3m, V(team["total"]!, "created"));

        Assert.Equal(3m, V((await desk.Admin.GetOk($"/api/service/reports/tickets?{Range(created)}&groupBy=priority"))["total"]!, "created"));
        Assert.Equal(1m, V((await other.Admin.GetOk($"/api/service/reports/tickets?{Range(created)}&groupBy=priority"))["total"]!, "created"));
    }

    [Fact]
    public async Task Bad_requests_get_clear_400s_and_permissions_are_checked()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var now = Now;
        async Task Bad(string query, string field, string code)
        {
            var problem = await ApiClient.ExpectProblem(await desk.Admin.GetAsync("/api/service/reports/tickets?" + query), HttpStatusCode.BadRequest, "validation_failed");
            Assert.Equal(code, problem["errorCodes"]![field]![0]!.GetValue<string>());
        }
        await Bad($"to={Iso(now)}", "from", "report.from_required");
        await Bad($"from={Iso(now)}&to={Iso(now.AddDays(-1))}", "to", "report.bad_period");
        await Bad($"from={Iso(now.AddYears(-3))}&to={Iso(now)}", "to", "report.period_too_long");
        await Bad($"from={Iso(now.AddDays(-1))}&to={Iso(now)}&groupBy=colour", "groupBy", "report.unknown_dimension");
        await Bad($"from={Iso(now.AddDays(-1))}&to={Iso(now)}&groupBy=period&period=year", "period", "report.unknown_period");
        await Bad($"from={Iso(now.AddDays(-1))}&to={Iso(now)}&filter.colour=red", "filter.colour", "report.unknown_filter");
        await Bad($"from={Iso(now.AddDays(-1))}&to={Iso(now)}&filter.department=sales", "filter.department", "report.bad_filter");
        await ApiClient.ExpectProblem(await desk.Admin.GetAsync($"/api/service/reports/nope?from={Iso(now.AddDays(-1))}&to={Iso(now)}"), HttpStatusCode.NotFound, "report.not_found");

        var list = await (await desk.LoginAsync(api, "agent1")).GetOk("/api/service/reports?language=en-US");
        var keys = list.AsArray().Select(r => r!["key"]!.GetValue<string>()).ToList();
        Assert.Contains("tickets", keys);
        Assert.Contains("complaints", keys);
        var tickets = list.AsArray().Single(r => r!["key"]!.GetValue<string>() == "tickets")!;
        Assert.Contains("person", tickets["dimensions"]!.AsArray().Select(d => d!["key"]!.GetValue<string>()));
        Assert.DoesNotContain("period", tickets["filters"]!.AsArray().Select(d => d!.GetValue<string>()));

        var rep = await desk.LoginAsync(api, "rep"); // sales: no service reports
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/service/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync($"/api/service/reports/tickets?from={Iso(now.AddDays(-1))}&to={Iso(now)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync($"/api/service/reports/tickets/export?from={Iso(now.AddDays(-1))}&to={Iso(now)}")).StatusCode);
    }

    [Fact]
    public async Task Export_is_an_xlsx_with_localized_headers_rows_and_total()
    {
        var (desk, created) = await TicketDataAsync();
        desk = desk.With(await As(desk, "admin"));
        var response = await desk.Admin.GetAsync($"/api/service/reports/tickets/export?{Range(created)}&groupBy=person&language=zh-CN");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = ImportFiles.ReadXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["处理人", "新建数", "已解决", "期末未结", "平均首次响应（分钟）", "首次响应 P90（分钟）", "平均解决时长（分钟）", "解决时长 P90（分钟）", "SLA 达成率 (%)", "满意度", "评价数"], rows[0].Select(c => c ?? ""));
        Assert.Equal(4, rows.Count);
        Assert.Equal(["agent1", "2", "2", "0", "60", "90", "720", "1320", "50", "4", "2"], rows[1].Select(c => c ?? ""));
        Assert.Equal("agent2", rows[2][0]);
        Assert.Equal(["合计", "3", "2", "1", "70", "90", "720", "1320", "50", "4", "2"], rows[3].Select(c => c ?? ""));
    }
}

public sealed class ServiceReportTestsSqlite(SqliteApi api) : ServiceReportTests(api), IClassFixture<SqliteApi>;
public sealed class ServiceReportTestsMariaDb(MariaDbApi api) : ServiceReportTests(api), IClassFixture<MariaDbApi>;

internal static class ServiceDeskSignIn
{
    /// <summary>The same desk with a freshly signed-in admin client.</summary>
    public static ServiceDesk With(this ServiceDesk d, ApiClient admin) => new()
    {
        Api = d.Api, Tenant = d.Tenant, Admin = admin, ServiceDept = d.ServiceDept, SalesDept = d.SalesDept, HeadId = d.HeadId,
        Agent1Id = d.Agent1Id, Agent2Id = d.Agent2Id, RepId = d.RepId, CustomerId = d.CustomerId,
    };
}
