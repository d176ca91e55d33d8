using System.Net;
using System.Net.Http.Json;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Platform;

public abstract class TenantIsolationTests(ApiFixture api)
{
    [Fact]
    public async Task Another_tenants_record_answers_404_and_never_appears_in_lists()
    {
        var a = await TenantScenario.CreateAsync(api, "iso-a");
        var b = await TenantScenario.CreateAsync(api, "iso-b");
        var note = await TenantScenario.CreateNoteAsync(a.Admin, "A's secret");
        var id = note["id"]!.GetValue<Guid>();

        await ApiClient.ExpectProblem(await b.Admin.GetAsync($"/api/probe-notes/{id}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await b.Admin.PutAsync($"/api/probe-notes/{id}", new { title = "hijack", amount = 1, concurrencyStamp = note["concurrencyStamp"]!.GetValue<string>() }), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await b.Admin.DeleteAsync($"/api/probe-notes/{id}"), HttpStatusCode.NotFound, "not_found");
        Assert.Empty((await b.Admin.GetOk("/api/probe-notes")).AsArray());

        // A still sees it untouched.
        Assert.Equal("A's secret", (await a.Admin.GetOk($"/api/probe-notes/{id}"))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Users_departments_and_roles_of_another_tenant_are_invisible()
    {
        var a = await TenantScenario.CreateAsync(api, "iso-a");
        var b = await TenantScenario.CreateAsync(api, "iso-b");
        var department = await a.CreateDepartmentAsync("Sales A");
        var user = await a.CreateUserAsync("rep", "sales", department);
        var role = await a.RoleIdAsync("sales");

        await ApiClient.ExpectProblem(await b.Admin.GetAsync($"/api/identity/users/{user}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await b.Admin.GetAsync($"/api/departments/{department}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await b.Admin.GetAsync($"/api/identity/roles/{role}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await b.Admin.PostAsync($"/api/identity/users/{user}/lock"), HttpStatusCode.NotFound, "not_found");
        var users = (await b.Admin.GetOk("/api/identity/users"))["items"]!.AsArray();
        Assert.DoesNotContain(users, u => u!["id"]!.GetValue<Guid>() == user);
        Assert.Empty((await b.Admin.GetOk("/api/departments")).AsArray());
        Assert.DoesNotContain((await b.Admin.GetOk("/api/identity/users/lookup?filter=rep")).AsArray(), u => u!["id"]!.GetValue<Guid>() == user);
        Assert.Contains((await a.Admin.GetOk("/api/identity/users/lookup?filter=rep")).AsArray(), u => u!["id"]!.GetValue<Guid>() == user);

        // Assigning another tenant's department or role to one of B's users is refused as unknown.
        var response = await b.Admin.PostAsync("/api/identity/users", new { userName = "x", name = "x", password = CrmApiFactory.Password, departmentIds = new[] { department } });
        await ApiClient.ExpectProblem(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task The_same_user_name_may_exist_in_two_tenants_and_each_signs_into_their_own()
    {
        var a = await TenantScenario.CreateAsync(api, "iso-a");
        var b = await TenantScenario.CreateAsync(api, "iso-b");
        var inA = await a.CreateUserAsync("zhangwei", "sales");
        var inB = await b.CreateUserAsync("zhangwei", "sales");
        Assert.NotEqual(inA, inB);

        var meA = await (await a.LoginAsync("zhangwei")).GetOk("/api/permissions/mine");
        var meB = await (await b.LoginAsync("zhangwei")).GetOk("/api/permissions/mine");
        Assert.Equal(a.Id, meA["tenantId"]!.GetValue<Guid>());
        Assert.Equal(b.Id, meB["tenantId"]!.GetValue<Guid>());
    }

    [Theory]
    [InlineData("header")]
    [InlineData("subdomain")]
    public async Task Without_a_tenant_in_the_body_login_uses_the_tenant_of_the_header_or_subdomain(string via)
    {
        var a = await TenantScenario.CreateAsync(api, "iso-a");
        var client = api.Anonymous();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/login")
        {
            Content = JsonContent.Create(new { userName = "admin", password = CrmApiFactory.Password }),
        };
        if (via == "header") request.Headers.Add("X-Tenant", a.Name);
        else request.Headers.Host = $"{a.Name}.crm.test";
        client.UseTokens(await ApiClient.Expect(await client.Http.SendAsync(request), HttpStatusCode.OK));

        Assert.Equal(a.Id, (await client.GetOk("/api/permissions/mine"))["tenantId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task A_header_naming_another_tenant_never_overrides_the_token()
    {
        var a = await TenantScenario.CreateAsync(api, "iso-a");
        var b = await TenantScenario.CreateAsync(api, "iso-b");
        var note = await TenantScenario.CreateNoteAsync(a.Admin, "only A");

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/probe-notes/{note["id"]}");
        request.Headers.Add("X-Tenant", a.Name);
        var response = await b.Admin.Http.SendAsync(request);
        await ApiClient.ExpectProblem(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task TenantId_in_a_request_body_is_ignored()
    {
        var a = await TenantScenario.CreateAsync(api, "iso-a");
        var b = await TenantScenario.CreateAsync(api, "iso-b");
        var created = await a.Admin.PostOk("/api/probe-notes", new { title = "sneaky", tenantId = b.Id }, HttpStatusCode.Created);

        await ApiClient.ExpectProblem(await b.Admin.GetAsync($"/api/probe-notes/{created["id"]}"), HttpStatusCode.NotFound, "not_found");
        await a.Admin.GetOk($"/api/probe-notes/{created["id"]}");
    }

    [Fact]
    public async Task Tenant_admin_cannot_reach_host_endpoints_and_host_admin_cannot_read_tenant_data_without_switching()
    {
        var a = await TenantScenario.CreateAsync(api, "iso-a");
        await ApiClient.ExpectProblem(await a.Admin.GetAsync("/api/host/tenants"), HttpStatusCode.Forbidden, "forbidden");
        await ApiClient.ExpectProblem(await a.Admin.GetAsync("/api/host/jobs"), HttpStatusCode.Forbidden, "forbidden");

        var host = await api.HostAdminAsync();
        var users = (await host.GetOk("/api/identity/users"))["items"]!.AsArray();
        Assert.All(users, u => Assert.Equal("admin", u!["userName"]!.GetValue<string>()));
        // The host switches explicitly: the tenant's usage counts its users.
        var tenant = await host.GetOk($"/api/host/tenants/{a.Id}");
        Assert.Equal(1, tenant["usage"]!["users"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_tenant_header_is_404_and_a_token_of_a_deleted_tenant_stops_working()
    {
        var anonymous = api.Anonymous();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/login") { Content = JsonContent.Create(new { userName = "a", password = "b" }) };
        request.Headers.Add("X-Tenant", "no-such-tenant");
        await ApiClient.ExpectProblem(await anonymous.Http.SendAsync(request), HttpStatusCode.NotFound, "tenant.not_found");

        var a = await TenantScenario.CreateAsync(api, "iso-del");
        var host = await api.HostAdminAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await host.DeleteAsync($"/api/host/tenants/{a.Id}?confirmName={a.Name}")).StatusCode);
        await ApiClient.ExpectProblem(await a.Admin.GetAsync("/api/permissions/mine"), HttpStatusCode.Unauthorized, "tenant.not_found");
    }
}

public sealed class TenantIsolationTestsSqlite(SqliteApi api) : TenantIsolationTests(api), IClassFixture<SqliteApi>;
public sealed class TenantIsolationTestsMariaDb(MariaDbApi api) : TenantIsolationTests(api), IClassFixture<MariaDbApi>;
