using System.Net;
using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

/// <summary>A tenant's custom field joins the record type's field catalogue and a running workflow branches on it.</summary>
public abstract class WorkflowCustomFieldConditionTests(ApiFixture api)
{
    [Fact]
    public async Task A_workflow_branches_on_a_customer_custom_field()
    {
        var t = await TenantScenario.CreateAsync(api);
        await t.Admin.PostOk("/api/custom-fields", new
        {
            entityType = "customer", name = "budget", labelEn = "Budget", labelZh = "预算", fieldType = "Number", precision = 0,
        }, HttpStatusCode.Created);

        var catalog = await t.Admin.GetOk("/api/workflows/catalog");
        var customer = catalog["recordTypes"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "customer")!;
        var budget = customer["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "cf.budget")!;
        Assert.Equal("预算", budget["label"]!["zh"]!.GetValue<string>());

        await PublishAsync(t.Admin, Model("check",
            Step("check", "If", new { condition = new { field = "cf.budget", op = "gte", value = 10000 } }, branches: new { @true = "key", @false = "done" }),
            Step("key", "SetField", new { field = "level", value = "a" }, "done"),
            Step("done", "Complete")));

        async Task<Guid> CreateAsync(string name, int amount) => (await t.Admin.PostOk("/api/customers", new
        {
            kind = "Company", name = name + " " + Guid.NewGuid().ToString("N")[..6], phones = Array.Empty<string>(), emails = Array.Empty<string>(),
            tags = Array.Empty<string>(), levelCode = "c", customFields = new Dictionary<string, object> { ["budget"] = amount },
        }, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var big = await CreateAsync("Big Budget Co", 50_000);
        var small = await CreateAsync("Small Budget Co", 800);
        await api.RunJobsAsync();

        Assert.Equal("a", (await t.Admin.GetOk($"/api/customers/{big}"))["levelCode"]!.GetValue<string>());
        Assert.Equal("c", (await t.Admin.GetOk($"/api/customers/{small}"))["levelCode"]!.GetValue<string>());
        Assert.Equal(1, Count(await SingleInstanceAsync(t.Admin, big), "check", "true"));
        Assert.Equal(1, Count(await SingleInstanceAsync(t.Admin, small), "check", "false"));
    }
}

public sealed class WorkflowCustomFieldConditionTestsSqlite(SqliteApi api) : WorkflowCustomFieldConditionTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowCustomFieldConditionTestsMariaDb(MariaDbApi api) : WorkflowCustomFieldConditionTests(api), IClassFixture<MariaDbApi>;
