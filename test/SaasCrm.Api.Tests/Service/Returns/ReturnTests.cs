using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Handover;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Service.Reports;

namespace SaasCrm.Api.Tests.Service.Returns;

public abstract class ReturnTests(ApiFixture api)
{
    private static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();
    private static string Status(JsonNode node) => node["status"]!.GetValue<string>();
    private DateTime Now => api.Factory.Clock.GetUtcNow().UtcDateTime;

    /// <summary>A store (team) inside a region: the store's head is the team lead, the region's head the department head.</summary>
    private sealed record Store(ServiceDesk Desk, Guid Region, Guid StoreDept, Guid LeadId, Guid RegionHeadId, Guid ClerkId);

    private async Task<Store> StoreAsync()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var t = desk.Tenant;
        var region = await t.CreateDepartmentAsync("North region");
        var store = await t.CreateDepartmentAsync("Store 12", region);
        var lead = await t.CreateUserAsync("lead", "service", store);
        var regionHead = await t.CreateUserAsync("regionhead", "service", region);
        var clerk = await t.CreateUserAsync("clerk", "sales", store);
        await ApiClient.Expect(await desk.Admin.PutAsync($"/api/departments/{store}/head", new { userId = lead }), HttpStatusCode.NoContent);
        await ApiClient.Expect(await desk.Admin.PutAsync($"/api/departments/{region}/head", new { userId = regionHead }), HttpStatusCode.NoContent);
        return new Store(desk, region, store, lead, regionHead, clerk);
    }

    private static object ReturnExchange(Store s, decimal amount, bool submit = true, string reason = "quality") => new
    {
        kind = "ReturnExchange", departmentId = s.StoreDept, customerName = "王女士", customerPhone = "13800138000", pickupMethodCode = "store", resultCode = "refunded",
        reasonCode = reason, productCategoryCode = "appliances", brandCode = "haier", quantity = 1, amount, orderNumber = "SO-2026-0001", submit,
    };

    [Fact]
    public async Task Each_kind_requires_the_fields_the_retailer_lists()
    {
        var s = await StoreAsync();
        var clerk = await s.Desk.LoginAsync(api, "clerk");
        async Task<string[]> MissingAsync(object body)
        {
            var problem = await ApiClient.Expect(await clerk.PostAsync("/api/returns", body), HttpStatusCode.BadRequest);
            return problem["errors"]!.AsObject().Select(e => e.Key).OrderBy(k => k).ToArray();
        }
        Assert.Equal(["amount", "brandCode", "customer", "departmentId", "pickupMethodCode", "productCategoryCode", "quantity", "reasonCode", "resultCode"],
            await MissingAsync(new { kind = "ReturnExchange" }));
        Assert.Equal(["brandCode", "coordinationMatter", "customerName", "customerPhone", "departmentId", "orderNumber", "productCode"],
            await MissingAsync(new { kind = "QuickReturn" }));
        Assert.Equal(["amount", "customer", "departmentId", "productCategoryCode", "reasonCode"], await MissingAsync(new { kind = "PriceProtection" }));
        Assert.Equal(["address", "amount", "brandCode", "customerName", "customerPhone", "departmentId", "orderNumber", "productCategoryCode", "productCode", "purchaseDate", "quantity"],
            await MissingAsync(new { kind = "VipHomeRefund" }));
        // A name and a phone stand for the customer; amounts have two decimals at most; a price-protection reason comes from its own dictionary.
        Assert.Equal(["amount"], await MissingAsync(new { kind = "PriceProtection", departmentId = s.StoreDept, customerName = "李先生", customerPhone = "139", productCategoryCode = "digital", reasonCode = "price-drop", amount = 1.005m }));
        await ApiClient.Expect(await clerk.PostAsync("/api/returns", new { kind = "PriceProtection", departmentId = s.StoreDept, customerName = "李先生", customerPhone = "139", productCategoryCode = "digital", reasonCode = "quality", amount = 10m }), HttpStatusCode.BadRequest);

        var quick = await clerk.PostOk("/api/returns", new
        {
            kind = "QuickReturn", departmentId = s.StoreDept, customerName = "张女士", customerPhone = "13900001111", brandCode = "midea",
            coordinationMatter = "顾客出差，需今日办结退货", orderNumber = "SO-88", productCode = "MD-KFR-35",
        }, HttpStatusCode.Created);
        Assert.Equal("Draft", Status(quick));
        Assert.Equal("CNY", quick["currencyCode"]!.GetValue<string>());
        var price = await clerk.PostOk("/api/returns", new { kind = "PriceProtection", departmentId = s.StoreDept, customerName = "李先生", customerPhone = "13911112222", productCategoryCode = "digital", reasonCode = "price-drop", amount = 200.50m, currencyCode = "CNY" }, HttpStatusCode.Created);
        Assert.Equal(200.50m, price["amount"]!.GetValue<decimal>());
        var vip = await clerk.PostOk("/api/returns", new
        {
            kind = "VipHomeRefund", departmentId = s.StoreDept, customerName = "赵先生", customerPhone = "13700002222", address = "北京市朝阳区建国路 1 号",
            orderNumber = "SO-99", productCode = "HW-P60", productCategoryCode = "digital", brandCode = "huawei", quantity = 1, amount = 5988m, purchaseDate = Now.AddDays(-3),
        }, HttpStatusCode.Created);
        Assert.Equal("VipHomeRefund", vip["kind"]!.GetValue<string>());
        // The kind of an entry is fixed.
        var fixedKind = await ApiClient.Expect(await clerk.PutAsync($"/api/returns/{Id(quick)}", new { kind = "PriceProtection", departmentId = s.StoreDept, customerName = "李先生", customerPhone = "13911112222", productCategoryCode = "digital", reasonCode = "price-drop", amount = 1m, concurrencyStamp = quick["concurrencyStamp"]!.GetValue<string>() }), HttpStatusCode.BadRequest);
        Assert.Equal("return.kind_fixed", fixedKind["errorCodes"]!["kind"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Small_amounts_go_to_the_team_lead_who_rejects_then_approves_and_the_clerk_completes()
    {
        var s = await StoreAsync();
        var clerk = await s.Desk.LoginAsync(api, "clerk");
        var entry = await clerk.PostOk("/api/returns", ReturnExchange(s, 499.00m), HttpStatusCode.Created);
        var id = Id(entry);
        Assert.Equal("Submitted", Status(entry));
        await ServiceTestHost.RunJobsAsync(api);

        var lead = await s.Desk.LoginAsync(api, "lead");
        var submitted = await lead.GetOk($"/api/returns/{id}");
        Assert.Equal(s.LeadId, submitted["approverId"]!.GetValue<Guid>());
        Assert.True(submitted["canApprove"]!.GetValue<bool>());
        Assert.Equal(1, (await lead.GetOk("/api/returns?view=approval"))["total"]!.GetValue<int>());
        Assert.Contains((await lead.GetOk("/api/notifications"))["items"]!.AsArray(), n => n!["title"]!.GetValue<string>().Contains(submitted["number"]!.GetValue<string>()));

        // Neither the recorder (not the approver, no approve permission) decides, nor the region head, who does not even see it.
        await ApiClient.ExpectProblem(await clerk.PostAsync($"/api/returns/{id}/approve", new { }), HttpStatusCode.Forbidden, "return.not_approver");
        var regionHead = await s.Desk.LoginAsync(api, "regionhead");
        await ApiClient.Expect(await regionHead.PostAsync($"/api/returns/{id}/approve", new { }), HttpStatusCode.NotFound);
        var noReason = await ApiClient.Expect(await lead.PostAsync($"/api/returns/{id}/reject", new { }), HttpStatusCode.BadRequest);
        Assert.Equal("return.reason_required", noReason["errorCodes"]!["note"]![0]!.GetValue<string>());

        var rejected = await lead.PostOk($"/api/returns/{id}/reject", new { note = "缺少质检报告" });
        Assert.Equal("Rejected", Status(rejected));
        Assert.Equal("缺少质检报告", rejected["decisionNote"]!.GetValue<string>());
        Assert.Contains(RecordingWorkflowSignals.Of(id), x => x.Kind == "event" && x.Detail == "ApprovalDecided" && x.Data!["approved"] == "false");
        await ApiClient.ExpectProblem(await lead.PostAsync($"/api/returns/{id}/approve", new { }), HttpStatusCode.Conflict, "return.invalid_transition");
        await ServiceTestHost.RunJobsAsync(api);
        Assert.Contains((await clerk.GetOk("/api/notifications"))["items"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "return.decided");

        // Corrected and submitted again: a new approval round.
        var current = await clerk.GetOk($"/api/returns/{id}");
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(ReturnExchange(s, 450.00m), ApiClient.Json))!.AsObject();
        body["remark"] = "已补充质检报告";
        body["concurrencyStamp"] = current["concurrencyStamp"]!.GetValue<string>();
        var resubmitted = await clerk.PutOk($"/api/returns/{id}", body);
        Assert.Equal("Submitted", Status(resubmitted));
        await ServiceTestHost.RunJobsAsync(api);
        lead = await s.Desk.LoginAsync(api, "lead");
        var approved = await lead.PostOk($"/api/returns/{id}/approve", new { note = "同意退款" });
        Assert.Equal("Approved", Status(approved));
        Assert.Equal(s.LeadId, approved["decidedBy"]!.GetValue<Guid>());
        await ApiClient.ExpectProblem(await lead.PostAsync($"/api/returns/{id}/reject", new { note = "x" }), HttpStatusCode.Conflict, "return.invalid_transition");
        var completed = await clerk.PostOk($"/api/returns/{id}/complete");
        Assert.Equal("Completed", Status(completed));
        Assert.Equal(["Draft->Submitted", "Submitted->Rejected", "Rejected->Submitted", "Submitted->Approved", "Approved->Completed"],
            completed["history"]!.AsArray().Where(h => h!["action"]!.GetValue<string>() == "status").Select(h => $"{h!["fromValue"]}->{h["toValue"]}").ToArray());

        await ServiceTestHost.RunJobsAsync(api);
        var instances = await s.Desk.Admin.GetOk($"/api/workflows/instances?recordType=return&recordId={id}");
        var statuses = instances["items"]!.AsArray().Select(i => i!["status"]!.ToString()).ToList();
        Assert.Equal(2, statuses.Count);
        Assert.All(statuses, x => Assert.Equal("Completed", x));
    }

    [Fact]
    public async Task Large_amounts_go_to_the_head_of_the_parent_department()
    {
        var s = await StoreAsync();
        var clerk = await s.Desk.LoginAsync(api, "clerk");
        var id = Id(await clerk.PostOk("/api/returns", ReturnExchange(s, 8999.00m), HttpStatusCode.Created));
        await ServiceTestHost.RunJobsAsync(api);
        var regionHead = await s.Desk.LoginAsync(api, "regionhead");
        Assert.Equal(s.RegionHeadId, (await regionHead.GetOk($"/api/returns/{id}"))["approverId"]!.GetValue<Guid>());
        var lead = await s.Desk.LoginAsync(api, "lead");
        await ApiClient.ExpectProblem(await lead.PostAsync($"/api/returns/{id}/approve", new { }), HttpStatusCode.Forbidden, "return.not_approver");
        Assert.Equal("Approved", Status(await regionHead.PostOk($"/api/returns/{id}/approve", new { })));
        // A manager holds Service.Returns.Approve and may decide entries named to others.
        var other = Id(await clerk.PostOk("/api/returns", ReturnExchange(s, 10m), HttpStatusCode.Created));
        Assert.Equal("Approved", Status(await s.Desk.Admin.PostOk($"/api/returns/{other}/approve", new { })));
    }

    [Fact]
    public async Task Tenants_and_data_scope_keep_entries_apart()
    {
        var s = await StoreAsync();
        var otherTenant = await ServiceDesk.CreateAsync(api);
        var clerk = await s.Desk.LoginAsync(api, "clerk");
        var id = Id(await clerk.PostOk("/api/returns", ReturnExchange(s, 100m, submit: false), HttpStatusCode.Created));

        await ApiClient.Expect(await otherTenant.Admin.GetAsync($"/api/returns/{id}"), HttpStatusCode.NotFound);
        await ApiClient.Expect(await otherTenant.Admin.PostAsync($"/api/returns/{id}/submit"), HttpStatusCode.NotFound);
        await ApiClient.Expect(await otherTenant.Admin.PostAsync($"/api/returns/{id}/approve", new { }), HttpStatusCode.NotFound);
        Assert.Equal(0, (await otherTenant.Admin.GetOk("/api/returns"))["total"]!.GetValue<int>());

        // A sales rep of another department (self scope) neither sees nor submits it; a member of the store sees it.
        var rep = await s.Desk.LoginAsync(api, "rep");
        await ApiClient.Expect(await rep.GetAsync($"/api/returns/{id}"), HttpStatusCode.NotFound);
        await ApiClient.Expect(await rep.PostAsync($"/api/returns/{id}/submit"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await rep.GetOk("/api/returns"))["total"]!.GetValue<int>());
        var lead = await s.Desk.LoginAsync(api, "lead");
        Assert.Equal(1, (await lead.GetOk("/api/returns?view=department"))["total"]!.GetValue<int>());
        // The store's lead (service: Manage) may submit it; a colleague without Manage may not.
        await s.Desk.Tenant.CreateUserAsync("clerk2", "sales", s.StoreDept);
        var clerk2 = await s.Desk.LoginAsync(api, "clerk2");
        await ApiClient.ExpectProblem(await clerk2.PostAsync($"/api/returns/{id}/submit"), HttpStatusCode.Forbidden, "return.not_allowed");
        Assert.Equal("Submitted", Status(await lead.PostOk($"/api/returns/{id}/submit")));
    }

    [Fact]
    public async Task Report_sums_counts_and_amounts_by_kind_reason_and_department()
    {
        var s = await StoreAsync();
        var clerk = await s.Desk.LoginAsync(api, "clerk");
        var from = Now.AddMinutes(-1);
        var a = Id(await clerk.PostOk("/api/returns", ReturnExchange(s, 300.00m), HttpStatusCode.Created));
        var b = Id(await clerk.PostOk("/api/returns", ReturnExchange(s, 200.50m, reason: "damaged"), HttpStatusCode.Created));
        await clerk.PostOk("/api/returns", ReturnExchange(s, 999m, submit: false), HttpStatusCode.Created); // drafts are not counted
        await clerk.PostOk("/api/returns", new { kind = "PriceProtection", departmentId = s.StoreDept, customerName = "李先生", customerPhone = "13911112222", productCategoryCode = "digital", reasonCode = "price-drop", amount = 50m, submit = true }, HttpStatusCode.Created);
        await ServiceTestHost.RunJobsAsync(api);
        var lead = await s.Desk.LoginAsync(api, "lead");
        await lead.PostOk($"/api/returns/{a}/approve", new { });
        await lead.PostOk($"/api/returns/{b}/reject", new { note = "超期" });

        var byKind = await RunAsync(s.Desk, new ReportQuery(from, Now.AddMinutes(1), "kind", null, new Dictionary<string, string>()));
        var returns = byKind.Rows.Single(r => r.Key == "ReturnExchange");
        Assert.Equal(2, returns.Values["entries"]);
        Assert.Equal(500.50m, returns.Values["amount"]);
        Assert.Equal(1, returns.Values["approved"]);
        Assert.Equal(1, returns.Values["rejected"]);
        Assert.Equal(300m, returns.Values["approvedAmount"]);
        Assert.Equal(550.50m, byKind.Total.Values["amount"]);
        Assert.Equal(3, byKind.Total.Values["entries"]);

        var byReason = await RunAsync(s.Desk, new ReportQuery(from, Now.AddMinutes(1), "reason", null, new Dictionary<string, string>()));
        Assert.Equal(["damaged", "price-drop", "quality"], byReason.Rows.Select(r => r.Key).ToArray());
        var byDepartment = await RunAsync(s.Desk, new ReportQuery(from, Now.AddMinutes(1), "department", null, new Dictionary<string, string>()));
        Assert.Equal("Store 12", byDepartment.Rows.Single().Label);
        var byMonth = await RunAsync(s.Desk, new ReportQuery(from, Now.AddMinutes(1), "period", "month", new Dictionary<string, string> { ["kind"] = "PriceProtection" }));
        Assert.Equal(50m, byMonth.Rows.Single().Values["amount"]);
    }

    [Fact]
    public async Task A_USD_entry_keeps_its_currency_and_is_never_added_to_CNY_totals()
    {
        var s = await StoreAsync();
        var clerk = await s.Desk.LoginAsync(api, "clerk");
        var from = Now.AddMinutes(-1);
        await clerk.PostOk("/api/returns", ReturnExchange(s, 300.00m), HttpStatusCode.Created);
        var usd = await clerk.PostOk("/api/returns", new
        {
            kind = "PriceProtection", departmentId = s.StoreDept, customerName = "Ms Lee", customerPhone = "13911112222", productCategoryCode = "digital",
            reasonCode = "price-drop", amount = 80.25m, currencyCode = "USD", submit = true,
        }, HttpStatusCode.Created);
        Assert.Equal("USD", usd["currencyCode"]!.GetValue<string>());
        Assert.Equal("USD", (await clerk.GetOk($"/api/returns/{Id(usd)}"))["currencyCode"]!.GetValue<string>());
        Assert.Contains((await clerk.GetOk("/api/returns"))["items"]!.AsArray(), r => r!["currencyCode"]!.GetValue<string>() == "USD" && r["amount"]!.GetValue<decimal>() == 80.25m);
        await ApiClient.Expect(await clerk.PostAsync("/api/returns", new { kind = "PriceProtection", departmentId = s.StoreDept, customerName = "Ms Lee", customerPhone = "139", productCategoryCode = "digital", reasonCode = "price-drop", amount = 1m, currencyCode = "usd" }), HttpStatusCode.BadRequest);

        // CNY by default: the USD entry is neither counted nor summed; asked for USD, only it is.
        var cny = await RunAsync(s.Desk, new ReportQuery(from, Now.AddMinutes(1), "kind", null, new Dictionary<string, string>()));
        Assert.Equal(300m, cny.Total.Values["amount"]);
        Assert.Equal(1, cny.Total.Values["entries"]);
        Assert.DoesNotContain(cny.Rows, r => r.Key == "PriceProtection");
        var dollars = await RunAsync(s.Desk, new ReportQuery(from, Now.AddMinutes(1), "kind", null, new Dictionary<string, string> { ["currency"] = "USD" }));
        Assert.Equal(80.25m, dollars.Total.Values["amount"]);
        Assert.Equal(["PriceProtection"], dollars.Rows.Select(r => r.Key).ToArray());
        // Over HTTP, as the reports page asks.
        var range = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(Now.AddMinutes(1).ToString("O"))}";
        var overHttp = await s.Desk.Admin.GetOk($"/api/service/reports/returns?{range}&groupBy=kind&filter.currency=USD");
        Assert.Equal(80.25m, overHttp["total"]!["values"]!["amount"]!.GetValue<decimal>());
        var cnyOverHttp = await s.Desk.Admin.GetOk($"/api/service/reports/returns?{range}&groupBy=kind");
        Assert.Equal(300m, cnyOverHttp["total"]!["values"]!["amount"]!.GetValue<decimal>());
        // The page offers the currencies as a choice with CNY first; a currency entries cannot have is refused.
        var definition = (await s.Desk.Admin.GetOk("/api/service/reports?language=en-US")).AsArray().Single(r => r!["key"]!.GetValue<string>() == "returns")!;
        var choice = definition["choices"]!.AsArray().Single()!;
        Assert.Equal(("currency", "CNY"), (choice["key"]!.GetValue<string>(), choice["default"]!.GetValue<string>()));
        Assert.Equal(["CNY", "USD", "EUR", "HKD"], choice["options"]!.AsArray().Select(o => o!.GetValue<string>()).ToArray());
        await s.Desk.Admin.ExpectStatus($"/api/service/reports/returns?{range}&groupBy=kind&filter.currency=JPY", HttpStatusCode.BadRequest);
        await ApiClient.Expect(await clerk.PostAsync("/api/returns", new { kind = "PriceProtection", departmentId = s.StoreDept, customerName = "Ms Lee", customerPhone = "139", productCategoryCode = "digital", reasonCode = "price-drop", amount = 1m, currencyCode = "JPY" }), HttpStatusCode.BadRequest);
    }

    private async Task<ReportResult> RunAsync(ServiceDesk desk, ReportQuery query)
    {
        var adminId = (await (await desk.LoginAsync(api, "admin")).GetOk("/api/account/me"))["userId"]!.GetValue<Guid>();
        return await CustomerSeed.InTenantAsync(api, desk.Tenant.Id, async (_, services) =>
            await services.GetServices<IServiceReport>().Single(r => r.Key == "returns").RunAsync(query, default), asUser: adminId);
    }
}

public sealed class ReturnTestsSqlite(SqliteApi api) : ReturnTests(api), IClassFixture<SqliteApi>;
public sealed class ReturnTestsMariaDb(MariaDbApi api) : ReturnTests(api), IClassFixture<MariaDbApi>;
