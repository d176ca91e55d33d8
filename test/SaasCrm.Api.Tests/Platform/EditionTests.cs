using System.Net;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Platform;

public abstract class EditionTests(ApiFixture api)
{
    private async Task<(ApiClient Host, Guid EditionId)> EditionAsync(int? maxUsers, params string[] modules)
    {
        var host = await api.HostAdminAsync();
        var edition = await host.PostOk("/api/host/editions", new { name = "ed-" + Guid.NewGuid().ToString("N")[..8], maxUsers, enabledModules = modules }, HttpStatusCode.Created);
        return (host, edition["id"]!.GetValue<Guid>());
    }

    private async Task<TenantScenario> TenantOnAsync(ApiClient host, Guid editionId)
    {
        var tenant = await TenantScenario.CreateAsync(api, "ed");
        var current = await host.GetOk($"/api/host/tenants/{tenant.Id}");
        await host.PutOk($"/api/host/tenants/{tenant.Id}", new { displayName = current["displayName"]!.GetValue<string>(), editionId, concurrencyStamp = current["concurrencyStamp"]!.GetValue<string>() });
        return tenant;
    }

    [Fact]
    public async Task The_user_limit_of_an_edition_is_enforced_with_a_clear_error()
    {
        var (host, editionId) = await EditionAsync(maxUsers: 2, "Probe");
        var tenant = await TenantOnAsync(host, editionId);
        await tenant.CreateUserAsync("second", "sales"); // admin + this one = 2

        var response = await tenant.Admin.PostAsync("/api/identity/users", new { userName = "third", name = "third", password = CrmApiFactory.Password });
        var problem = await ApiClient.ExpectProblem(response, HttpStatusCode.Forbidden, "edition.limit_reached");
        Assert.StartsWith("Edition limit: at most 2 users", problem["title"]!.GetValue<string>());
        Assert.Equal("users:2", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_module_left_out_of_the_edition_grants_nothing_until_the_edition_enables_it()
    {
        var (host, editionId) = await EditionAsync(maxUsers: null);
        var tenant = await TenantOnAsync(host, editionId);
        await tenant.CreateUserAsync("rep", "sales");
        var rep = await tenant.LoginAsync("rep");
        await ApiClient.ExpectProblem(await rep.GetAsync("/api/probe-notes"), HttpStatusCode.Forbidden, "forbidden");
        Assert.DoesNotContain("Probe.Notes", (await rep.GetOk("/api/permissions/mine"))["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));

        var edition = await host.GetOk($"/api/host/editions/{editionId}");
        await host.PutOk($"/api/host/editions/{editionId}", new { name = edition["name"]!.GetValue<string>(), enabledModules = new[] { "Probe" }, concurrencyStamp = edition["concurrencyStamp"]!.GetValue<string>() });
        await rep.GetOk("/api/probe-notes");
    }

    [Fact]
    public async Task Editions_validate_modules_and_cannot_be_deleted_while_in_use()
    {
        var host = await api.HostAdminAsync();
        var bad = await host.PostAsync("/api/host/editions", new { name = "bad-" + Guid.NewGuid().ToString("N")[..6], enabledModules = new[] { "NoSuchModule" } });
        await ApiClient.ExpectProblem(bad, HttpStatusCode.BadRequest, "edition.unknown_module");
        Assert.Contains("Probe", (await host.GetOk("/api/host/editions/modules")).AsArray().Select(m => m!["name"]!.GetValue<string>()));

        var (_, editionId) = await EditionAsync(maxUsers: 5);
        await TenantOnAsync(host, editionId);
        await ApiClient.ExpectProblem(await host.DeleteAsync($"/api/host/editions/{editionId}"), HttpStatusCode.Conflict, "edition.in_use");
    }

    [Fact]
    public async Task Tenant_admins_cannot_manage_editions()
    {
        var tenant = await TenantScenario.CreateAsync(api, "ed");
        await ApiClient.ExpectProblem(await tenant.Admin.GetAsync("/api/host/editions"), HttpStatusCode.Forbidden, "forbidden");
    }
}

public sealed class EditionTestsSqlite(SqliteApi api) : EditionTests(api), IClassFixture<SqliteApi>;
public sealed class EditionTestsMariaDb(MariaDbApi api) : EditionTests(api), IClassFixture<MariaDbApi>;
