using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Customers;
using SaasCrm.Service.CallCenter.Calls;
using SaasCrm.Service.CallCenter.Domain;

namespace SaasCrm.Api.Tests.Service.CallCenter;

/// <summary>API keys and extensions: issued, revoked, bound to their tenant, behind the settings permission.</summary>
public abstract class TelephonyKeyTests(ApiFixture api) : CallCenterTestBase(api)
{
    [Fact]
    public async Task Keys_are_shown_once_listed_by_prefix_and_a_revoked_or_wrong_key_is_refused()
    {
        var t = await TenantScenario.CreateAsync(Api, "cc");
        var issued = await t.Admin.PostOk("/api/telephony/keys", new { name = "Main PBX" }, HttpStatusCode.Created);
        var key = issued["key"]!.GetValue<string>();
        Assert.StartsWith(t.Id.ToString("N") + ".", key);

        var list = (await t.Admin.GetOk("/api/telephony/keys")).AsArray();
        var row = Assert.Single(list)!;
        Assert.Equal("Main PBX", row["name"]!.GetValue<string>());
        Assert.Equal(key[33..41], row["prefix"]!.GetValue<string>());
        Assert.Null(row["key"]); // never shown again
        Assert.Null(row["lastUsedAt"]);

        await IncomingOkAsync(key, Call("13800000001", "800"));
        Assert.NotNull((await t.Admin.GetOk("/api/telephony/keys"))[0]!["lastUsedAt"]!.GetValue<DateTime?>());

        await ApiClient.ExpectProblem(await TelephonyAsync(Incoming, null, Call("13800000001", "800")), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");
        await ApiClient.ExpectProblem(await TelephonyAsync(Incoming, key + "x", Call("13800000001", "800")), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");
        await ApiClient.ExpectProblem(await TelephonyAsync(Incoming, "garbage", Call("13800000001", "800")), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");
        // A bad body with a wrong key learns nothing but 401.
        await ApiClient.ExpectProblem(await TelephonyAsync(Incoming, "garbage", new { }), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");

        var id = row["id"]!.GetValue<Guid>();
        var revoke = await t.Admin.DeleteAsync($"/api/telephony/keys/{id}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await ApiClient.ExpectProblem(await TelephonyAsync(Incoming, key, Call("13800000001", "800")), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");
        await ApiClient.ExpectProblem(await TelephonyAsync("/api/telephony/call-ended", key, new { callId = "x" }), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");
        Assert.NotNull((await t.Admin.GetOk("/api/telephony/keys"))[0]!["revokedAt"]!.GetValue<DateTime?>());

        var bad = await ApiClient.Expect(await t.Admin.PostAsync("/api/telephony/keys", new { name = "" }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["name"]);
    }

    [Fact]
    public async Task A_key_of_one_tenant_never_acts_in_another()
    {
        var a = await TenantScenario.CreateAsync(Api, "cca");
        var b = await TenantScenario.CreateAsync(Api, "ccb");
        var keyA = await IssueKeyAsync(a.Admin);
        var agentB = await b.CreateUserAsync("agentb", "service");
        await b.Admin.PutOk("/api/telephony/extensions", new { userId = agentB, extension = "801" });
        await CustomerAsync(b.Admin, "B's customer", ["13811112222"]);

        // A's secret under B's tenant id: B has no such key.
        var forged = b.Id.ToString("N") + keyA[32..];
        await ApiClient.ExpectProblem(await TelephonyAsync(Incoming, forged, Call("13811112222", "801")), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");

        // A's key reaches A only: B's extension and customer are unknown there, and B gets no call log.
        var result = await IncomingOkAsync(keyA, Call("13811112222", "801"));
        Assert.False(result["agentFound"]!.GetValue<bool>());
        Assert.False(result["customerMatched"]!.GetValue<bool>());
        Assert.Equal(0, (await b.Admin.GetOk("/api/telephony/calls"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await a.Admin.GetOk("/api/telephony/calls"))["total"]!.GetValue<int>());

        // Admin endpoints: another tenant's key, extension and call answer 404.
        var keyId = (await a.Admin.GetOk("/api/telephony/keys"))[0]!["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.DeleteAsync($"/api/telephony/keys/{keyId}")).StatusCode);
        Assert.Empty((await b.Admin.GetOk("/api/telephony/keys")).AsArray());
        var extId = (await b.Admin.GetOk("/api/telephony/extensions"))[0]!["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.NotFound, (await a.Admin.DeleteAsync($"/api/telephony/extensions/{extId}")).StatusCode);
        Assert.Empty((await a.Admin.GetOk("/api/telephony/extensions")).AsArray());
        var callA = (await a.Admin.GetOk("/api/telephony/calls"))["items"]![0]!;
        await ApiClient.Expect(await b.Admin.PutAsync($"/api/telephony/calls/{callA["id"]}/note", new { note = "x", concurrencyStamp = callA["concurrencyStamp"]!.GetValue<string>() }), HttpStatusCode.NotFound);
        // B's user cannot be given an extension in A.
        var foreignUser = await ApiClient.Expect(await a.Admin.PutAsync("/api/telephony/extensions", new { userId = agentB, extension = "900" }), HttpStatusCode.BadRequest);
        Assert.NotNull(foreignUser["errors"]!["userId"]);
        // Nor can A's staff dial B's customer.
        var agentA = await a.CreateUserAsync("agenta", "service");
        await a.Admin.PutOk("/api/telephony/extensions", new { userId = agentA, extension = "801" });
        var bCustomer = await CustomerAsync(b.Admin, "B other", ["13811113333"]);
        var agentAClient = await a.LoginAsync("agenta");
        Assert.Equal(HttpStatusCode.NotFound, (await agentAClient.PostAsync("/api/telephony/calls", new { customerId = bCustomer })).StatusCode);
    }

    [Fact]
    public async Task Keys_and_extensions_need_the_settings_permission_and_extensions_are_unique()
    {
        var t = await TenantScenario.CreateAsync(Api, "ccs");
        var sales = await t.CreateUserAsync("rep", "sales");
        var other = await t.CreateUserAsync("rep2", "sales");
        var rep = await t.LoginAsync("rep");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/telephony/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync("/api/telephony/keys", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.DeleteAsync($"/api/telephony/keys/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/telephony/extensions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PutAsync("/api/telephony/extensions", new { userId = sales, extension = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.DeleteAsync($"/api/telephony/extensions/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync("/api/telephony/calls")).StatusCode);

        // A user without the call center permission: a role with nothing but customers.
        var role = await t.Admin.PostOk("/api/identity/roles", new { name = "viewer", dataScope = "Self", permissions = new[] { "Customers.Customers" } }, HttpStatusCode.Created);
        var viewer = await t.Admin.PostOk("/api/identity/users", new
        {
            userName = "viewer", name = "viewer", email = "viewer@example.com", password = CrmApiFactory.Password,
            roleIds = new[] { role["id"]!.GetValue<Guid>() }, departmentIds = Array.Empty<Guid>(),
        }, HttpStatusCode.Created);
        Assert.NotEqual(Guid.Empty, viewer["id"]!.GetValue<Guid>());
        var v = await t.LoginAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await v.GetAsync("/api/telephony/calls")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await v.PostAsync("/api/telephony/calls", new { number = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await v.PutAsync($"/api/telephony/calls/{Guid.NewGuid()}/note", new { note = "x", concurrencyStamp = "x" })).StatusCode);

        await t.Admin.PutOk("/api/telephony/extensions", new { userId = sales, extension = "601" });
        await ApiClient.ExpectProblem(await t.Admin.PutAsync("/api/telephony/extensions", new { userId = other, extension = "601" }), HttpStatusCode.Conflict, "callcenter.extension_taken");
        // Changing one's own extension replaces it.
        await t.Admin.PutOk("/api/telephony/extensions", new { userId = sales, extension = "602" });
        await t.Admin.PutOk("/api/telephony/extensions", new { userId = other, extension = "601" });
        var list = (await t.Admin.GetOk("/api/telephony/extensions")).AsArray();
        Assert.Equal(["601", "602"], list.Select(e => e!["extension"]!.GetValue<string>()));
        Assert.Equal("rep2", list[0]!["userName"]!.GetValue<string>());
        var bad = await ApiClient.Expect(await t.Admin.PutAsync("/api/telephony/extensions", new { userId = sales, extension = "12 34" }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["extension"]);
        Assert.Equal(HttpStatusCode.NoContent, (await t.Admin.DeleteAsync($"/api/telephony/extensions/{list[0]!["id"]}")).StatusCode);
        Assert.Single((await t.Admin.GetOk("/api/telephony/extensions")).AsArray());
    }
}

public sealed class TelephonyKeyTestsSqlite(SqliteApi api) : TelephonyKeyTests(api), IClassFixture<SqliteApi>;
public sealed class TelephonyKeyTestsMariaDb(MariaDbApi api) : TelephonyKeyTests(api), IClassFixture<MariaDbApi>;
