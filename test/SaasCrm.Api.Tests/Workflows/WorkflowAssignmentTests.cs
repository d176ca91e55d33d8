using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.BackgroundJobs;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

public abstract class WorkflowAssignmentTests(ApiFixture api)
{
    [Fact]
    public async Task Round_robin_over_five_agents_spreads_a_hundred_concurrent_customers_evenly()
    {
        var t = await TenantScenario.CreateAsync(api);
        var agents = new List<Guid>();
        for (var i = 0; i < 5; i++) agents.Add(await t.CreateUserAsync($"rr{i}", "sales"));
        await PublishAsync(t.Admin, Model("assign",
            Step("assign", "Assign", new { strategy = "roundRobin", candidates = new { userIds = agents } }, "done"),
            Step("done", "Complete")));

        var ids = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => CustomerApi.CreateIdAsync(t.Admin, $"RR {i} {Guid.NewGuid():N}"))));
        // Four workers (four nodes' claimers) contend on the same round-robin pointer.
        var workers = Enumerable.Range(0, 3).Select(_ => ActivatorUtilities.CreateInstance<JobWorker>(api.Factory.Services)).Prepend(null).ToList();
        for (var round = 0; round < 5; round++)
            await Task.WhenAll(workers.Select(w => Task.Run(() => api.RunJobsAsync(w))));

        var decisions = (await t.Admin.GetOk("/api/workflows/assignments?recordType=customer")).AsArray().Select(d => d!).ToList();
        Assert.Equal(100, decisions.Count);
        Assert.Equal(100, decisions.Select(d => d["recordId"]!.GetValue<Guid>()).Distinct().Count());
        Assert.All(decisions, d =>
        {
            Assert.Equal("roundRobin", d["strategy"]!.GetValue<string>());
            var candidates = JsonNode.Parse(d["candidates"]!.GetValue<string>())!.AsArray();
            Assert.Equal(agents.Order(), candidates.Select(c => c!["UserId"]!.GetValue<Guid>()).Order());
            // The reason reads as words for the UI: who came before by name, no pool key of the step's own pool, no ids.
            Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-", d["reason"]!.GetValue<string>());
            Assert.Null(d["reasonArgs"]!["pool"]?.GetValue<string>());
        });
        Assert.Single(decisions, d => d["reasonCode"]!.GetValue<string>() == "roundRobinFirst");
        Assert.All(decisions.Where(d => d["reasonCode"]!.GetValue<string>() == "roundRobin"),
            d => Assert.Matches("^rr[0-4]$", d["reasonArgs"]!["previous"]!.GetValue<string>()));

        var owners = new Dictionary<Guid, int>();
        foreach (var id in ids)
        {
            var owner = (await t.Admin.GetOk($"/api/customers/{id}"))["ownerId"]!.GetValue<Guid>();
            owners[owner] = owners.GetValueOrDefault(owner) + 1;
        }
        Assert.Equal(agents.Order(), owners.Keys.Order());
        Assert.All(owners.Values, n => Assert.InRange(n, 19, 21));
        var instances = await InstancesAsync(t.Admin);
        Assert.Equal(100, instances.Count(i => i!["status"]!.GetValue<string>() == "Completed"));
    }

    [Fact]
    public async Task Least_loaded_skips_agents_at_capacity_or_absent_and_takes_branch_none_when_nobody_is_left()
    {
        var t = await TenantScenario.CreateAsync(api);
        var full = await t.CreateUserAsync("full", "sales");
        var absent = await t.CreateUserAsync("absent", "sales");
        var free = await t.CreateUserAsync("free", "sales");
        for (var i = 0; i < 2; i++) await CustomerApi.CreateAsync(t.Admin, $"Held {i} {Guid.NewGuid():N}", ownerId: full);
        await api.RunJobsAsync(); // settle the signals of the customers created so far (no workflow yet)
        await t.Admin.PutOk($"/api/workflows/agents/{absent}", new { isAbsent = true, absentUntil = (DateTime?)null, skills = Array.Empty<string>(), calendarId = (Guid?)null });
        await PublishAsync(t.Admin, Model("assign",
            Step("assign", "Assign", new { strategy = "leastLoaded", capacity = 2, candidates = new { userIds = new[] { full, absent, free } } }, "done",
                new { none = "nobody" }),
            Step("nobody", "SetField", new { field = "level", value = "C" }, "done"),
            Step("done", "Complete")));

        var created = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await CustomerApi.CreateIdAsync(t.Admin, $"LL {i} {Guid.NewGuid():N}"));
            await api.RunJobsAsync();
        }

        // free takes two (0 → 1 → 2 = capacity); the third finds nobody under capacity and takes branch "none".
        Assert.Equal(free, (await t.Admin.GetOk($"/api/customers/{created[0]}"))["ownerId"]!.GetValue<Guid>());
        Assert.Equal(free, (await t.Admin.GetOk($"/api/customers/{created[1]}"))["ownerId"]!.GetValue<Guid>());
        var third = await t.Admin.GetOk($"/api/customers/{created[2]}");
        Assert.NotEqual(full, third["ownerId"]!.GetValue<Guid>());
        Assert.NotEqual(absent, third["ownerId"]!.GetValue<Guid>());
        Assert.NotEqual(free, third["ownerId"]!.GetValue<Guid>());
        Assert.Equal("C", third["levelCode"]?.GetValue<string>());
        var lastInstance = await SingleInstanceAsync(t.Admin, created[2]);
        Assert.Equal(1, Count(lastInstance, "assign", "none"));
        Assert.Equal(1, Count(lastInstance, "nobody", "next"));

        var decisions = (await t.Admin.GetOk("/api/workflows/assignments?recordType=customer")).AsArray().Select(d => d!).ToList();
        Assert.Equal(3, decisions.Count);
        Assert.All(decisions, d => Assert.Equal("leastLoaded", d["strategy"]!.GetValue<string>()));
        Assert.DoesNotContain(decisions, d => d["chosenUserId"]?.GetValue<Guid>() is { } u && (u == full || u == absent));
        var none = decisions.Single(d => d["recordId"]!.GetValue<Guid>() == created[2]);
        Assert.Null(none["chosenUserId"]);
        Assert.Equal("nobodyAvailable", none["reasonCode"]!.GetValue<string>());
        var second = decisions.Single(d => d["recordId"]!.GetValue<Guid>() == created[1]);
        Assert.Equal("leastLoadedCapped", second["reasonCode"]!.GetValue<string>());
        Assert.Equal(("1", "2"), (second["reasonArgs"]!["load"]!.GetValue<string>(), second["reasonArgs"]!["capacity"]!.GetValue<string>()));
        var loads = JsonNode.Parse(none["candidates"]!.GetValue<string>())!.AsArray();
        Assert.False(loads.Single(l => l!["UserId"]!.GetValue<Guid>() == absent)!["Available"]!.GetValue<bool>());
        Assert.Equal(2, loads.Single(l => l!["UserId"]!.GetValue<Guid>() == full)!["Load"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_named_pool_reads_as_the_team_or_the_category_it_stands_for_else_as_typed()
    {
        var t = await TenantScenario.CreateAsync(api);
        var desk = await t.CreateDepartmentAsync("Referral desk");
        var agent = await t.CreateUserAsync("pool.agent", "sales", desk);
        object RoundRobin(string pool) => new { strategy = "roundRobin", pool, candidates = new { userIds = new[] { agent } } };
        await PublishAsync(t.Admin, Model("by-team",
            Step("by-team", "Assign", RoundRobin(desk.ToString()), "by-source"),
            Step("by-source", "Assign", RoundRobin("referral"), "by-word"),
            Step("by-word", "Assign", RoundRobin("VIP"), "done"),
            Step("done", "Complete")));

        var customer = await CustomerApi.CreateIdAsync(t.Admin, $"Pool Co {Guid.NewGuid():N}");
        await api.RunJobsAsync();
        await api.RunJobsAsync();

        var decisions = (await t.Admin.GetOk($"/api/workflows/assignments?recordType=customer&recordId={customer}")).AsArray()
            .ToDictionary(d => d!["stepId"]!.GetValue<string>(), d => d!["reasonArgs"]!);
        Assert.Equal(3, decisions.Count);
        // a department's id is its team; a code of the customer's dictionaries (source "referral") its label in both languages
        Assert.Equal(("Referral desk", "Referral desk"), (decisions["by-team"]["poolName"]!.GetValue<string>(), decisions["by-team"]["poolNameZh"]!.GetValue<string>()));
        Assert.Equal(("Referral", "转介绍"), (decisions["by-source"]["poolName"]!.GetValue<string>(), decisions["by-source"]["poolNameZh"]!.GetValue<string>()));
        Assert.Equal("VIP", decisions["by-word"]["pool"]!.GetValue<string>());
        Assert.Null(decisions["by-word"]["poolName"]);
    }
}

public sealed class WorkflowAssignmentTestsSqlite(SqliteApi api) : WorkflowAssignmentTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowAssignmentTestsMariaDb(MariaDbApi api) : WorkflowAssignmentTests(api), IClassFixture<MariaDbApi>;
