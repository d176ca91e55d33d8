using System.Net;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Platform;

public abstract class DictionaryTests(ApiFixture api)
{
    private static async Task<JsonArray> Items(ApiClient client, string type, bool includeDisabled = false) =>
        (await client.GetOk($"/api/dictionaries/{type}/items?includeDisabled={includeDisabled}")).AsArray();

    private static Task<JsonNode> AddItem(ApiClient client, string type, string code, bool isEnabled = true) =>
        client.PostOk($"/api/dictionaries/{type}/items", new { code, labelEn = code + " en", labelZh = code + " 中", isEnabled }, HttpStatusCode.Created);

    [Fact]
    public async Task A_new_tenant_starts_with_the_standard_dictionaries()
    {
        var tenant = await TenantScenario.CreateAsync(api, "dict");
        var types = (await tenant.Admin.GetOk("/api/dictionaries")).AsArray().Select(t => t!["code"]!.GetValue<string>()).ToList();
        foreach (var code in new[] { "customer-source", "industry", "customer-level", "contact-method", "complaint-type", "severity", "ticket-category", "opportunity-stage", "lost-reason", "enquiry-type", "return-reason" })
        {
            Assert.Contains(code, types);
        }
        var stages = await Items(tenant.Admin, "opportunity-stage");
        Assert.Equal(100m, stages.Single(s => s!["code"]!.GetValue<string>() == "won")!["numericValue"]!.GetValue<decimal>());
        Assert.Equal("初步接洽", stages[0]!["labelZh"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_disabled_item_stays_on_old_records_but_cannot_be_chosen_for_new_ones()
    {
        var tenant = await TenantScenario.CreateAsync(api, "dict");
        var item = await AddItem(tenant.Admin, "customer-source", "fair");
        var note = await tenant.Admin.PostOk("/api/probe-notes", new { title = "from the fair", source = "fair" }, HttpStatusCode.Created);

        await tenant.Admin.PutOk($"/api/dictionaries/items/{item["id"]}", new
        {
            code = "fair", labelEn = "Fair", labelZh = "展会", isEnabled = false, concurrencyStamp = item["concurrencyStamp"]!.GetValue<string>(),
        });
        Assert.DoesNotContain(await Items(tenant.Admin, "customer-source"), i => i!["code"]!.GetValue<string>() == "fair");
        Assert.Contains(await Items(tenant.Admin, "customer-source", includeDisabled: true), i => i!["code"]!.GetValue<string>() == "fair");

        var fresh = await tenant.Admin.PostAsync("/api/probe-notes", new { title = "new", source = "fair" });
        var problem = await ApiClient.ExpectProblem(fresh, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("dictionary.item_disabled", problem["errorCodes"]!["source"]![0]!.GetValue<string>());
        // The old record keeps its value through an edit of something else.
        await tenant.Admin.PutOk($"/api/probe-notes/{note["id"]}", new { title = "renamed", amount = 0, source = "fair", concurrencyStamp = note["concurrencyStamp"]!.GetValue<string>() });

        var unknown = await tenant.Admin.PostAsync("/api/probe-notes", new { title = "new", source = "no-such-source" });
        problem = await ApiClient.ExpectProblem(unknown, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("dictionary.unknown_item", problem["errorCodes"]!["source"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task An_items_code_cannot_change_once_used_and_a_used_item_cannot_be_deleted()
    {
        var tenant = await TenantScenario.CreateAsync(api, "dict");
        var unused = await AddItem(tenant.Admin, "customer-source", "tv");
        var renamed = await tenant.Admin.PutOk($"/api/dictionaries/items/{unused["id"]}", new { code = "television", labelEn = "TV", labelZh = "电视", concurrencyStamp = unused["concurrencyStamp"]!.GetValue<string>() });
        Assert.Equal("television", renamed["code"]!.GetValue<string>());

        await tenant.Admin.PostOk("/api/probe-notes", new { title = "seen on tv", source = "television" }, HttpStatusCode.Created);
        var response = await tenant.Admin.PutAsync($"/api/dictionaries/items/{unused["id"]}", new { code = "tv", labelEn = "TV", labelZh = "电视", concurrencyStamp = renamed["concurrencyStamp"]!.GetValue<string>() });
        await ApiClient.ExpectProblem(response, HttpStatusCode.Conflict, "dictionary.code_in_use");
        await ApiClient.ExpectProblem(await tenant.Admin.DeleteAsync($"/api/dictionaries/items/{unused["id"]}"), HttpStatusCode.Conflict, "dictionary.item_in_use");

        var spare = await AddItem(tenant.Admin, "customer-source", "spare");
        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.DeleteAsync($"/api/dictionaries/items/{spare["id"]}")).StatusCode);
    }

    [Fact]
    public async Task Items_are_validated_reordered_and_one_default_at_a_time()
    {
        var tenant = await TenantScenario.CreateAsync(api, "dict");
        var bad = await tenant.Admin.PostAsync("/api/dictionaries/customer-source/items", new { code = "has space", labelEn = "x", labelZh = "", color = "red" });
        var problem = await ApiClient.ExpectProblem(bad, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("dictionary.code_format", problem["errorCodes"]!["code"]![0]!.GetValue<string>());
        Assert.Equal("dictionary.color_format", problem["errorCodes"]!["color"]![0]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["labelZh"]);
        await ApiClient.ExpectProblem(await tenant.Admin.PostAsync("/api/dictionaries/customer-source/items", new { code = "web", labelEn = "x", labelZh = "x" }), HttpStatusCode.Conflict, "dictionary.code_taken");

        var items = await Items(tenant.Admin, "severity");
        var reversed = items.Select(i => i!["id"]!.GetValue<Guid>()).Reverse().ToList();
        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.PutAsync("/api/dictionaries/severity/order", new { itemIds = reversed })).StatusCode);
        Assert.Equal(reversed, (await Items(tenant.Admin, "severity")).Select(i => i!["id"]!.GetValue<Guid>()));

        var made = await tenant.Admin.PostOk("/api/dictionaries/severity/items", new { code = "urgent", labelEn = "Urgent", labelZh = "紧急", isDefault = true }, HttpStatusCode.Created);
        var defaults = (await Items(tenant.Admin, "severity")).Where(i => i!["isDefault"]!.GetValue<bool>()).ToList();
        Assert.Equal(made["id"]!.GetValue<Guid>(), defaults.Single()!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Dictionaries_are_tenant_isolated_and_only_admins_edit_them()
    {
        var a = await TenantScenario.CreateAsync(api, "dict");
        var b = await TenantScenario.CreateAsync(api, "dict");
        var item = await AddItem(a.Admin, "industry", "a-only");
        Assert.DoesNotContain(await Items(b.Admin, "industry", true), i => i!["code"]!.GetValue<string>() == "a-only");
        var hijack = await b.Admin.PutAsync($"/api/dictionaries/items/{item["id"]}", new { code = "x", labelEn = "x", labelZh = "x", concurrencyStamp = item["concurrencyStamp"]!.GetValue<string>() });
        await ApiClient.ExpectProblem(hijack, HttpStatusCode.NotFound, "not_found");

        await a.CreateUserAsync("rep", "sales");
        var rep = await a.LoginAsync("rep");
        Assert.NotEmpty(await Items(rep, "industry"));
        await ApiClient.ExpectProblem(await rep.PostAsync("/api/dictionaries/industry/items", new { code = "x", labelEn = "x", labelZh = "x" }), HttpStatusCode.Forbidden, "forbidden");
    }
}

public sealed class DictionaryTestsSqlite(SqliteApi api) : DictionaryTests(api), IClassFixture<SqliteApi>;
public sealed class DictionaryTestsMariaDb(MariaDbApi api) : DictionaryTests(api), IClassFixture<MariaDbApi>;
