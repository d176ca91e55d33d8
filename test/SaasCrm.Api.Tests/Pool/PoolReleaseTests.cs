using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.BackgroundJobs;

namespace SaasCrm.Api.Tests.Pool;

/// <summary>The daily run: rules per level, the warning before release, exemptions, the recorded reason, and the preview.</summary>
public abstract class PoolReleaseTests(ApiFixture api)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task Rules_per_level_warn_once_then_release_with_the_reason_the_preview_showed()
    {
        var t = await TenantScenario.CreateAsync(api, "pool");
        var kit = new PoolTestKit(api, t);
        var sales = await t.CreateDepartmentAsync("Sales");
        var east = await t.CreateDepartmentAsync("East", sales);
        var rep = await t.CreateUserAsync("rep1", "sales", east); // member through the parent department
        var poolId = await kit.CreatePoolAsync(PoolTestKit.Pool("Main", departments: [sales], warnDays: 3, rules:
        [
            new { levelCode = (string?)null, daysWithoutFollowUp = 30 },
            new { levelCode = "a", daysWithoutFollowUp = 60 },
            new { levelCode = "c", daysWithoutDeal = 15 },
        ]));
        var start = kit.Now;
        var levelB = await kit.SeedCustomerAsync("Level B", rep, "b");
        var levelA = await kit.SeedCustomerAsync("Level A", rep, "a");
        var levelC = await kit.SeedCustomerAsync("Level C", rep, "c", configure: c => c.LastFollowUpAt = start);
        var locked = await kit.SeedCustomerAsync("Locked", rep, "b", locked: true);
        var followed = await kit.SeedCustomerAsync("Followed up", rep, "b");
        await kit.UpdateCustomerAsync(followed, c => c.LastFollowUpAt = start.AddDays(20));

        // Day 27: level C (15 days without a deal) is due; level B (30 days) is 3 days away and gets its warning.
        api.Factory.Clock.Advance(27 * Day + TimeSpan.FromHours(1));
        await kit.SignInAgainAsync();
        var preview = await t.Admin.GetOk($"/api/customer-pools/{poolId}/release-preview");
        Assert.Equal([levelC], PoolTestKit.Ids(preview));
        Assert.Equal("15 days without deal (level C)", preview["items"]![0]!["reason"]!.GetValue<string>());
        await api.RunJobsAsync();

        var c = await kit.CustomerAsync(levelC);
        Assert.Null(c.OwnerId);
        Assert.Equal(poolId, c.PoolId);
        Assert.NotNull(c.PooledAt);
        var released = (await kit.HistoryAsync(levelC)).Single(r => r.Action == OwnershipAction.Released);
        Assert.Equal("15 days without deal (level C)", released.Reason);
        Assert.Equal(rep, released.FromUserId);
        Assert.Null(released.ByUserId);

        var warnings = await kit.NotificationsAsync(rep, "pool.release-warning");
        Assert.Single(warnings);
        Assert.Equal($"/customers/{levelB}", warnings[0].Link);
        Assert.NotNull((await kit.CustomerAsync(levelB)).ReleaseWarnedAt);
        Assert.Equal(rep, (await kit.CustomerAsync(levelB)).OwnerId);

        // Day 28: another run, still exactly one warning.
        api.Factory.Clock.Advance(Day);
        await api.RunJobsAsync();
        Assert.Single(await kit.NotificationsAsync(rep, "pool.release-warning"));
        Assert.Single(await kit.HistoryAsync(levelB), r => r.Action == OwnershipAction.Warned);

        // Day 31: level B goes, with the reason the preview gave; locked, level A and the followed-up one stay.
        api.Factory.Clock.Advance(3 * Day);
        await kit.SignInAgainAsync();
        preview = await t.Admin.GetOk($"/api/customer-pools/{poolId}/release-preview");
        Assert.Equal([levelB], PoolTestKit.Ids(preview));
        var previewReason = preview["items"]![0]!["reason"]!.GetValue<string>();
        Assert.Equal("30 days without follow-up (level B)", previewReason);
        await api.RunJobsAsync();

        var b = await kit.CustomerAsync(levelB);
        Assert.Equal((null, (Guid?)poolId, (DateTime?)null), (b.OwnerId, b.PoolId, b.ReleaseWarnedAt));
        Assert.Equal(previewReason, (await kit.HistoryAsync(levelB)).Single(r => r.Action == OwnershipAction.Released).Reason);
        foreach (var kept in new[] { levelA, locked, followed })
            Assert.Equal(rep, (await kit.CustomerAsync(kept)).OwnerId);
        Assert.Empty(PoolTestKit.Ids(await t.Admin.GetOk($"/api/customer-pools/{poolId}/release-preview")));

        // Day 61: level A's own rule (60 days) applies; the locked one never goes.
        api.Factory.Clock.Advance(30 * Day);
        await api.RunJobsAsync();
        Assert.Equal(poolId, (await kit.CustomerAsync(levelA)).PoolId);
        Assert.Equal("60 days without follow-up (level A)", (await kit.HistoryAsync(levelA)).Single(r => r.Action == OwnershipAction.Released).Reason);
        Assert.Equal(rep, (await kit.CustomerAsync(locked)).OwnerId);

        await kit.SignInAgainAsync();
        // The run reported what it did, and the pool list shows the released customers with previous owner and reason.
        var pool = await t.Admin.GetOk($"/api/customer-pools/{poolId}");
        Assert.Equal(4, pool["customerCount"]!.GetValue<int>()); // C, B, A and the followed-up one (day 50)
        var list = await t.Admin.GetOk($"/api/customer-pools/{poolId}/customers?name=Level&sort=name");
        Assert.Equal(["Level A", "Level B", "Level C"], list["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal(rep, list["items"]![0]!["previousOwnerId"]!.GetValue<Guid>());
        Assert.Equal("60 days without follow-up (level A)", list["items"]![0]!["releaseReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Customers_with_open_opportunities_are_exempt_from_preview_and_release()
    {
        await using var withSales = api.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<ICustomerRelatedRecords, OpenRecordsStub>()));
        var t = await TenantScenario.CreateAsync(api, "pool");
        var kit = new PoolTestKit(api, t);
        var rep = await t.CreateUserAsync("rep1", "sales");
        var poolId = await kit.CreatePoolAsync(PoolTestKit.Pool("Main", users: [rep]));
        var open = await kit.SeedCustomerAsync("Has an open deal", rep);
        var plain = await kit.SeedCustomerAsync("Nothing open", rep);
        OpenRecordsStub.OpenCustomers[open] = 0;

        api.Factory.Clock.Advance(31 * Day);
        var admin = new ApiClient(withSales.CreateClient());
        await admin.LoginAsync(t.Name, "admin", CrmApiFactory.Password);
        var preview = await admin.GetOk($"/api/customer-pools/{poolId}/release-preview");
        Assert.Equal([plain], PoolTestKit.Ids(preview));
        Assert.Equal(1, preview["exempted"]!.GetValue<int>());

        await api.RunJobsAsync(withSales.Services.GetRequiredService<JobWorker>());
        Assert.Equal(rep, (await kit.CustomerAsync(open)).OwnerId);
        Assert.Equal(poolId, (await kit.CustomerAsync(plain)).PoolId);
    }

    [Fact]
    public async Task The_daily_run_requeues_itself_once_per_day()
    {
        var t = await TenantScenario.CreateAsync(api, "pool");
        var kit = new PoolTestKit(api, t);
        var rep = await t.CreateUserAsync("rep1", "sales");
        await kit.CreatePoolAsync(PoolTestKit.Pool("One", users: [rep]));
        await kit.CreatePoolAsync(PoolTestKit.Pool("Two")); // a second pool queues no second run

        api.Factory.Clock.Advance(Day);
        var first = await api.RunJobsAsync();
        Assert.True(first >= 1);
        api.Factory.Clock.Advance(Day);
        var customer = await kit.SeedCustomerAsync("Late", rep, configure: c => c.OwnedSince = kit.Now.AddDays(-40));
        await api.RunJobsAsync();
        Assert.NotNull((await kit.CustomerAsync(customer)).PoolId);
    }
}

public sealed class PoolReleaseTestsSqlite(SqliteApi api) : PoolReleaseTests(api), IClassFixture<SqliteApi>;
public sealed class PoolReleaseTestsMariaDb(MariaDbApi api) : PoolReleaseTests(api), IClassFixture<MariaDbApi>;
