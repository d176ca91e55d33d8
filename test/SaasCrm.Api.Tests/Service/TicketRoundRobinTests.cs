using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.BackgroundJobs;

namespace SaasCrm.Api.Tests.Service;

/// <summary>The seeded ticket auto-assignment template under load: tickets created at once through the API, dealt round-robin.</summary>
public abstract class TicketRoundRobinTests(ApiFixture api)
{
    private static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();

    [Fact]
    public async Task A_hundred_tickets_created_concurrently_are_dealt_round_robin_over_a_team_of_five_agents_twenty_each()
    {
        var t = await TenantScenario.CreateAsync(api, "rr");
        var team = await t.CreateDepartmentAsync("Repair team");
        var head = await t.CreateUserAsync("teamhead", "manager", team);
        await ApiClient.Expect(await t.Admin.PutAsync($"/api/departments/{team}/head", new { userId = head }), HttpStatusCode.NoContent);
        var agents = new List<Guid>();
        for (var i = 0; i < 5; i++) agents.Add(await t.CreateUserAsync($"agent{i}", "service", team));
        var customer = Id(await t.Admin.PostOk("/api/customers", new { kind = "Company", name = "RR Co " + t.Name, phones = Array.Empty<string>(), emails = Array.Empty<string>(), tags = Array.Empty<string>() }, HttpStatusCode.Created));

        // "repair" routes to the ticket's department's service agents (the manager heading the team is not one).
        var ids = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
            Id(await t.Admin.PostOk("/api/tickets", new { customerId = customer, title = $"Repair {i}", categoryCode = "repair", priorityCode = "normal", departmentId = team }, HttpStatusCode.Created)))));
        Assert.Equal(100, ids.Distinct().Count());

        // Four workers (four nodes' claimers) contend on the same round-robin pointer until no job is left.
        var workers = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<JobWorker>(api.Factory.Services)).ToList();
        for (var round = 0; ; round++)
        {
            Assert.True(round < 50, "jobs kept falling due");
            var ran = await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunDueJobsAsync(CancellationToken.None))));
            if (ran.Sum() == 0) break;
        }

        var owners = new Dictionary<Guid, int>();
        foreach (var id in ids)
        {
            var ticket = await t.Admin.GetOk($"/api/tickets/{id}");
            Assert.Equal("Assigned", ticket["status"]!.GetValue<string>());
            var assignee = ticket["assigneeId"]!.GetValue<Guid>();
            owners[assignee] = owners.GetValueOrDefault(assignee) + 1;
        }
        Assert.Equal(agents.Order(), owners.Keys.Order());
        Assert.All(owners.Values, n => Assert.InRange(n, 19, 21));

        // One decision per ticket, each a round-robin pick that agrees with the ticket.
        var decisions = (await t.Admin.GetOk("/api/workflows/assignments?recordType=ticket")).AsArray().Select(d => d!).ToList();
        Assert.Equal(100, decisions.Count);
        Assert.Equal(ids.Order(), decisions.Select(d => d["recordId"]!.GetValue<Guid>()).Order());
        Assert.All(decisions, d => Assert.Equal("roundRobin", d["strategy"]!.GetValue<string>()));
        Assert.Equal(owners.OrderBy(o => o.Key), decisions.GroupBy(d => d["chosenUserId"]!.GetValue<Guid>()).Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(o => o.Key));
    }
}

public sealed class TicketRoundRobinTestsSqlite(SqliteApi api) : TicketRoundRobinTests(api), IClassFixture<SqliteApi>;

public sealed class TicketRoundRobinTestsMariaDb(MariaDbApi api) : TicketRoundRobinTests(api), IClassFixture<MariaDbApi>;
