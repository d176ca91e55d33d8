using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

/// <summary>An Assign step with a skill considers only candidates whose agent profile lists it, and of those only the present ones.</summary>
public abstract class WorkflowSkillAssignmentTests(ApiFixture api)
{
    [Fact]
    public async Task Assign_with_a_skill_gives_work_only_to_present_agents_with_that_skill_else_takes_branch_none()
    {
        var t = await TenantScenario.CreateAsync(api);
        var mandarin = await t.CreateUserAsync("mandarin", "sales");
        var away = await t.CreateUserAsync("away", "sales");
        var english = await t.CreateUserAsync("english", "sales");
        var plain = await t.CreateUserAsync("plain", "sales"); // no agent profile, so no skills
        Task Profile(Guid user, bool absent, string[] skills, DateTime? absentUntil = null) =>
            t.Admin.PutOk($"/api/workflows/agents/{user}", new { isAbsent = absent, absentUntil, skills, calendarId = (Guid?)null });
        await Profile(mandarin, false, ["Mandarin"]); // skills match regardless of case
        await Profile(away, true, ["english", "mandarin"]);
        await Profile(english, false, ["english"]);
        await PublishAsync(t.Admin, Model("assign",
            Step("assign", "Assign", new { strategy = "roundRobin", skill = "mandarin", candidates = new { userIds = new[] { mandarin, away, english, plain } } }, "done",
                new { none = "nobody" }),
            Step("nobody", "SetField", new { field = "industry", value = "other" }, "done"),
            Step("done", "Complete")));

        async Task<List<Guid>> Customers(int count)
        {
            var ids = new List<Guid>();
            for (var i = 0; i < count; i++) ids.Add(await CustomerApi.CreateIdAsync(t.Admin, $"Skill {i} {Guid.NewGuid():N}"));
            await api.RunJobsAsync();
            return ids;
        }
        async Task<JsonNode> Customer(Guid id) => await t.Admin.GetOk($"/api/customers/{id}");
        async Task<Guid?> Owner(Guid id) => (await Customer(id))["ownerId"]?.GetValue<Guid>();
        async Task<JsonNode> Decision(Guid id) => Assert.Single((await t.Admin.GetOk($"/api/workflows/assignments?recordType=customer&recordId={id}")).AsArray())!;

        // Only "mandarin" has the skill and is present: all work goes to them, none to the agent without it or without a profile.
        foreach (var id in await Customers(3))
        {
            Assert.Equal(mandarin, await Owner(id));
            var candidates = JsonNode.Parse((await Decision(id))["candidates"]!.GetValue<string>())!.AsArray();
            Assert.Equal(new[] { mandarin, away }.Order(), candidates.Select(c => c!["UserId"]!.GetValue<Guid>()).Order());
            Assert.False(candidates.Single(c => c!["UserId"]!.GetValue<Guid>() == away)!["Available"]!.GetValue<bool>());
        }

        // "away" is back: the two skilled agents take turns.
        await Profile(away, false, ["english", "mandarin"]);
        var shared = await Customers(2);
        Assert.Equal(new[] { mandarin, away }.Order(), (await Task.WhenAll(shared.Select(Owner))).Select(o => o!.Value).Order());

        // Both skilled agents away (one until tomorrow): nobody is left although "english" and "plain" are free.
        await Profile(mandarin, false, ["mandarin"], api.Factory.Clock.GetUtcNow().UtcDateTime.AddDays(1));
        await Profile(away, true, ["mandarin"]);
        var unassigned = Assert.Single(await Customers(1));
        var owner = await Owner(unassigned);
        Assert.DoesNotContain(owner, new Guid?[] { mandarin, away, english, plain });
        Assert.Equal("other", (await Customer(unassigned))["industryCode"]?.GetValue<string>());
        var instance = await SingleInstanceAsync(t.Admin, unassigned);
        Assert.Equal(1, Count(instance, "assign", "none"));
        var none = await Decision(unassigned);
        Assert.Null(none["chosenUserId"]);
        Assert.Equal("nobodyAvailable", none["reasonCode"]!.GetValue<string>());
    }
}

public sealed class WorkflowSkillAssignmentTestsSqlite(SqliteApi api) : WorkflowSkillAssignmentTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowSkillAssignmentTestsMariaDb(MariaDbApi api) : WorkflowSkillAssignmentTests(api), IClassFixture<MariaDbApi>;
