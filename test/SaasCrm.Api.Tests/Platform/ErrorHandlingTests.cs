using System.Net;
using System.Text;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Platform;

public abstract class ErrorHandlingTests(ApiFixture api)
{
    [Fact]
    public async Task Validation_errors_name_each_field_with_a_stable_code_and_nothing_is_written()
    {
        var host = await api.HostAdminAsync();
        var response = await host.PostAsync("/api/host/tenants", new { name = "Bad Name!", displayName = "", adminUserName = "admin", adminPassword = "" });
        var problem = await ApiClient.ExpectProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("tenant.name_format", problem["errorCodes"]!["name"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains("not_empty", problem["errorCodes"]!["displayName"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.NotNull(problem["errors"]!["adminPassword"]);

        var tenants = (await host.GetOk("/api/host/tenants?filter=Bad"))["items"]!.AsArray();
        Assert.Empty(tenants);
    }

    [Fact]
    public async Task A_weak_admin_password_creates_no_tenant_at_all()
    {
        var host = await api.HostAdminAsync();
        var name = "weak-" + Guid.NewGuid().ToString("N")[..8];
        var response = await host.PostAsync("/api/host/tenants", new { name, displayName = "Weak", adminUserName = "admin", adminPassword = "password" });
        var problem = await ApiClient.ExpectProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]!["adminPassword"]);
        Assert.Empty((await host.GetOk($"/api/host/tenants?filter={name}"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_duplicate_tenant_name_is_a_conflict()
    {
        var tenant = await TenantScenario.CreateAsync(api, "dup");
        var host = await api.HostAdminAsync();
        var response = await host.PostAsync("/api/host/tenants", new { name = tenant.Name, displayName = "x", adminUserName = "admin", adminPassword = CrmApiFactory.Password });
        await ApiClient.ExpectProblem(response, HttpStatusCode.Conflict, "tenant.name_taken");
    }

    [Fact]
    public async Task A_stale_concurrency_stamp_gets_409_and_the_newer_write_survives()
    {
        var tenant = await TenantScenario.CreateAsync(api, "stale");
        var note = await TenantScenario.CreateNoteAsync(tenant.Admin, "original");
        var id = note["id"]!.GetValue<Guid>();
        var stamp = note["concurrencyStamp"]!.GetValue<string>();
        await tenant.Admin.PutOk($"/api/probe-notes/{id}", new { title = "first writer", amount = 0, concurrencyStamp = stamp });

        var response = await tenant.Admin.PutAsync($"/api/probe-notes/{id}", new { title = "second writer", amount = 0, concurrencyStamp = stamp });
        await ApiClient.ExpectProblem(response, HttpStatusCode.Conflict, "concurrency_conflict");
        Assert.Equal("first writer", (await tenant.Admin.GetOk($"/api/probe-notes/{id}"))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_json_unknown_routes_and_wrong_methods_answer_problem_details()
    {
        var tenant = await TenantScenario.CreateAsync(api, "err");
        var malformed = await tenant.Admin.Http.PostAsync("/api/probe-notes", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        await ApiClient.ExpectProblem(malformed, HttpStatusCode.BadRequest, "bad_request");

        await ApiClient.ExpectProblem(await tenant.Admin.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await api.Anonymous().GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await tenant.Admin.Http.PatchAsync("/api/departments", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task Unexpected_failures_never_leak_a_stack_trace()
    {
        var tenant = await TenantScenario.CreateAsync(api, "err");
        // A database-level failure: a title longer than the column on MariaDB, or accepted by SQLite. Either way no trace.
        var response = await tenant.Admin.PostAsync("/api/probe-notes", new { title = new string('x', 5000) });
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_and_the_openapi_document_are_served()
    {
        var anonymous = api.Anonymous();
        var health = await anonymous.GetOk("/health");
        Assert.Equal("Healthy", health["status"]!.GetValue<string>());
        var document = await anonymous.GetOk("/openapi/v1.json");
        Assert.NotNull(document["paths"]!["/api/account/login"]);
        Assert.NotNull(document["paths"]!["/api/host/tenants"]);
    }
}

public sealed class ErrorHandlingTestsSqlite(SqliteApi api) : ErrorHandlingTests(api), IClassFixture<SqliteApi>;
public sealed class ErrorHandlingTestsMariaDb(MariaDbApi api) : ErrorHandlingTests(api), IClassFixture<MariaDbApi>;

/// <summary>The UI is served on the API's port: deep links reload, assets are cached, API paths stay API.</summary>
public sealed class UiHostingTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Deep_links_get_index_html_uncached_assets_are_cached_for_a_year_and_api_paths_stay_problem_details()
    {
        var client = api.Anonymous().Http;
        var deepLink = await client.GetAsync("/admin/users/42");
        Assert.Equal(HttpStatusCode.OK, deepLink.StatusCode);
        Assert.Contains("<app-root>", await deepLink.Content.ReadAsStringAsync());
        Assert.True(deepLink.Headers.CacheControl?.NoStore);

        var root = await client.GetAsync("/");
        Assert.Contains("<app-root>", await root.Content.ReadAsStringAsync());

        var asset = await client.GetAsync("/main-ABCD1234.js");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl?.MaxAge);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/missing-file.js")).StatusCode);
        await ApiClient.ExpectProblem(await client.GetAsync("/api/not-a-route"), HttpStatusCode.NotFound, "not_found");
    }
}
