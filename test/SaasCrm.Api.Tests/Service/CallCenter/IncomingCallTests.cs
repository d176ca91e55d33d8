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
using SaasCrm.Customers.Data;
using SaasCrm.Customers.Domain;
using SaasCrm.Service.CallCenter.Calls;
using SaasCrm.Service.CallCenter.Domain;

namespace SaasCrm.Api.Tests.Service.CallCenter;

/// <summary>Incoming calls: matched to customers and contacts, popped on the mapped agent's screen, moved with a merge.</summary>
public abstract class IncomingCallTests(ApiFixture api) : CallCenterTestBase(api)
{
    [Fact]
    public async Task An_incoming_call_matches_customer_phones_in_any_format_and_contact_mobiles_and_shows_on_the_360()
    {
        var t = await TenantScenario.CreateAsync(Api, "ccm");
        var key = await IssueKeyAsync(t.Admin);
        var byPhone = await CustomerAsync(t.Admin, "东方电气", ["13800138000"]);
        var byContact = await CustomerAsync(t.Admin, "西部机械", ["021-5555 0000"], [new { name = "陈明", mobile = "139 1600-1001", isPrimary = true }]);

        foreach (var form in new[] { "+86 138 0013 8000", "138-0013-8000", "008613800138000", "13800138000" })
        {
            var r = await IncomingOkAsync(key, Call(form, "800"));
            Assert.True(r["customerMatched"]!.GetValue<bool>(), form);
        }
        var contactCall = await IncomingOkAsync(key, Call("+86-139-1600-1001", "800"));
        Assert.True(contactCall["customerMatched"]!.GetValue<bool>());
        var landline = await IncomingOkAsync(key, Call("021 5555 0000", "800"));
        Assert.True(landline["customerMatched"]!.GetValue<bool>());
        var unknown = await IncomingOkAsync(key, Call("13700000000", "800"));
        Assert.False(unknown["customerMatched"]!.GetValue<bool>());

        var forPhone = await t.Admin.GetOk($"/api/telephony/calls?customerId={byPhone}");
        Assert.Equal(4, forPhone["total"]!.GetValue<int>());
        Assert.All(forPhone["items"]!.AsArray(), i => Assert.Equal("东方电气", i!["customerName"]!.GetValue<string>()));
        var forContact = await t.Admin.GetOk($"/api/telephony/calls?customerId={byContact}&sort=startedAt");
        Assert.Equal(2, forContact["total"]!.GetValue<int>());
        Assert.Equal("陈明", forContact["items"]![0]!["contactName"]!.GetValue<string>());
        Assert.Equal("In", forContact["items"]![0]!["direction"]!.GetValue<string>());

        var profile = await t.Admin.GetOk($"/api/customers/{byPhone}/360");
        var slot = profile["slots"]!.AsArray().Single(s => s!["kind"]!.GetValue<string>() == "call")!;
        Assert.Equal(4, slot["count"]!.GetValue<int>());
        Assert.Equal(4, slot["items"]!.AsArray().Count);
        Assert.Contains("13800138000", slot["items"]![0]!["title"]!.GetValue<string>());

        // A repeated report of the same call is the same call.
        var once = await IncomingOkAsync(key, Call("13700000001", "800", "dup-1"));
        var twice = await IncomingOkAsync(key, Call("13700000001", "800", "dup-1"));
        Assert.Equal(once["callLogId"]!.GetValue<Guid>(), twice["callLogId"]!.GetValue<Guid>());

        // The end of the call: duration and recording.
        var ended = await TelephonyAsync("/api/telephony/call-ended", key, new { callId = "dup-1", durationSeconds = 125, recordingUrl = "https://pbx.example.com/rec/dup-1.mp3" });
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        var log = (await t.Admin.GetOk("/api/telephony/calls?number=13700000001"))["items"]![0]!;
        Assert.Equal(125, log["durationSeconds"]!.GetValue<int>());
        Assert.Equal("https://pbx.example.com/rec/dup-1.mp3", log["recordingUrl"]!.GetValue<string>());
        await ApiClient.Expect(await TelephonyAsync("/api/telephony/call-ended", key, new { callId = "dup-1", recordingUrl = "javascript:alert(1)" }), HttpStatusCode.BadRequest);
        await ApiClient.Expect(await TelephonyAsync("/api/telephony/call-ended", key, new { callId = "nope" }), HttpStatusCode.NotFound);
        var badBody = await ApiClient.Expect(await TelephonyAsync(Incoming, key, new { callerNumber = "", agentExtension = "800", callId = "x" }), HttpStatusCode.BadRequest);
        Assert.NotNull(badBody["errors"]!["callerNumber"]);
    }

    [Fact]
    public async Task Contact_numbers_saved_before_their_digits_were_kept_match_after_the_backfill()
    {
        var t = await TenantScenario.CreateAsync(Api, "ccb");
        var key = await IssueKeyAsync(t.Admin);
        var customer = await CustomerAsync(t.Admin, "旧数据贸易", [], [
            new { name = "老联系人", mobile = "+86 139-1234-5678", phone = "(0755) 8888.1234", isPrimary = true },
            new { name = "全角输入", mobile = "（137）1234－0000", phone = (string?)null, isPrimary = false },
        ]);
        await using (var scope = Api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(t.Id))
        {
            // As the rows were before the digits columns: empty; then the migration's statements, as both databases run them.
            var db = scope.Services.GetRequiredService<PlatformDbContext>();
            await db.Set<Contact>().Where(c => c.CustomerId == customer)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.MobileDigits, (string?)null).SetProperty(c => c.PhoneDigits, (string?)null));
            Assert.False((await IncomingOkAsync(key, Call("13912345678", "800")))["customerMatched"]!.GetValue<bool>());
            foreach (var statement in ContactDigitsBackfill.Statements()) await db.Database.ExecuteSqlRawAsync(statement);
            var contacts = await db.Set<Contact>().AsNoTracking().Where(c => c.CustomerId == customer).ToDictionaryAsync(c => c.Name);
            Assert.Equal(("13912345678", "075588881234"), (contacts["老联系人"].MobileDigits, contacts["老联系人"].PhoneDigits));
            // Full-width brackets and dash, as Chinese input types them.
            Assert.Equal(("13712340000", (string?)null), (contacts["全角输入"].MobileDigits, contacts["全角输入"].PhoneDigits));
        }
        Assert.True((await IncomingOkAsync(key, Call("139 1234 5678", "800")))["customerMatched"]!.GetValue<bool>());
        Assert.True((await IncomingOkAsync(key, Call("0755-88881234", "800")))["customerMatched"]!.GetValue<bool>());
        Assert.True((await IncomingOkAsync(key, Call("13712340000", "800")))["customerMatched"]!.GetValue<bool>());
        // Only whole numbers match: the same last digits of another number do not.
        Assert.False((await IncomingOkAsync(key, Call("13800005678", "800")))["customerMatched"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_screen_pop_reaches_only_the_mapped_agent_over_SignalR_with_the_customer_360()
    {
        var t = await TenantScenario.CreateAsync(Api, "ccp");
        var dept = await t.CreateDepartmentAsync("Service");
        var agent1 = await t.CreateUserAsync("agent1", "service", dept);
        var agent2 = await t.CreateUserAsync("agent2", "service", dept);
        await t.Admin.PutOk("/api/telephony/extensions", new { userId = agent1, extension = "801" });
        await t.Admin.PutOk("/api/telephony/extensions", new { userId = agent2, extension = "802" });
        var key = await IssueKeyAsync(t.Admin);
        var customer = await CustomerAsync(t.Admin, "南方家电", ["13912345678"], ownerId: agent1);
        var hidden = await CustomerAsync(t.Admin, "Admin only", ["13955556666"]);
        await t.Admin.PostOk("/api/tickets", new { customerId = customer, title = "空调不制冷", categoryCode = "repair", priorityCode = "normal" }, HttpStatusCode.Created);

        var (hub1, got1, wait1) = await ConnectAsync(await t.LoginAsync("agent1"));
        await using var _1 = hub1;
        var (hub2, got2, wait2) = await ConnectAsync(await t.LoginAsync("agent2"));
        await using var _2 = hub2;

        await IncomingOkAsync(key, Call("+86 139 1234 5678", "801", "pop-1"));
        var pop = await wait1("pop-1");
        Assert.Equal("+86 139 1234 5678", pop["number"]!.GetValue<string>());
        Assert.False(pop["matchedHidden"]!.GetValue<bool>());
        var card = pop["customer"]!;
        Assert.Equal(customer, card["id"]!.GetValue<Guid>());
        Assert.Equal("南方家电", card["name"]!.GetValue<string>());
        Assert.Equal("agent1", card["ownerName"]!.GetValue<string>());
        Assert.Equal(1, card["openTickets"]!.GetValue<int>());

        // Unknown number at agent2: a pop without a customer (the UI offers to create one); agent1 got nothing more.
        await IncomingOkAsync(key, Call("13700001111", "802", "pop-2"));
        var unknown = await wait2("pop-2");
        Assert.Null(unknown["customer"]);
        Assert.Equal(["pop-1"], got1.Select(p => p["callId"]!.GetValue<string>()));
        Assert.Equal(["pop-2"], got2.Select(p => p["callId"]!.GetValue<string>()));

        // A customer outside the agent's data scope: the pop says a customer matches, but not which.
        await IncomingOkAsync(key, Call("13955556666", "801", "pop-4"));
        var outside = await wait1("pop-4");
        Assert.Null(outside["customer"]);
        Assert.True(outside["matchedHidden"]!.GetValue<bool>());
        Assert.Equal(hidden, (await t.Admin.GetOk("/api/telephony/calls?number=13955556666"))["items"]![0]!["customerId"]!.GetValue<Guid>());

        // An extension nobody holds: logged, no pop.
        var nobody = await IncomingOkAsync(key, Call("13912345678", "999", "pop-3"));
        Assert.False(nobody["agentFound"]!.GetValue<bool>());
        Assert.Equal(2, got1.Count);
        Assert.Single(got2);
    }

    [Fact]
    public async Task Merging_customers_moves_their_calls_to_the_survivor_and_undoing_moves_them_back()
    {
        var t = await TenantScenario.CreateAsync(Api, "ccg");
        var key = await IssueKeyAsync(t.Admin);
        var survivor = await CustomerAsync(t.Admin, "Survivor", ["13600000001"]);
        var loser = await CustomerAsync(t.Admin, "Loser", ["13600000002"]);
        await IncomingOkAsync(key, Call("13600000002", "800"));
        await IncomingOkAsync(key, Call("13600000002", "800"));
        var mergeId = Guid.NewGuid();
        await HandleAsync(t.Id, new CustomersMerged(mergeId, survivor, [loser]));
        await HandleAsync(t.Id, new CustomersMerged(mergeId, survivor, [loser])); // redelivered: nothing more happens
        Assert.Equal(2, (await t.Admin.GetOk($"/api/telephony/calls?customerId={survivor}"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await t.Admin.GetOk($"/api/telephony/calls?customerId={loser}"))["total"]!.GetValue<int>());
        // A call logged on the survivor after the merge stays there when the merge is undone.
        await IncomingOkAsync(key, Call("13600000001", "800"));
        await HandleAsync(t.Id, new CustomerMergeReverted(mergeId, survivor, [loser]));
        Assert.Equal(2, (await t.Admin.GetOk($"/api/telephony/calls?customerId={loser}"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await t.Admin.GetOk($"/api/telephony/calls?customerId={survivor}"))["total"]!.GetValue<int>());
    }
}

public sealed class IncomingCallTestsSqlite(SqliteApi api) : IncomingCallTests(api), IClassFixture<SqliteApi>;
public sealed class IncomingCallTestsMariaDb(MariaDbApi api) : IncomingCallTests(api), IClassFixture<MariaDbApi>;
