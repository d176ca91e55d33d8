using System.Net;
using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

/// <summary>A Switch step sends each record down the branch of the first case its values match, else down "default".</summary>
public abstract class WorkflowSwitchTests(ApiFixture api)
{
    [Fact]
    public async Task A_switch_routes_each_customer_by_source_to_the_first_matching_case_else_to_default()
    {
        var t = await TenantScenario.CreateAsync(api);
        await PublishAsync(t.Admin, Model("route",
            Step("route", "Switch", new
            {
                cases = new object[]
                {
                    new { name = "referred", condition = new { field = "source", op = "eq", value = "referral" } },
                    // also matches a referral: the earlier case wins
                    new { name = "met", condition = new { field = "source", op = "in", value = new[] { "referral", "exhibition", "partner" } } },
                },
            }, branches: new { referred = "finance", met = "retail", @default = "other" }),
            Step("finance", "SetField", new { field = "industry", value = "finance" }, "done"),
            Step("retail", "SetField", new { field = "industry", value = "retail" }, "done"),
            Step("other", "SetField", new { field = "industry", value = "other" }, "done"),
            Step("done", "Complete")));

        async Task<Guid> Customer(string source) =>
            (await t.Admin.PostOk("/api/customers", new { kind = "Company", name = $"Switch {source} {Guid.NewGuid():N}", sourceCode = source, phones = Array.Empty<string>(), emails = Array.Empty<string>(), tags = Array.Empty<string>() },
                HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var referral = await Customer("referral");
        var partner = await Customer("partner");
        var coldCall = await Customer("cold-call");
        await api.RunJobsAsync();

        // Each record took exactly its branch: the field its branch sets, one journal entry for the case, none for the others.
        foreach (var (customer, @case, step, industry) in new[] { (referral, "referred", "finance", "finance"), (partner, "met", "retail", "retail"), (coldCall, "default", "other", "other") })
        {
            Assert.Equal(industry, (await t.Admin.GetOk($"/api/customers/{customer}"))["industryCode"]?.GetValue<string>());
            var instance = await SingleInstanceAsync(t.Admin, customer);
            Assert.Equal("Completed", Status(instance));
            Assert.Equal(1, Count(instance, "route", @case));
            foreach (var other in new[] { "finance", "retail", "other" })
                Assert.Equal(other == step ? 1 : 0, Count(instance, other, "next"));
            var entry = instance["journal"]!.AsArray().Single(j => j!["stepId"]?.GetValue<string>() == "route" && j["outcome"]!.GetValue<string>() == @case)!;
            if (@case == "default") Assert.Equal("noCaseMatched", entry["code"]!.GetValue<string>());
            else Assert.Equal(("caseMatched", @case), (entry["code"]!.GetValue<string>(), entry["args"]!["case"]!.GetValue<string>()));
        }
    }
}

public sealed class WorkflowSwitchTestsSqlite(SqliteApi api) : WorkflowSwitchTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowSwitchTestsMariaDb(MariaDbApi api) : WorkflowSwitchTests(api), IClassFixture<MariaDbApi>;
