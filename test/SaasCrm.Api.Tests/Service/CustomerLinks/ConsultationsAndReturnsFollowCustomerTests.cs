using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Service.CustomerLinks;

namespace SaasCrm.Api.Tests.Service.CustomerLinks;

/// <summary>Consultations and returns move with their customer like tickets and complaints: merge, undo of the merge, handover.</summary>
public abstract class ConsultationsAndReturnsFollowCustomerTests(ApiFixture api)
{
    private static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();

    private static async Task<Guid> ConsultationAsync(ServiceDesk desk, Guid? customerId) =>
        Id(await desk.Admin.PostOk("/api/consultations", new
        {
            enquiryTypeCode = "product", content = "海尔冰箱是否支持以旧换新？", customerId, productCategoryCode = "appliances", brandCode = "haier", quantity = 1,
        }, HttpStatusCode.Created));

    private static async Task<Guid> TransferredConsultationAsync(ServiceDesk desk, Guid customerId, Guid assignee)
    {
        var id = await ConsultationAsync(desk, customerId);
        await desk.Admin.PostOk($"/api/consultations/{id}/transfer", new { departmentId = desk.ServiceDept, assigneeId = assignee, note = "请售后答复" });
        return id;
    }

    private static async Task<Guid> ReturnAsync(ServiceDesk desk, Guid customerId, decimal amount) =>
        Id(await desk.Admin.PostOk("/api/returns", new
        {
            kind = "PriceProtection", customerId, departmentId = desk.ServiceDept, productCategoryCode = "digital", reasonCode = "price-drop", amount,
        }, HttpStatusCode.Created));

    private static async Task<(int Consultations, int Returns)> CountsAsync(ServiceDesk desk, Guid customerId)
    {
        var slots = (await desk.Admin.GetOk($"/api/customers/{customerId}/360"))["slots"]!.AsArray();
        int Count(string kind) => slots.Single(s => s!["kind"]!.GetValue<string>() == kind)!["count"]!.GetValue<int>();
        return (Count("consultation"), Count("return"));
    }

    private static async Task<Guid> CustomerAsync(ServiceDesk desk, string name) =>
        Id(await desk.Admin.PostOk("/api/customers", new { kind = "Company", name = name + desk.Tenant.Name, phones = Array.Empty<string>(), emails = Array.Empty<string>(), tags = Array.Empty<string>() }, HttpStatusCode.Created));

    [Fact]
    public async Task Merge_moves_consultations_and_returns_to_the_survivor_and_undoing_it_moves_back_exactly_those()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var survivor = desk.CustomerId;
        var loser = await CustomerAsync(desk, "东方电气（重复）");
        var loserConsultations = new[] { await ConsultationAsync(desk, loser), await TransferredConsultationAsync(desk, loser, desk.Agent1Id) };
        var loserReturns = new[] { await ReturnAsync(desk, loser, 120m), await ReturnAsync(desk, loser, 80m) };
        await ConsultationAsync(desk, survivor);
        await ReturnAsync(desk, survivor, 50m);
        // A walk-in consultation without a customer is never touched.
        var walkIn = await ConsultationAsync(desk, null);
        Assert.Equal((2, 2), await CountsAsync(desk, loser));
        Assert.Equal((1, 1), await CountsAsync(desk, survivor));

        var mergeId = Guid.NewGuid();
        await HandleAsync(desk, new CustomersMerged(mergeId, survivor, [loser]));
        await HandleAsync(desk, new CustomersMerged(mergeId, survivor, [loser])); // redelivered: nothing more happens
        Assert.Equal((0, 0), await CountsAsync(desk, loser));
        Assert.Equal((3, 3), await CountsAsync(desk, survivor));
        Assert.Equal(survivor, (await desk.Admin.GetOk($"/api/consultations/{loserConsultations[1]}"))["customerId"]!.GetValue<Guid>());
        Assert.Equal(survivor, (await desk.Admin.GetOk($"/api/returns/{loserReturns[0]}"))["customerId"]!.GetValue<Guid>());
        Assert.Equal(3, (await desk.Admin.GetOk($"/api/consultations?customerId={survivor}"))["total"]!.GetValue<int>());
        Assert.Contains((await desk.Admin.GetOk($"/api/returns/{loserReturns[1]}"))["history"]!.AsArray(), h => h!["action"]!.GetValue<string>() == "merge");

        // Recorded on the survivor after the merge: stays there when the merge is undone.
        var later = await ConsultationAsync(desk, survivor);
        var laterReturn = await ReturnAsync(desk, survivor, 10m);
        await HandleAsync(desk, new CustomerMergeReverted(mergeId, survivor, [loser]));
        Assert.Equal((2, 2), await CountsAsync(desk, loser));
        Assert.Equal((2, 2), await CountsAsync(desk, survivor));
        Assert.Equal(loserConsultations.Order(), (await desk.Admin.GetOk($"/api/consultations?customerId={loser}"))["items"]!.AsArray().Select(i => Id(i!)).Order());
        Assert.Equal(survivor, (await desk.Admin.GetOk($"/api/consultations/{later}"))["customerId"]!.GetValue<Guid>());
        Assert.Equal(survivor, (await desk.Admin.GetOk($"/api/returns/{laterReturn}"))["customerId"]!.GetValue<Guid>());
        Assert.Null((await desk.Admin.GetOk($"/api/consultations/{walkIn}"))["customerId"]?.GetValue<Guid?>());

        // Undone once: a redelivered undo finds nothing left to move.
        await HandleAsync(desk, new CustomerMergeReverted(mergeId, survivor, [loser]));
        Assert.Equal((2, 2), await CountsAsync(desk, loser));
    }

    [Fact]
    public async Task Handover_moves_the_open_consultations_assigned_to_the_leaving_user_only()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var handed = await CustomerAsync(desk, "交接客户");
        var open = await TransferredConsultationAsync(desk, handed, desk.Agent1Id);
        var answered = await TransferredConsultationAsync(desk, handed, desk.Agent1Id);
        await desk.Admin.PostOk($"/api/consultations/{answered}/department-answer", new { content = "支持以旧换新，补贴 10%。" });
        await desk.Admin.PostOk($"/api/consultations/{answered}/answer", new { content = "已电话告知", replyChannelCode = "phone" });
        var otherCustomer = await TransferredConsultationAsync(desk, desk.CustomerId, desk.Agent1Id);
        var otherAssignee = await TransferredConsultationAsync(desk, handed, desk.HeadId);
        var entry = await ReturnAsync(desk, handed, 99m);

        await HandleAsync(desk, new CustomersHandedOver(Guid.NewGuid(), desk.Agent1Id, desk.Agent2Id, [handed], IncludeOpenRecords: true));

        async Task<Guid?> AssigneeAsync(Guid id) => (await desk.Admin.GetOk($"/api/consultations/{id}"))["assigneeId"]?.GetValue<Guid?>();
        Assert.Equal(desk.Agent2Id, await AssigneeAsync(open));
        Assert.Equal(desk.Agent1Id, await AssigneeAsync(answered));
        Assert.Equal(desk.Agent1Id, await AssigneeAsync(otherCustomer));
        Assert.Equal(desk.HeadId, await AssigneeAsync(otherAssignee));
        var detail = await desk.Admin.GetOk($"/api/consultations/{open}");
        Assert.Contains(detail["history"]!.AsArray(), h => h!["action"]!.GetValue<string>() == "handover" && h["toValue"]!.GetValue<string>() == desk.Agent2Id.ToString());
        // Agent 2 now answers it as its assignee sees it.
        var agent2 = await desk.LoginAsync(api, "agent2");
        Assert.Contains((await agent2.GetOk("/api/consultations?view=mine"))["items"]!.AsArray(), i => Id(i!) == open);
        // Returns have no assignee the customer's owner hands over: the entry is untouched.
        Assert.Equal(handed, (await desk.Admin.GetOk($"/api/returns/{entry}"))["customerId"]!.GetValue<Guid>());

        // A handover without open records moves nothing.
        var second = await TransferredConsultationAsync(desk, handed, desk.Agent1Id);
        await HandleAsync(desk, new CustomersHandedOver(Guid.NewGuid(), desk.Agent1Id, desk.Agent2Id, [handed], IncludeOpenRecords: false));
        Assert.Equal(desk.Agent1Id, await AssigneeAsync(second));
    }

    /// <summary>Delivers a customer event to the service desk's handler inside the tenant, as the outbox dispatcher does.</summary>
    private async Task HandleAsync<TEvent>(ServiceDesk desk, TEvent e) where TEvent : notnull
    {
        using var scope = ServiceTestHost.For(api).Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(desk.Tenant.Id);
        var context = new SaasCrm.Platform.Events.EventContext(Guid.NewGuid(), 1);
        switch (e)
        {
            case CustomersHandedOver h: await scope.ServiceProvider.GetRequiredService<ServiceHandoverHandler>().HandleAsync(h, context, default); break;
            case CustomersMerged m: await scope.ServiceProvider.GetRequiredService<ServiceMergeHandler>().HandleAsync(m, context, default); break;
            case CustomerMergeReverted r: await scope.ServiceProvider.GetRequiredService<ServiceMergeRevertHandler>().HandleAsync(r, context, default); break;
        }
    }
}

public sealed class ConsultationsAndReturnsFollowCustomerTestsSqlite(SqliteApi api) : ConsultationsAndReturnsFollowCustomerTests(api), IClassFixture<SqliteApi>;
public sealed class ConsultationsAndReturnsFollowCustomerTestsMariaDb(MariaDbApi api) : ConsultationsAndReturnsFollowCustomerTests(api), IClassFixture<MariaDbApi>;
