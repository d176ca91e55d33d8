using System.Net;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

public abstract class WorkflowSecurityTests(ApiFixture api)
{
    private static object Waiting() => Model("wait",
        Step("wait", "WaitForEvent", new { @event = "CustomerReplied" }, "done"),
        Step("done", "Complete"));

    [Fact]
    public async Task Another_tenants_definitions_instances_incidents_and_agents_answer_404_on_every_endpoint()
    {
        var a = await TenantScenario.CreateAsync(api);
        var b = await TenantScenario.CreateAsync(api);
        var definition = await PublishAsync(a.Admin, Waiting());
        await a.Admin.PutOk($"/api/workflows/definitions/{definition}/draft", new { definition = Waiting() });
        var customer = await CustomerApi.CreateIdAsync(a.Admin, "Secret " + Guid.NewGuid().ToString("N")[..6]);
        await api.RunJobsAsync();
        await PublishAsync(a.Admin, Model("assign",
            Step("assign", "Assign", new { strategy = "user", candidates = new { userIds = new[] { Guid.NewGuid() } } }, "done"),
            Step("done", "Complete")));
        var broken = await CustomerApi.CreateIdAsync(a.Admin, "Broken " + Guid.NewGuid().ToString("N")[..6]);
        await api.RunJobsAsync();
        for (var i = 0; i < 3; i++)
        {
            api.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
            await api.RunJobsAsync();
        }
        var adminA = await a.LoginAsync("admin");
        var adminB = await b.LoginAsync("admin");
        var instance = (await InstancesAsync(adminA, customer, definition)).Single()!["id"]!.GetValue<Guid>();
        var incident = (await adminA.GetOk("/api/workflows/incidents?status=Open")).AsArray().Single()!["id"]!.GetValue<Guid>();
        var userA = (await adminA.GetOk("/api/workflows/agents")).AsArray().First()!["userId"]!.GetValue<Guid>();

        var probes = new (string Method, string Url, object? Body)[]
        {
            ("GET", $"/api/workflows/definitions/{definition}", null),
            ("GET", $"/api/workflows/definitions/{definition}/versions/1", null),
            ("PUT", $"/api/workflows/definitions/{definition}/draft", new { definition = Waiting() }),
            ("POST", $"/api/workflows/definitions/{definition}/draft/validate", null),
            ("POST", $"/api/workflows/definitions/{definition}/draft/publish", null),
            ("POST", $"/api/workflows/definitions/{definition}/versions/1/retire", null),
            ("GET", $"/api/workflows/definitions/{definition}/diff?from=1&to=2", null),
            ("POST", $"/api/workflows/definitions/{definition}/dry-run", new { version = 1, events = Array.Empty<object>() }),
            ("GET", $"/api/workflows/instances/{instance}", null),
            ("POST", $"/api/workflows/instances/{instance}/migrate", new { toVersion = 1 }),
            ("POST", $"/api/workflows/instances/{instance}/cancel", null),
            ("POST", $"/api/workflows/incidents/{incident}/retry", null),
            ("POST", $"/api/workflows/incidents/{incident}/skip", null),
            ("POST", $"/api/workflows/incidents/{incident}/cancel", null),
            ("PUT", $"/api/workflows/agents/{userA}", new { isAbsent = true }),
        };
        foreach (var (method, url, body) in probes)
        {
            var response = method switch
            {
                "GET" => await adminB.GetAsync(url),
                "PUT" => await adminB.PutAsync(url, body!),
                _ => await adminB.PostAsync(url, body),
            };
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} answered {(int)response.StatusCode} for another tenant: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Empty(await InstancesAsync(adminB));
        Assert.Empty((await adminB.GetOk("/api/workflows/incidents")).AsArray());
        Assert.Empty((await adminB.GetOk($"/api/workflows/assignments?recordId={broken}")).AsArray());
        Assert.DoesNotContain((await adminB.GetOk("/api/workflows/definitions")).AsArray(), d => d!["id"]!.GetValue<Guid>() == definition);

        // Nothing changed in tenant A.
        var still = await adminA.GetOk($"/api/workflows/instances/{instance}");
        Assert.Equal("Waiting", Status(still));
        Assert.Equal("Open", (await adminA.GetOk("/api/workflows/incidents")).AsArray().Single()!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sales_users_cannot_design_workflows_and_see_only_instances_of_their_own_customers()
    {
        var t = await TenantScenario.CreateAsync(api);
        await t.CreateUserAsync("rep1", "sales");
        var rep2 = await t.CreateUserAsync("rep2", "sales");
        var roleId = await t.RoleIdAsync("sales");
        var grants = (await t.Admin.GetOk($"/api/identity/roles/{roleId}/permissions")).AsArray().Select(p => p!.GetValue<string>()).ToList();
        var put = await t.Admin.PutAsync($"/api/identity/roles/{roleId}/permissions", new { permissions = grants.Append("Workflows.Instances").Append("Workflows.Definitions") });
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        var definition = await PublishAsync(t.Admin, Waiting());
        await t.Admin.PutOk($"/api/workflows/definitions/{definition}/draft", new { definition = Waiting() });
        var rep1 = await t.LoginAsync("rep1");
        await ApiClient.Expect(await rep1.PostAsync("/api/workflows/definitions", new { name = "Mine", definition = Waiting() }), HttpStatusCode.Forbidden);
        await ApiClient.Expect(await rep1.PostAsync($"/api/workflows/definitions/{definition}/draft/publish"), HttpStatusCode.Forbidden);
        await ApiClient.Expect(await rep1.PutAsync($"/api/workflows/definitions/{definition}/draft", new { definition = Waiting() }), HttpStatusCode.Forbidden);
        Assert.Equal(1, (await t.Admin.GetOk($"/api/workflows/definitions/{definition}"))["versions"]!.AsArray().Count(v => v!["status"]!.GetValue<string>() == "Published"));

        var own = await CustomerApi.CreateIdAsync(rep1, "Own " + Guid.NewGuid().ToString("N")[..6]);
        var others = (await CustomerApi.CreateAsync(t.Admin, "Others " + Guid.NewGuid().ToString("N")[..6], ownerId: rep2))["id"]!.GetValue<Guid>();
        await api.RunJobsAsync();
        rep1 = await t.LoginAsync("rep1");

        var listed = await InstancesAsync(rep1);
        var recordIds = listed.Select(i => i!["recordId"]!.GetValue<Guid>()).ToList();
        Assert.Contains(own, recordIds);
        Assert.DoesNotContain(others, recordIds);
        Assert.Empty(await InstancesAsync(rep1, others));
        var hidden = (await InstancesAsync(t.Admin, others)).Single()!["id"]!.GetValue<Guid>();
        await ApiClient.Expect(await rep1.GetAsync($"/api/workflows/instances/{hidden}"), HttpStatusCode.NotFound);
        Assert.Equal("Waiting", Status(await SingleInstanceAsync(rep1, own)));
    }
}

public sealed class WorkflowSecurityTestsSqlite(SqliteApi api) : WorkflowSecurityTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowSecurityTestsMariaDb(MariaDbApi api) : WorkflowSecurityTests(api), IClassFixture<MariaDbApi>;
