using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Service.RateLimits;

/// <summary>
/// Portal sign-up, invitation accept and the telephony webhooks are rate limited by the platform's named policies. The test
/// host lowers the limits to 3 per window and, as the test server has no client address, takes the address from a
/// test-only header (the product itself never trusts a client-sent address).
/// </summary>
public abstract class AnonymousEndpointRateLimitTests(ApiFixture api)
{
    private const int Limit = 3;
    private const string ClientAddressHeader = "X-Test-Client-Address";
    private static readonly ConditionalWeakTable<ApiFixture, WebApplicationFactory<Program>> Hosts = new();

    private static WebApplicationFactory<Program> Host(ApiFixture api) => Hosts.GetValue(api, a => a.Factory.WithWebHostBuilder(b =>
    {
        foreach (var policy in new[] { "SignUp", "Token", "ApiKey" })
        {
            b.UseSetting($"RateLimits:{policy}:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting($"RateLimits:{policy}:Window", "01:00:00"); // no window ends during a test: no waiting, no flakiness
        }
        b.ConfigureTestServices(s => s.AddTransient<IStartupFilter, TestClientAddressStartupFilter>());
    }));

    private async Task<HttpResponseMessage> PostAsync(string url, object body, string ip, string? tenant = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add(ClientAddressHeader, ip);
        if (tenant is not null) request.Headers.Add("X-Tenant", tenant);
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        return await Host(api).CreateClient().SendAsync(request);
    }

    private static async Task ExpectRateLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("rate_limited", problem["code"]!.GetValue<string>());
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.Equal(retryAfter, problem["retryAfterSeconds"]!.GetValue<int>());
    }

    private static void NotLimited(HttpResponseMessage response) => Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);

    [Fact]
    public async Task Sign_up_is_limited_per_client_address_and_tenant()
    {
        var a = await TenantScenario.CreateAsync(api, "rla");
        var b = await TenantScenario.CreateAsync(api, "rlb");
        object Body(string tenant, int i) => new { tenant, name = "王女士", email = $"w{i}@example.com", phone = "13800138000", company = "东方电气", password = "Passw0rd!x" };
        for (var i = 0; i < Limit; i++) NotLimited(await PostAsync("/api/portal/sign-up", Body(a.Name, i), "198.51.100.7", a.Name));

        await ExpectRateLimitedAsync(await PostAsync("/api/portal/sign-up", Body(a.Name, 9), "198.51.100.7", a.Name));
        NotLimited(await PostAsync("/api/portal/sign-up", Body(a.Name, 10), "198.51.100.8", a.Name)); // another client
        NotLimited(await PostAsync("/api/portal/sign-up", Body(b.Name, 11), "198.51.100.7", b.Name)); // another tenant
    }

    [Fact]
    public async Task Invitation_accept_is_limited_per_client_address_and_tenant()
    {
        var a = await TenantScenario.CreateAsync(api, "rli");
        object Body(int i) => new { token = $"guessed-token-{i}", password = "Passw0rd!x" };
        for (var i = 0; i < Limit; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("/api/portal/invitations/accept", Body(i), "203.0.113.20", a.Name)).StatusCode);

        await ExpectRateLimitedAsync(await PostAsync("/api/portal/invitations/accept", Body(99), "203.0.113.20", a.Name));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("/api/portal/invitations/accept", Body(100), "203.0.113.21", a.Name)).StatusCode);
    }

    [Fact]
    public async Task Telephony_webhooks_share_one_budget_per_api_key()
    {
        var key = "tel_" + Guid.NewGuid().ToString("N");
        var call = new { callerNumber = "13800138000", agentExtension = "8001", callId = Guid.NewGuid().ToString("N") };
        for (var i = 0; i < Limit; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("/api/telephony/incoming-call", call, "192.0.2.50", apiKey: key)).StatusCode);

        // call-ended spends the same key's budget.
        await ExpectRateLimitedAsync(await PostAsync("/api/telephony/call-ended", new { callId = call.callId, durationSeconds = 30 }, "192.0.2.50", apiKey: key));
        await ExpectRateLimitedAsync(await PostAsync("/api/telephony/incoming-call", call, "192.0.2.50", apiKey: key));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("/api/telephony/incoming-call", call, "192.0.2.50", apiKey: key + "x")).StatusCode); // another key
    }

    /// <summary>Test-only: the in-memory test server has no remote address, so the test names the client in a header.</summary>
    private sealed class TestClientAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address)) context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class AnonymousEndpointRateLimitTestsSqlite(SqliteApi api) : AnonymousEndpointRateLimitTests(api), IClassFixture<SqliteApi>;
public sealed class AnonymousEndpointRateLimitTestsMariaDb(MariaDbApi api) : AnonymousEndpointRateLimitTests(api), IClassFixture<MariaDbApi>;
