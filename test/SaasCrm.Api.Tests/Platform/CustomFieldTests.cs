using System.Net;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Platform;

public abstract class CustomFieldTests(ApiFixture api)
{
    private static async Task<JsonNode> DefineAsync(ApiClient admin, string name, string fieldType, object? extra = null)
    {
        var body = new JsonObject
        {
            ["entityType"] = "probe-note", ["name"] = name, ["labelEn"] = name, ["labelZh"] = name + "（中）", ["fieldType"] = fieldType,
        };
        if (extra is not null)
        {
            foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extra, ApiClient.Json))!.AsObject()) body[key] = value?.DeepClone();
        }
        return await admin.PostOk("/api/custom-fields", body, HttpStatusCode.Created);
    }

    private static async Task<TenantScenario> WithFieldsAsync(ApiFixture api)
    {
        var tenant = await TenantScenario.CreateAsync(api, "cf");
        await DefineAsync(tenant.Admin, "budget", "Number", new { precision = 2 });
        await DefineAsync(tenant.Admin, "due", "Date");
        await DefineAsync(tenant.Admin, "vip", "Boolean");
        await DefineAsync(tenant.Admin, "region", "Dictionary", new { dictionaryTypeCode = "industry" });
        await DefineAsync(tenant.Admin, "channels", "MultiSelect", new { dictionaryTypeCode = "customer-source" });
        return tenant;
    }

    [Fact]
    public async Task Values_are_validated_by_type_and_a_bad_one_writes_nothing()
    {
        var tenant = await WithFieldsAsync(api);
        var response = await tenant.Admin.PostAsync("/api/probe-notes", new
        {
            title = "bad",
            customFields = new Dictionary<string, object>
            {
                ["budget"] = 1.234, ["due"] = "2026-13-01", ["vip"] = "yes", ["region"] = "nope", ["channels"] = "web", ["color"] = "red",
            },
        });
        var problem = await ApiClient.ExpectProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        string Code(string field) => problem["errorCodes"]![$"customFields.{field}"]![0]!.GetValue<string>();
        Assert.Equal("custom_field.too_many_decimals", Code("budget"));
        Assert.Equal("custom_field.not_a_date", Code("due"));
        Assert.Equal("custom_field.not_a_boolean", Code("vip"));
        Assert.Equal("dictionary.unknown_item", Code("region"));
        Assert.Equal("custom_field.not_a_list", Code("channels"));
        Assert.Equal("custom_field.unknown_field", Code("color"));
        Assert.Empty((await tenant.Admin.GetOk("/api/probe-notes")).AsArray());

        var notNumber = await tenant.Admin.PostAsync("/api/probe-notes", new { title = "bad", customFields = new { budget = "abc" } });
        problem = await ApiClient.ExpectProblem(notNumber, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("custom_field.not_a_number", problem["errorCodes"]!["customFields.budget"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Valid_values_are_stored_with_the_record_and_read_back_typed()
    {
        var tenant = await WithFieldsAsync(api);
        var created = await tenant.Admin.PostOk("/api/probe-notes", new
        {
            title = "good",
            customFields = new Dictionary<string, object> { ["budget"] = 1200.5, ["due"] = "2026-12-01", ["vip"] = true, ["region"] = "it", ["channels"] = new[] { "web", "ad" } },
        }, HttpStatusCode.Created);
        var read = (await tenant.Admin.GetOk($"/api/probe-notes/{created["id"]}"))["customFields"]!;
        Assert.Equal(1200.5m, read["budget"]!.GetValue<decimal>());
        Assert.Equal("2026-12-01", read["due"]!.GetValue<string>());
        Assert.True(read["vip"]!.GetValue<bool>());
        Assert.Equal("it", read["region"]!.GetValue<string>());
        Assert.Equal(["ad", "web"], read["channels"]!.AsArray().Select(c => c!.GetValue<string>()));

        // An update changes only the fields it names; null clears one.
        await tenant.Admin.PutOk($"/api/probe-notes/{created["id"]}", new
        {
            title = "good", amount = 0, concurrencyStamp = (await tenant.Admin.GetOk($"/api/probe-notes/{created["id"]}"))["concurrencyStamp"]!.GetValue<string>(),
            customFields = new Dictionary<string, object?> { ["budget"] = 99, ["vip"] = null },
        });
        read = (await tenant.Admin.GetOk($"/api/probe-notes/{created["id"]}"))["customFields"]!;
        Assert.Equal(99m, read["budget"]!.GetValue<decimal>());
        Assert.Null(read["vip"]);
        Assert.Equal("it", read["region"]!.GetValue<string>());
    }

    [Fact]
    public async Task Required_fields_must_be_given_unless_they_have_a_default()
    {
        var tenant = await TenantScenario.CreateAsync(api, "cf");
        await DefineAsync(tenant.Admin, "contract", "Text", new { isRequired = true });
        var missing = await tenant.Admin.PostAsync("/api/probe-notes", new { title = "x" });
        var problem = await ApiClient.ExpectProblem(missing, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("custom_field.required", problem["errorCodes"]!["customFields.contract"]![0]!.GetValue<string>());

        await DefineAsync(tenant.Admin, "tier", "Dictionary", new { dictionaryTypeCode = "customer-level", isRequired = true, defaultValue = "\"b\"" });
        var note = await tenant.Admin.PostOk("/api/probe-notes", new { title = "x", customFields = new { contract = "C-1" } }, HttpStatusCode.Created);
        Assert.Equal("b", note["customFields"]?["tier"]?.GetValue<string>() ?? (await tenant.Admin.GetOk($"/api/probe-notes/{note["id"]}"))["customFields"]!["tier"]!.GetValue<string>());

        var badDefault = await tenant.Admin.PostAsync("/api/custom-fields", new { entityType = "probe-note", name = "size", labelEn = "Size", labelZh = "规模", fieldType = "Number", defaultValue = "\"big\"" });
        await ApiClient.ExpectProblem(badDefault, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Lists_filter_and_sort_by_custom_fields()
    {
        var tenant = await WithFieldsAsync(api);
        foreach (var (title, budget, region, channels) in new[] { ("small", 100m, "retail", new[] { "web" }), ("medium", 500m, "it", new[] { "ad" }), ("large", 900m, "finance", new[] { "web", "ad" }) })
        {
            await tenant.Admin.PostOk("/api/probe-notes", new { title, customFields = new Dictionary<string, object> { ["budget"] = budget, ["region"] = region, ["channels"] = channels } }, HttpStatusCode.Created);
        }
        async Task<List<string>> Titles(string query) => (await tenant.Admin.GetOk("/api/probe-notes?" + query)).AsArray().Select(n => n!["title"]!.GetValue<string>()).ToList();

        Assert.Equal(["large", "medium"], await Titles("cf.budget=gte:500"));
        Assert.Equal(["small"], await Titles("cf.budget=lt:500"));
        Assert.Equal(["medium", "small"], await Titles("cf.region=in:it,retail"));
        Assert.Equal(["large", "small"], await Titles("cf.channels=web"));
        Assert.Equal(["large"], await Titles("cf.channels=web&cf.budget=gt:100"));
        Assert.Equal(["large", "medium", "small"], await Titles("sort=-cf.budget"));
        Assert.Equal(["small", "medium", "large"], await Titles("sort=cf.budget"));

        var bad = await tenant.Admin.GetAsync("/api/probe-notes?cf.budget=gte:lots");
        await ApiClient.ExpectProblem(bad, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_field_in_use_can_be_hidden_but_not_retyped_or_deleted()
    {
        var tenant = await TenantScenario.CreateAsync(api, "cf");
        var field = await DefineAsync(tenant.Admin, "score", "Number");
        await tenant.Admin.PostOk("/api/probe-notes", new { title = "x", customFields = new { score = 5 } }, HttpStatusCode.Created);

        var retype = await tenant.Admin.PutAsync($"/api/custom-fields/{field["id"]}", new { entityType = "probe-note", name = "score", labelEn = "Score", labelZh = "评分", fieldType = "Text", concurrencyStamp = field["concurrencyStamp"]!.GetValue<string>() });
        await ApiClient.ExpectProblem(retype, HttpStatusCode.Conflict, "custom_field.in_use");
        await ApiClient.ExpectProblem(await tenant.Admin.DeleteAsync($"/api/custom-fields/{field["id"]}"), HttpStatusCode.Conflict, "custom_field.in_use");

        await tenant.Admin.PutOk($"/api/custom-fields/{field["id"]}", new { entityType = "probe-note", name = "score", labelEn = "Score", labelZh = "评分", fieldType = "Number", isHidden = true, concurrencyStamp = field["concurrencyStamp"]!.GetValue<string>() });
        Assert.Empty((await tenant.Admin.GetOk("/api/custom-fields?entityType=probe-note")).AsArray());
        Assert.Single((await tenant.Admin.GetOk("/api/custom-fields?entityType=probe-note&includeHidden=true")).AsArray());
    }

    [Fact]
    public async Task Fields_are_tenant_isolated_and_only_admins_define_them()
    {
        var a = await TenantScenario.CreateAsync(api, "cf");
        var b = await TenantScenario.CreateAsync(api, "cf");
        await DefineAsync(a.Admin, "secret", "Text");
        Assert.Empty((await b.Admin.GetOk("/api/custom-fields?entityType=probe-note")).AsArray());
        var response = await b.Admin.PostAsync("/api/probe-notes", new { title = "x", customFields = new { secret = "y" } });
        var problem = await ApiClient.ExpectProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("custom_field.unknown_field", problem["errorCodes"]!["customFields.secret"]![0]!.GetValue<string>());

        await a.CreateUserAsync("rep", "sales");
        var rep = await a.LoginAsync("rep");
        await rep.GetOk("/api/custom-fields?entityType=probe-note");
        await ApiClient.ExpectProblem(await rep.PostAsync("/api/custom-fields", new { entityType = "probe-note", name = "x", labelEn = "x", labelZh = "x", fieldType = "Text" }), HttpStatusCode.Forbidden, "forbidden");
        var types = (await rep.GetOk("/api/custom-fields/entity-types")).AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("customer", types);
    }
}

public sealed class CustomFieldTestsSqlite(SqliteApi api) : CustomFieldTests(api), IClassFixture<SqliteApi>;
public sealed class CustomFieldTestsMariaDb(MariaDbApi api) : CustomFieldTests(api), IClassFixture<MariaDbApi>;
