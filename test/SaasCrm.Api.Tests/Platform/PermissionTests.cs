using System.Net;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Platform;

public abstract class PermissionTests(ApiFixture api)
{
    public static TheoryData<string, string, string> DeniedForSeededRoles => new()
    {
        // role, method, url — none of the seeded non-admin roles may administer the tenant.
        { "sales", "POST", "/api/identity/users" },
        { "sales", "GET", "/api/identity/users" },
        { "sales", "GET", "/api/identity/roles" },
        { "sales", "POST", "/api/departments" },
        { "sales", "GET", "/api/audit/entity-changes" },
        { "service", "GET", "/api/identity/users" },
        { "service", "POST", "/api/departments" },
        { "service", "GET", "/api/audit/security-logs" },
        { "manager", "POST", "/api/identity/users" },
        { "manager", "GET", "/api/identity/roles" },
        { "manager", "POST", "/api/departments" },
        { "manager", "GET", "/api/audit/security-logs" },
        { "manager", "GET", "/api/jobs" },
        { "sales", "GET", "/api/host/tenants" },
    };

    [Theory]
    [MemberData(nameof(DeniedForSeededRoles))]
    public async Task Seeded_roles_are_denied_what_they_were_not_granted(string role, string method, string url)
    {
        var tenant = await TenantScenario.CreateAsync(api, "perm");
        await tenant.CreateUserAsync("u1", role);
        var user = await tenant.LoginAsync("u1");
        var response = method == "GET" ? await user.GetAsync(url) : await user.PostAsync(url, new { });
        var problem = await ApiClient.ExpectProblem(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.StartsWith("Missing permission:", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Seeded_roles_get_their_default_grants_and_admin_gets_everything_of_the_tenant_side()
    {
        var tenant = await TenantScenario.CreateAsync(api, "perm");
        await tenant.CreateUserAsync("m", "manager");
        await tenant.CreateUserAsync("s", "sales");
        var manager = await (await tenant.LoginAsync("m")).GetOk("/api/permissions/mine");
        var sales = await (await tenant.LoginAsync("s")).GetOk("/api/permissions/mine");
        var admin = await tenant.Admin.GetOk("/api/permissions/mine");

        static List<string> Names(System.Text.Json.Nodes.JsonNode n) => n["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Contains("Identity.Users", Names(manager));
        Assert.DoesNotContain("Identity.Users.Manage", Names(manager));
        Assert.Contains("Probe.Notes", Names(sales));
        Assert.DoesNotContain("Identity.Users", Names(sales));
        Assert.Contains("Identity.Users.Manage", Names(admin));
        Assert.DoesNotContain(Names(admin), p => p.StartsWith("Host.", StringComparison.Ordinal));
        Assert.Equal("DepartmentAndChildren", manager["dataScope"]!.GetValue<string>());
    }

    [Fact]
    public async Task Granting_a_permission_to_a_role_takes_effect_on_the_next_request_and_is_logged()
    {
        var tenant = await TenantScenario.CreateAsync(api, "perm");
        await tenant.CreateUserAsync("s", "sales");
        var sales = await tenant.LoginAsync("s");
        await ApiClient.ExpectProblem(await sales.GetAsync("/api/identity/users"), HttpStatusCode.Forbidden, "forbidden");

        var roleId = await tenant.RoleIdAsync("sales");
        var current = (await tenant.Admin.GetOk($"/api/identity/roles/{roleId}/permissions")).AsArray().Select(p => p!.GetValue<string>()).ToList();
        var response = await tenant.Admin.PutAsync($"/api/identity/roles/{roleId}/permissions", new { permissions = current.Append("Identity.Users") });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        await sales.GetOk("/api/identity/users");
        var logs = (await tenant.Admin.GetOk("/api/audit/security-logs?action=permissions.changed"))["items"]!.AsArray();
        Assert.Contains(logs, l => l!["detail"]!.GetValue<string>().Contains("+[Identity.Users]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_or_host_side_permissions_cannot_be_granted_in_a_tenant()
    {
        var tenant = await TenantScenario.CreateAsync(api, "perm");
        var roleId = await tenant.RoleIdAsync("sales");
        foreach (var permission in new[] { "Host.Tenants", "No.Such.Permission" })
        {
            var response = await tenant.Admin.PutAsync($"/api/identity/roles/{roleId}/permissions", new { permissions = new[] { permission } });
            await ApiClient.ExpectProblem(response, HttpStatusCode.BadRequest, "permission.unknown");
        }
    }

    [Fact]
    public async Task Anonymous_calls_get_401_problem_details()
    {
        var response = await api.Anonymous().GetAsync("/api/identity/users");
        await ApiClient.ExpectProblem(response, HttpStatusCode.Unauthorized, "unauthorized");
    }
}

public sealed class PermissionTestsSqlite(SqliteApi api) : PermissionTests(api), IClassFixture<SqliteApi>;
public sealed class PermissionTestsMariaDb(MariaDbApi api) : PermissionTests(api), IClassFixture<MariaDbApi>;
