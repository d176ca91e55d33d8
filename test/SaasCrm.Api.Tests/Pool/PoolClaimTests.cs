using System.Net;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers.Domain;

namespace SaasCrm.Api.Tests.Pool;

/// <summary>Claiming within the pool's limits, the claim race, returning with a reason, and the limits report.</summary>
public abstract class PoolClaimTests(ApiFixture api)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private static string Claim(Guid customerId) => $"/api/customer-pools/customers/{customerId}/claim";

    [Fact]
    public async Task Claims_respect_held_daily_and_cooldown_limits_and_returns_are_recorded()
    {
        var t = await TenantScenario.CreateAsync(api, "pool");
        var kit = new PoolTestKit(api, t);
        var repId = await t.CreateUserAsync("rep1", "sales");
        var otherId = await t.CreateUserAsync("rep2", "sales");
        var poolId = await kit.CreatePoolAsync(PoolTestKit.Pool("Main", users: [repId, otherId], maxHeld: 2, maxDaily: 2, cooldown: 7));
        var c = new Guid[4];
        for (var i = 0; i < c.Length; i++) c[i] = await kit.SeedCustomerAsync($"Customer {i}", otherId);
        await kit.PutIntoPoolAsync(poolId, c);
        var rep = await t.LoginAsync("rep1");

        var claimed = await rep.PostOk(Claim(c[0]));
        Assert.Equal(repId, claimed["ownerId"]!.GetValue<Guid>());
        await rep.PostOk(Claim(c[1]));
        await ApiClient.ExpectProblem(await rep.PostAsync(Claim(c[2])), HttpStatusCode.Conflict, "pool.limit_held");

        // The report shows rep1 at the held limit.
        var report = (await t.Admin.GetOk("/api/customer-pools/limits-report")).AsArray();
        var row = report.Single(r => r!["userId"]!.GetValue<Guid>() == repId)!;
        Assert.Equal((2, 2, true), (row["held"]!.GetValue<int>(), row["claimsToday"]!.GetValue<int>(), row["atLimit"]!.GetValue<bool>()));

        // Returning frees a slot, but two claims today is the daily maximum.
        var noReason = await rep.PostAsync($"/api/customers/{c[0]}/return-to-pool", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        await rep.PostOk($"/api/customers/{c[0]}/return-to-pool", new { reason = "Not interested any more" });
        var returned = await kit.CustomerAsync(c[0]);
        Assert.Equal((null, (Guid?)poolId), (returned.OwnerId, returned.PoolId));
        await ApiClient.ExpectProblem(await rep.PostAsync(Claim(c[2])), HttpStatusCode.Conflict, "pool.limit_daily");

        api.Factory.Clock.Advance(Day);
        await kit.SignInAgainAsync((rep, "rep1"));
        // The customer rep1 gave back yesterday is in its cooldown for 7 days; others may be claimed.
        await ApiClient.ExpectProblem(await rep.PostAsync(Claim(c[0])), HttpStatusCode.Conflict, "pool.cooldown");
        await rep.PostOk(Claim(c[2]));
        api.Factory.Clock.Advance(6 * Day + TimeSpan.FromHours(1));
        await kit.SignInAgainAsync((rep, "rep1"));
        await rep.PostOk($"/api/customers/{c[2]}/return-to-pool", new { poolId, reason = "Wrong region" });
        await rep.PostOk(Claim(c[0]));
        Assert.Equal(repId, (await kit.CustomerAsync(c[0])).OwnerId);

        var history = await kit.HistoryAsync(c[0]);
        Assert.Equal([OwnershipAction.Released, OwnershipAction.Claimed, OwnershipAction.Returned, OwnershipAction.Claimed], history.Select(h => h.Action));
        Assert.Equal("Not interested any more", history[2].Reason);
        Assert.Equal(repId, history[2].FromUserId);
        Assert.Equal(otherId, history[0].FromUserId);
    }

    [Fact]
    public async Task Of_two_reps_claiming_one_customer_at_once_exactly_one_wins()
    {
        var t = await TenantScenario.CreateAsync(api, "pool");
        var kit = new PoolTestKit(api, t);
        var ids = new[] { await t.CreateUserAsync("rep1", "sales"), await t.CreateUserAsync("rep2", "sales") };
        var poolId = await kit.CreatePoolAsync(PoolTestKit.Pool("Main", users: ids));
        var reps = new[] { await t.LoginAsync("rep1"), await t.LoginAsync("rep2") };

        for (var round = 0; round < 5; round++)
        {
            var customer = await kit.SeedCustomerAsync($"Contested {round}", ids[0]);
            await kit.PutIntoPoolAsync(poolId, customer);
            var responses = await Task.WhenAll(reps.Select(r => r.PostAsync(Claim(customer))));
            var winners = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
            Assert.Single(winners);
            await ApiClient.ExpectProblem(responses.Single(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.Conflict, "pool.already_claimed");
            var winner = (await ApiClient.Expect(winners[0], HttpStatusCode.OK))["ownerId"]!.GetValue<Guid>();
            Assert.Equal(winner, (await kit.CustomerAsync(customer)).OwnerId);
            Assert.Single(await kit.HistoryAsync(customer), h => h.Action == OwnershipAction.Claimed);
        }
    }
}

public sealed class PoolClaimTestsSqlite(SqliteApi api) : PoolClaimTests(api), IClassFixture<SqliteApi>;
public sealed class PoolClaimTestsMariaDb(MariaDbApi api) : PoolClaimTests(api), IClassFixture<MariaDbApi>;
