using System.Net;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Platform;

public abstract class AuthenticationTests(ApiFixture api)
{
    private Task<HttpResponseMessage> Login(string? tenant, string user, string password) =>
        api.Anonymous().PostAsync("/api/account/login", new { tenant, userName = user, password });

    private Task<HttpResponseMessage> Refresh(string token) => api.Anonymous().PostAsync("/api/account/refresh", new { refreshToken = token });

    [Fact]
    public async Task Login_returns_tokens_and_wrong_credentials_get_one_answer_for_unknown_user_and_wrong_password()
    {
        var tenant = await TenantScenario.CreateAsync(api, "auth");
        var ok = await ApiClient.Expect(await Login(tenant.Name, "admin", CrmApiFactory.Password), HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(ok["accessToken"]!.GetValue<string>()));
        Assert.Equal(900, ok["expiresIn"]!.GetValue<int>());

        await ApiClient.ExpectProblem(await Login(tenant.Name, "admin", "Wrong-pass1!"), HttpStatusCode.Unauthorized, "account.invalid_credentials");
        await ApiClient.ExpectProblem(await Login(tenant.Name, "nobody", "Wrong-pass1!"), HttpStatusCode.Unauthorized, "account.invalid_credentials");
        await ApiClient.ExpectProblem(await Login("no-such-tenant", "admin", CrmApiFactory.Password), HttpStatusCode.BadRequest, "tenant.not_found");
        // The host admin does not exist inside a tenant and vice versa.
        await ApiClient.ExpectProblem(await Login(null, "zz-" + tenant.Name, CrmApiFactory.Password), HttpStatusCode.Unauthorized, "account.invalid_credentials");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_the_lockout_ends()
    {
        var tenant = await TenantScenario.CreateAsync(api, "auth");
        await tenant.CreateUserAsync("victim", "sales");
        for (var i = 0; i < 5; i++)
        {
            await ApiClient.ExpectProblem(await Login(tenant.Name, "victim", "Wrong-pass1!"), HttpStatusCode.Unauthorized, "account.invalid_credentials");
        }
        // Even the right password is refused while locked.
        await ApiClient.ExpectProblem(await Login(tenant.Name, "victim", CrmApiFactory.Password), HttpStatusCode.Locked, "account.locked_out");

        api.Factory.Clock.Advance(TimeSpan.FromMinutes(16));
        await ApiClient.Expect(await Login(tenant.Name, "victim", CrmApiFactory.Password), HttpStatusCode.OK);

        var admin = await tenant.LoginAsync("admin"); // the earlier token expired while the clock moved on
        var log = (await admin.GetOk("/api/audit/security-logs?userName=victim"))["items"]!.AsArray();
        Assert.Contains(log, l => l!["action"]!.GetValue<string>() == "login.locked_out");
        Assert.Contains(log, l => l!["action"]!.GetValue<string>() == "login.succeeded");
    }

    [Fact]
    public async Task Refresh_rotates_and_a_reused_refresh_token_ends_the_whole_family()
    {
        var tenant = await TenantScenario.CreateAsync(api, "auth");
        var first = tenant.Admin.RefreshToken!;
        var second = await ApiClient.Expect(await Refresh(first), HttpStatusCode.OK);
        var secondToken = second["refreshToken"]!.GetValue<string>();
        Assert.NotEqual(first, secondToken);

        // The rotated token comes back: someone copied it. Both it and its successor stop working.
        await ApiClient.ExpectProblem(await Refresh(first), HttpStatusCode.Unauthorized, "account.invalid_refresh_token");
        await ApiClient.ExpectProblem(await Refresh(secondToken), HttpStatusCode.Unauthorized, "account.invalid_refresh_token");
    }

    [Fact]
    public async Task Access_tokens_expire_and_refresh_tokens_expire()
    {
        var tenant = await TenantScenario.CreateAsync(api, "auth");
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(16));
        await ApiClient.ExpectProblem(await tenant.Admin.GetAsync("/api/permissions/mine"), HttpStatusCode.Unauthorized, "unauthorized");
        var renewed = await ApiClient.Expect(await Refresh(tenant.Admin.RefreshToken!), HttpStatusCode.OK);
        tenant.Admin.UseTokens(renewed);
        await tenant.Admin.GetOk("/api/permissions/mine");

        api.Factory.Clock.Advance(TimeSpan.FromDays(15));
        await ApiClient.ExpectProblem(await Refresh(tenant.Admin.RefreshToken!), HttpStatusCode.Unauthorized, "account.invalid_refresh_token");
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var tenant = await TenantScenario.CreateAsync(api, "auth");
        var token = tenant.Admin.RefreshToken!;
        Assert.Equal(HttpStatusCode.NoContent, (await api.Anonymous().PostAsync("/api/account/logout", new { refreshToken = token })).StatusCode);
        await ApiClient.ExpectProblem(await Refresh(token), HttpStatusCode.Unauthorized, "account.invalid_refresh_token");
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("lock")]
    [InlineData("reset-password")]
    public async Task Disabling_locking_or_resetting_the_password_ends_all_sessions_at_once(string action)
    {
        var tenant = await TenantScenario.CreateAsync(api, "auth");
        var userId = await tenant.CreateUserAsync("rep", "sales");
        var rep = await tenant.LoginAsync("rep");
        await rep.GetOk("/api/permissions/mine");

        switch (action)
        {
            case "disable":
                var user = await tenant.Admin.GetOk($"/api/identity/users/{userId}");
                await tenant.Admin.PutOk($"/api/identity/users/{userId}", new { name = "rep", isActive = false, concurrencyStamp = user["concurrencyStamp"]!.GetValue<string>() });
                break;
            case "lock":
                await ApiClient.Expect(await tenant.Admin.PostAsync($"/api/identity/users/{userId}/lock"), HttpStatusCode.NoContent);
                break;
            default:
                await ApiClient.Expect(await tenant.Admin.PostAsync($"/api/identity/users/{userId}/reset-password", new { newPassword = "N3w-Secret!" }), HttpStatusCode.NoContent);
                break;
        }

        await ApiClient.ExpectProblem(await rep.GetAsync("/api/permissions/mine"), HttpStatusCode.Unauthorized, "unauthorized");
        await ApiClient.ExpectProblem(await Refresh(rep.RefreshToken!), HttpStatusCode.Unauthorized, "account.invalid_refresh_token");
    }

    [Fact]
    public async Task A_suspended_tenants_users_get_403_with_the_reason_and_can_work_again_after_resume()
    {
        var tenant = await TenantScenario.CreateAsync(api, "auth");
        var host = await api.HostAdminAsync();
        await ApiClient.Expect(await host.PostAsync($"/api/host/tenants/{tenant.Id}/suspend", new { reason = "Invoice overdue" }), HttpStatusCode.NoContent);

        var problem = await ApiClient.ExpectProblem(await tenant.Admin.GetAsync("/api/permissions/mine"), HttpStatusCode.Forbidden, "tenant.suspended");
        Assert.Equal("Invoice overdue", problem["detail"]!.GetValue<string>());
        var refused = await ApiClient.ExpectProblem(await Login(tenant.Name, "admin", CrmApiFactory.Password), HttpStatusCode.Forbidden, "tenant.suspended");
        Assert.Equal("Invoice overdue", refused["detail"]!.GetValue<string>());
        // Suspension revoked the refresh tokens too: resuming does not bring old sessions back.
        await ApiClient.Expect(await host.PostAsync($"/api/host/tenants/{tenant.Id}/resume"), HttpStatusCode.NoContent);
        await ApiClient.ExpectProblem(await Refresh(tenant.Admin.RefreshToken!), HttpStatusCode.Unauthorized, "account.invalid_refresh_token");
        await ApiClient.Expect(await Login(tenant.Name, "admin", CrmApiFactory.Password), HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_profile_names_the_user_and_tenant_and_remembers_the_language()
    {
        var tenant = await TenantScenario.CreateAsync(api, "auth");
        var me = await tenant.Admin.GetOk("/api/account/me");
        Assert.Equal(tenant.Name, me["tenantName"]!.GetValue<string>());
        Assert.Equal($"Tenant {tenant.Name}", me["tenantDisplayName"]!.GetValue<string>());
        Assert.Null(me["language"]);

        await tenant.Admin.PutOk("/api/account/me/preferences", new { language = "zh-CN" });
        var again = await tenant.LoginAsync("admin");
        Assert.Equal("zh-CN", (await again.GetOk("/api/account/me"))["language"]!.GetValue<string>());
        await ApiClient.ExpectProblem(await again.PutAsync("/api/account/me/preferences", new { language = "fr-FR" }), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Password_rules_and_common_passwords_are_enforced()
    {
        var tenant = await TenantScenario.CreateAsync(api, "auth");
        foreach (var (password, code) in new[] { ("short", "identity.password_too_short"), ("P@ssw0rd", "identity.common_password"), ("alllowercase1!", "identity.password_requires_upper") })
        {
            var response = await tenant.Admin.PostAsync("/api/identity/users", new { userName = "weak", name = "weak", password });
            var problem = await ApiClient.ExpectProblem(response, HttpStatusCode.BadRequest, "validation_failed");
            Assert.Contains(code, problem["errorCodes"]!["password"]!.AsArray().Select(c => c!.GetValue<string>()));
        }
    }
}

public sealed class AuthenticationTestsSqlite(SqliteApi api) : AuthenticationTests(api), IClassFixture<SqliteApi>;
public sealed class AuthenticationTestsMariaDb(MariaDbApi api) : AuthenticationTests(api), IClassFixture<MariaDbApi>;
