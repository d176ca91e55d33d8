using System.Net;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

/// <summary>The instance list as the admin page reads it: names and titles in both languages instead of ids, with filters and keyset pages.</summary>
public abstract class WorkflowInstanceListTests(ApiFixture api)
{
    [Fact]
    public async Task List_items_carry_definition_names_record_type_names_and_current_step_titles_while_filters_and_pages_work()
    {
        var t = await TenantScenario.CreateAsync(api);
        var created = await t.Admin.PostOk("/api/workflows/definitions", new
        {
            name = "Reply follow-up", nameZh = "回复跟进",
            definition = Model("wait-reply",
                new { id = "wait-reply", activity = "WaitForEvent", name = "Wait for the customer's reply", nameZh = "等待客户回复",
                    properties = new { @event = "CustomerReplied" }, next = "done" },
                Step("done", "Complete")),
        }, HttpStatusCode.Created);
        var definitionId = created["id"]!.GetValue<Guid>();
        await t.Admin.PostOk($"/api/workflows/definitions/{definitionId}/draft/publish");
        var customers = new List<Guid>();
        for (var i = 0; i < 3; i++) customers.Add(await CustomerApi.CreateIdAsync(t.Admin, $"List Co {i} {Guid.NewGuid():N}"[..16]));
        await api.RunJobsAsync();
        await api.RunJobsAsync();

        // Two keyset pages, newest first, together the three instances.
        var first = await t.Admin.GetOk($"/api/workflows/instances?definitionId={definitionId}&pageSize=2");
        var cursor = first["nextCursor"]?.GetValue<string>();
        Assert.NotNull(cursor);
        var second = await t.Admin.GetOk($"/api/workflows/instances?definitionId={definitionId}&pageSize=2&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Null(second["nextCursor"]?.GetValue<string>());
        var items = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => i!).ToList();
        Assert.Equal(customers.Order(), items.Select(i => i["recordId"]!.GetValue<Guid>()).Order());
        var started = items.Select(i => i["startedAt"]!.GetValue<DateTime>()).ToList();
        Assert.Equal(started.OrderDescending(), started);

        Assert.All(items, i =>
        {
            Assert.Equal("Waiting", i["status"]!.GetValue<string>());
            Assert.Equal(("Reply follow-up", "回复跟进"), (i["definitionName"]!.GetValue<string>(), i["definitionNameZh"]!.GetValue<string>()));
            Assert.Equal("customer", i["recordType"]!.GetValue<string>());
            Assert.Equal(("Customer", "客户"), (i["recordTypeName"]!.GetValue<string>(), i["recordTypeNameZh"]!.GetValue<string>()));
            Assert.Equal("wait-reply", i["currentStepId"]!.GetValue<string>());
            Assert.Equal(("Wait for the customer's reply", "等待客户回复"), (i["currentStepName"]!.GetValue<string>(), i["currentStepNameZh"]!.GetValue<string>()));
            Assert.StartsWith("List Co", i["recordTitle"]!.GetValue<string>());
        });

        // Filters narrow the same list.
        Assert.Empty((await t.Admin.GetOk($"/api/workflows/instances?definitionId={definitionId}&status=Completed"))["items"]!.AsArray());
        Assert.Empty((await t.Admin.GetOk($"/api/workflows/instances?definitionId={definitionId}&recordType=ticket"))["items"]!.AsArray());
        var one = (await t.Admin.GetOk($"/api/workflows/instances?recordType=customer&recordId={customers[1]}"))["items"]!.AsArray();
        Assert.Equal(customers[1], Assert.Single(one)!["recordId"]!.GetValue<Guid>());

        // The detail names the waiting step of its bookmark too.
        var detail = await t.Admin.GetOk($"/api/workflows/instances/{one[0]!["id"]}");
        Assert.Equal("客户", detail["instance"]!["recordTypeNameZh"]!.GetValue<string>());
        var bookmark = Assert.Single(detail["bookmarks"]!.AsArray())!;
        Assert.Equal(("Wait for the customer's reply", "等待客户回复"), (bookmark["stepName"]!.GetValue<string>(), bookmark["stepNameZh"]!.GetValue<string>()));
    }
}

public sealed class WorkflowInstanceListTestsSqlite(SqliteApi api) : WorkflowInstanceListTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowInstanceListTestsMariaDb(MariaDbApi api) : WorkflowInstanceListTests(api), IClassFixture<MariaDbApi>;
