using System.Net;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Pool;

/// <summary>Who sees which pool: members only, other tenants never, configuration for pool managers only.</summary>
public abstract class PoolAccessTests(ApiFixture api)
{
    [Fact]
    public async Task Only_members_browse_and_claim_a_pools_customers_and_other_tenants_get_404()
    {
        var t = await TenantScenario.CreateAsync(api, "pool");
        var kit = new PoolTestKit(api, t);
        var east = await t.CreateDepartmentAsync("East");
        var south = await t.CreateDepartmentAsync("South");
        var rep1 = await t.CreateUserAsync("rep1", "sales", east);
        await t.CreateUserAsync("rep2", "sales", south);
        var poolId = await kit.CreatePoolAsync(PoolTestKit.Pool("East pool", departments: [east]));
        var alpha = await kit.SeedCustomerAsync("Alpha Trading", rep1, "a", configure: c => c.SourceCode = "web");
        var beta = await kit.SeedCustomerAsync("Beta Works", rep1, "b", configure: c => c.SourceCode = "referral");
        await kit.PutIntoPoolAsync(poolId, alpha, beta);
        var member = await t.LoginAsync("rep1");
        var outsider = await t.LoginAsync("rep2");

        var all = await member.GetOk($"/api/customer-pools/{poolId}/customers?sort=name");
        Assert.Equal(["Alpha Trading", "Beta Works"], all["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal(2, all["total"]!.GetValue<int>());
        var byLevel = await member.GetOk($"/api/customer-pools/{poolId}/customers?levelCode=b");
        Assert.True(PoolTestKit.Ids(byLevel).SequenceEqual([beta]), byLevel.ToJsonString() + " alpha=" + alpha + " beta=" + beta);
        Assert.Equal([alpha], PoolTestKit.Ids(await member.GetOk($"/api/customer-pools/{poolId}/customers?sourceCode=web&name=alpha")));
        var later = kit.Now.AddMinutes(1).ToString("O");
        Assert.Empty(PoolTestKit.Ids(await member.GetOk($"/api/customer-pools/{poolId}/customers?releasedAfter={Uri.EscapeDataString(later)}")));
        Assert.Equal(2, PoolTestKit.Ids(await member.GetOk($"/api/customer-pools/{poolId}/customers?releasedBefore={Uri.EscapeDataString(later)}")).Count);
        await ApiClient.ExpectProblem(await member.GetAsync($"/api/customer-pools/{poolId}/customers?sort=owner"), HttpStatusCode.BadRequest, "validation_failed");

        // The customer list shows a member the pool's customers too, each once, and counts them slice by slice.
        var listed = await member.GetOk("/api/customers?sort=name");
        Assert.Equal(["Alpha Trading", "Beta Works"], listed["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal(2, listed["total"]!.GetValue<int>());
        Assert.Equal(1, (await member.GetOk("/api/customers?level=b"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await outsider.GetOk("/api/customers"))["total"]!.GetValue<int>());

        var mine = (await member.GetOk("/api/customer-pools/mine")).AsArray();
        Assert.Equal(2, mine.Single()!["customerCount"]!.GetValue<int>());
        Assert.Empty((await outsider.GetOk("/api/customer-pools/mine")).AsArray());

        // Not a member: the pool and its customers do not exist for rep2.
        await ApiClient.ExpectProblem(await outsider.GetAsync($"/api/customer-pools/{poolId}/customers"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await outsider.PostAsync($"/api/customer-pools/customers/{alpha}/claim"), HttpStatusCode.NotFound, "not_found");

        // Another tenant's admin: 404 everywhere.
        var other = await TenantScenario.CreateAsync(api, "pool");
        await ApiClient.ExpectProblem(await other.Admin.GetAsync($"/api/customer-pools/{poolId}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await other.Admin.GetAsync($"/api/customer-pools/{poolId}/customers"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await other.Admin.GetAsync($"/api/customer-pools/{poolId}/release-preview"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await other.Admin.PostAsync($"/api/customer-pools/customers/{alpha}/claim"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await other.Admin.PutAsync($"/api/customer-pools/{poolId}", PoolTestKit.Pool("Stolen")), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await other.Admin.DeleteAsync($"/api/customer-pools/{poolId}"), HttpStatusCode.NotFound, "not_found");
        var foreignRelease = await other.Admin.PostOk($"/api/customer-pools/{(await new PoolTestKit(api, other).CreatePoolAsync(PoolTestKit.Pool("Theirs")))}/release",
            new { customerIds = new[] { beta }, reason = "try" });
        Assert.Equal(0, foreignRelease["released"]!.GetValue<int>());
        Assert.Equal(poolId, (await kit.CustomerAsync(beta)).PoolId);

        await member.PostOk($"/api/customer-pools/customers/{alpha}/claim");
        Assert.Equal(rep1, (await kit.CustomerAsync(alpha)).OwnerId);
    }

    [Fact]
    public async Task Configuration_preview_release_and_report_need_their_permissions_and_stale_edits_conflict()
    {
        var t = await TenantScenario.CreateAsync(api, "pool");
        var kit = new PoolTestKit(api, t);
        var repId = await t.CreateUserAsync("rep1", "sales");
        var poolId = await kit.CreatePoolAsync(PoolTestKit.Pool("Main", users: [repId]));
        var customer = await kit.SeedCustomerAsync("Mine", repId);
        var rep = await t.LoginAsync("rep1");

        await ApiClient.Expect(await rep.PostAsync("/api/customer-pools", PoolTestKit.Pool("Mine")), HttpStatusCode.Forbidden);
        await ApiClient.Expect(await rep.GetAsync("/api/customer-pools"), HttpStatusCode.Forbidden);
        await ApiClient.Expect(await rep.GetAsync($"/api/customer-pools/{poolId}/release-preview"), HttpStatusCode.Forbidden);
        await ApiClient.Expect(await rep.GetAsync("/api/customer-pools/limits-report"), HttpStatusCode.Forbidden);
        await ApiClient.Expect(await rep.PostAsync($"/api/customer-pools/{poolId}/release", new { customerIds = new[] { customer }, reason = "x" }), HttpStatusCode.Forbidden);
        Assert.Equal(repId, (await kit.CustomerAsync(customer)).OwnerId);

        // Bad rules are refused naming the field.
        await ApiClient.ExpectProblem(await t.Admin.PostAsync("/api/customer-pools", PoolTestKit.Pool("Bad", rules: [new { levelCode = "zz", daysWithoutFollowUp = 5 }])),
            HttpStatusCode.BadRequest, "validation_failed");
        await ApiClient.ExpectProblem(await t.Admin.PostAsync("/api/customer-pools", PoolTestKit.Pool("Bad", rules: [new { levelCode = "a" }])),
            HttpStatusCode.BadRequest, "validation_failed");

        var pool = await t.Admin.GetOk($"/api/customer-pools/{poolId}");
        var stamp = pool["concurrencyStamp"]!.GetValue<string>();
        var edit = new { name = "Renamed", memberUserIds = new[] { repId }, memberDepartmentIds = Array.Empty<Guid>(), rules = new[] { new { levelCode = "b", daysWithoutFollowUp = 10 } }, warnDaysBefore = 2, concurrencyStamp = stamp };
        var saved = await t.Admin.PutOk($"/api/customer-pools/{poolId}", edit);
        Assert.Equal("Renamed", saved["name"]!.GetValue<string>());
        Assert.Equal("b", saved["rules"]![0]!["levelCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await t.Admin.PutAsync($"/api/customer-pools/{poolId}", edit)).StatusCode);

        // A pool holding customers cannot be deleted.
        await rep.PostOk($"/api/customers/{customer}/return-to-pool", new { reason = "Moving on" });
        await ApiClient.ExpectProblem(await t.Admin.DeleteAsync($"/api/customer-pools/{poolId}"), HttpStatusCode.Conflict, "pool.not_empty");
    }
}

public sealed class PoolAccessTestsSqlite(SqliteApi api) : PoolAccessTests(api), IClassFixture<SqliteApi>;
public sealed class PoolAccessTestsMariaDb(MariaDbApi api) : PoolAccessTests(api), IClassFixture<MariaDbApi>;
