using System.Net;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Customers;

/// <summary>Follow-ups (C3) with check-in (C10) and the next follow-up (C4); history (C9); the 360 page (C12); saved views.</summary>
public abstract class FollowUpTests(ApiFixture api)
{
    [Fact]
    public async Task A_follow_up_updates_the_customer_and_schedules_the_next_one()
    {
        var tenant = await TenantScenario.CreateAsync(api, "fu");
        await tenant.CreateUserAsync("rep", "sales");
        var rep = await tenant.LoginAsync("rep");
        var customer = await CustomerApi.CreateAsync(rep, "Follow Co", contacts: [new { name = "王五" }]);
        var id = customer["id"]!.GetValue<Guid>();
        var contactId = (await rep.GetOk($"/api/customers/{id}/contacts")).AsArray()[0]!["id"]!.GetValue<Guid>();
        var now = api.Factory.Clock.GetUtcNow().UtcDateTime;

        var created = await rep.PostOk($"/api/customers/{id}/follow-ups", new
        {
            methodCode = "phone", content = "Discussed the quote", result = "Send a proposal", at = now.AddMinutes(-30), contactId,
            nextFollowUp = new { dueAt = now.AddDays(2), subject = "Call back about the proposal", channels = "InApp, Email" },
        }, HttpStatusCode.Created);
        Assert.Equal("王五", created["contactName"]!.GetValue<string>());
        Assert.NotNull(created["reminderId"]);

        var after = await rep.GetOk($"/api/customers/{id}");
        Assert.Equal(now.AddMinutes(-30), after["lastFollowUpAt"]!.GetValue<DateTime>(), TimeSpan.FromSeconds(1));
        Assert.Equal(now.AddDays(2), after["nextFollowUpAt"]!.GetValue<DateTime>(), TimeSpan.FromSeconds(1));
        Assert.Single((await rep.GetOk($"/api/customers/{id}/follow-ups"))["items"]!.AsArray());

        await ApiClient.ExpectProblem(await rep.PostAsync($"/api/customers/{id}/follow-ups", new { methodCode = "telepathy", content = "x", at = now }),
            HttpStatusCode.BadRequest, "validation_failed");
        await ApiClient.ExpectProblem(await rep.PostAsync($"/api/customers/{id}/follow-ups", new { methodCode = "phone", content = "x", at = now, nextFollowUp = new { dueAt = now.AddDays(-1) } }),
            HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_check_in_far_from_the_customer_is_flagged_and_shown_on_the_map()
    {
        var tenant = await TenantScenario.CreateAsync(api, "geo");
        var dept = await tenant.CreateDepartmentAsync("Field");
        await tenant.CreateUserAsync("rep", "sales", dept);
        await tenant.CreateUserAsync("boss", "manager", dept);
        await tenant.CreateUserAsync("outsider", "sales");
        var rep = await tenant.LoginAsync("rep");
        var created = await rep.PostOk("/api/customers", new { kind = "Company", name = "Geo Co", latitude = 31.2304, longitude = 121.4737 }, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        var now = api.Factory.Clock.GetUtcNow().UtcDateTime;

        var near = await rep.PostOk($"/api/customers/{id}/follow-ups", new
        {
            methodCode = "visit", content = "On site", at = now, checkIn = new { latitude = 31.2310, longitude = 121.4740, accuracyMeters = 15, address = "人民广场" },
        }, HttpStatusCode.Created);
        Assert.False(near["checkIn"]!["isFar"]!.GetValue<bool>());
        Assert.InRange(near["checkIn"]!["distanceMeters"]!.GetValue<double>(), 50, 100);

        var far = await rep.PostOk($"/api/customers/{id}/follow-ups", new
        {
            methodCode = "visit", content = "Claimed visit", at = now, checkIn = new { latitude = 39.9042, longitude = 116.4074 },
        }, HttpStatusCode.Created);
        Assert.True(far["checkIn"]!["isFar"]!.GetValue<bool>());

        var boss = await tenant.LoginAsync("boss");
        var map = (await boss.GetOk("/api/check-ins")).AsArray();
        Assert.Equal(2, map.Count);
        Assert.Single(map, p => p!["isFar"]!.GetValue<bool>());
        Assert.Empty((await (await tenant.LoginAsync("outsider")).GetOk("/api/check-ins")).AsArray());
    }

    [Fact]
    public async Task The_history_shows_labels_and_names_and_filters_by_field_and_user()
    {
        var tenant = await TenantScenario.CreateAsync(api, "hist");
        var repId = await tenant.CreateUserAsync("rep", "sales");
        await tenant.CreateUserAsync("boss", "manager");
        var rep = await tenant.LoginAsync("rep");
        var created = await CustomerApi.CreateAsync(rep, "History Co", level: "b");
        var id = created["id"]!.GetValue<Guid>();
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await rep.PutOk($"/api/customers/{id}", new { kind = "Company", name = "History Co", levelCode = "a", concurrencyStamp = created["concurrencyStamp"]!.GetValue<string>() });
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var bossId = (await tenant.Admin.GetOk("/api/identity/users?filter=boss"))["items"]!.AsArray()[0]!["id"]!.GetValue<Guid>();
        await tenant.Admin.PostOk($"/api/customers/{id}/assign", new { ownerId = bossId, reason = "Key account" });

        var level = (await tenant.Admin.GetOk($"/api/customers/{id}/history?field=LevelCode"))["items"]!.AsArray();
        var change = level.First()!;
        Assert.Equal("b", change["oldValue"]!.GetValue<string>());
        Assert.Equal("A 重点客户", change["newLabel"]!["zh"]!.GetValue<string>());
        Assert.Equal("Level", change["fieldLabel"]!["en"]!.GetValue<string>());
        Assert.Equal("rep", change["userName"]!.GetValue<string>());

        var all = (await tenant.Admin.GetOk($"/api/customers/{id}/history"))["items"]!.AsArray();
        var assigned = all.First(e => e!["kind"]!.GetValue<string>() == "Assigned")!;
        Assert.Equal("boss", assigned["newLabel"]!["en"]!.GetValue<string>());
        Assert.Equal("Key account", assigned["reason"]!.GetValue<string>());

        // Custom fields appear in the same history under their labels.
        await tenant.Admin.PostOk("/api/custom-fields", new { entityType = "customer", name = "budget", labelEn = "Budget", labelZh = "预算", fieldType = "Number", precision = 2 }, HttpStatusCode.Created);
        var current = await tenant.Admin.GetOk($"/api/customers/{id}");
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await tenant.Admin.PutOk($"/api/customers/{id}", new
        {
            kind = "Company", name = "History Co", levelCode = "a", concurrencyStamp = current["concurrencyStamp"]!.GetValue<string>(),
            customFields = new Dictionary<string, object> { ["budget"] = 1200.5m },
        });
        var budget = (await tenant.Admin.GetOk($"/api/customers/{id}/history?field=cf.budget"))["items"]!.AsArray().Single()!;
        Assert.Equal("预算", budget["fieldLabel"]!["zh"]!.GetValue<string>());
        Assert.Equal("1200.5", budget["newValue"]!.GetValue<string>());

        var byRep = (await tenant.Admin.GetOk($"/api/customers/{id}/history?userId={repId}"))["items"]!.AsArray();
        Assert.All(byRep, e => Assert.Equal("rep", e!["userName"]!.GetValue<string>()));
        Assert.DoesNotContain(byRep, e => e!["kind"]!.GetValue<string>() == "Assigned");
    }

    [Fact]
    public async Task The_360_page_loads_everything_in_a_fixed_number_of_queries()
    {
        // Clients copy this when created: the requests then run in the test's async flow, which the counter follows.
        api.Factory.Server.PreserveExecutionContext = true;
        var tenant = await TenantScenario.CreateAsync(api, "c360");
        var dept = await tenant.CreateDepartmentAsync("Sales");
        await tenant.CreateUserAsync("rep", "sales", dept);
        await tenant.CreateUserAsync("boss", "manager", dept);
        var rep = await tenant.LoginAsync("rep");
        var id = (await CustomerApi.CreateAsync(rep, "Three Sixty", contacts: [new { name = "A" }, new { name = "B" }]))["id"]!.GetValue<Guid>();
        var now = api.Factory.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 3; i++)
            await rep.PostOk($"/api/customers/{id}/follow-ups", new { methodCode = "phone", content = $"Call {i}", at = now.AddHours(-i) }, HttpStatusCode.Created);

        foreach (var client in new[] { rep, await tenant.LoginAsync("boss"), tenant.Admin })
        {
            // Every request first pays for its permission check; measured on an endpoint that reads one row besides it.
            int perRequest;
            using (var baseline = new QueryCounter())
            {
                await client.GetOk("/api/customer-settings");
                perRequest = baseline.Count - 1;
            }
            using var counter = new QueryCounter();
            var page = await client.GetOk($"/api/customers/{id}/360");
            var ownReads = counter.Count - perRequest;
            // Ten for the customer module's own parts; each later module's slot (tickets, complaints …) may add a count,
            // its latest rows and one visibility read — a fixed number per slot, never per row; the calls on the timeline
            // (ICustomerTimelineSource) are one more read, within that allowance.
            var slots = page["slots"]!.AsArray().Count;
            Assert.True(ownReads >= 1 && ownReads <= 10 + 3 * slots, $"{ownReads} queries of the page itself ({perRequest} for the permission check, {slots} slots):\n{counter.Commands}");
            Assert.Equal("Three Sixty", page["customer"]!["name"]!.GetValue<string>());
            Assert.Equal(2, page["contacts"]!.AsArray().Count);
            Assert.Equal(3, page["followUps"]!.AsArray().Count);
            Assert.Contains(page["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "ownership");
        }
        var outsider = await tenant.CreateUserAsync("outsider", "sales");
        Assert.NotEqual(Guid.Empty, outsider);
        await ApiClient.Expect(await (await tenant.LoginAsync("outsider")).GetAsync($"/api/customers/{id}/360"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Saved_views_belong_to_their_user_and_one_is_the_default()
    {
        var tenant = await TenantScenario.CreateAsync(api, "views");
        await tenant.CreateUserAsync("rep", "sales");
        await tenant.CreateUserAsync("rep2", "sales");
        var rep = await tenant.LoginAsync("rep");
        var first = await rep.PostOk("/api/saved-views", new { recordType = "customer", name = "Key accounts", query = "level=a&sort=name", columns = new[] { "name", "owner" }, isDefault = true }, HttpStatusCode.Created);
        await rep.PostOk("/api/saved-views", new { recordType = "customer", name = "Hot", query = "tag=hot", isDefault = true }, HttpStatusCode.Created);
        var views = (await rep.GetOk("/api/saved-views?recordType=customer")).AsArray();
        Assert.Equal(["Hot"], views.Where(v => v!["isDefault"]!.GetValue<bool>()).Select(v => v!["name"]!.GetValue<string>()));
        Assert.Equal(["name", "owner"], views.Single(v => v!["name"]!.GetValue<string>() == "Key accounts")!["columns"]!.AsArray().Select(c => c!.GetValue<string>()));

        var rep2 = await tenant.LoginAsync("rep2");
        Assert.Empty((await rep2.GetOk("/api/saved-views?recordType=customer")).AsArray());
        await ApiClient.Expect(await rep2.DeleteAsync($"/api/saved-views/{first["id"]}"), HttpStatusCode.NotFound);
    }
}

public sealed class FollowUpTestsSqlite(SqliteApi api) : FollowUpTests(api), IClassFixture<SqliteApi>;
public sealed class FollowUpTestsMariaDb(MariaDbApi api) : FollowUpTests(api), IClassFixture<MariaDbApi>;
