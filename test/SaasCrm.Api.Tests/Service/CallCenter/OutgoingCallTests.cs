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

/// <summary>Click-to-call through the provider, and the answer and end of a call by the provider's call id.</summary>
public abstract class OutgoingCallTests(ApiFixture api) : CallCenterTestBase(api)
{
    [Fact]
    public async Task Click_to_call_goes_through_the_provider_and_logs_an_outgoing_call()
    {
        var t = await TenantScenario.CreateAsync(Api, "ccd");
        var agent = await t.CreateUserAsync("caller", "sales");
        var customer = await CustomerAsync(t.Admin, "北方贸易", ["010-8888 6666"], [new { name = "李雷", mobile = "13600001234", isPrimary = true }]);
        var caller = await t.LoginAsync("caller");

        await ApiClient.ExpectProblem(await caller.PostAsync("/api/telephony/calls", new { number = "13600001234" }), HttpStatusCode.Conflict, "callcenter.no_extension");
        await t.Admin.PutOk("/api/telephony/extensions", new { userId = agent, extension = "8001" });

        // The customer is the admin's, not in the sales user's scope: 404.
        Assert.Equal(HttpStatusCode.NotFound, (await caller.PostAsync("/api/telephony/calls", new { customerId = customer })).StatusCode);
        var log = await t.Admin.PutOk("/api/telephony/extensions", new { userId = await AdminIdAsync(t), extension = "8000" });
        var call = await t.Admin.PostOk("/api/telephony/calls", new { customerId = customer }, HttpStatusCode.Created);
        Assert.Equal("Out", call["direction"]!.GetValue<string>());
        Assert.Equal("13600001234", call["number"]!.GetValue<string>()); // the primary contact's mobile
        Assert.Equal("李雷", call["contactName"]!.GetValue<string>());
        Assert.Equal(customer, call["customerId"]!.GetValue<Guid>());

        var bare = await caller.PostOk("/api/telephony/calls", new { number = "13500009999" }, HttpStatusCode.Created);
        Assert.Null(bare["customerId"]);
        Assert.Equal("8001", bare["agentExtension"]!.GetValue<string>());

        var requests = await DialRequestsAsync(t.Id);
        Assert.Equal(2, requests.Count);
        Assert.Contains(requests, r => r.AgentExtension == "8000" && r.Number == "13600001234" && r.ProviderCallId == call["callId"]!.GetValue<string>());
        Assert.Contains(requests, r => r.AgentExtension == "8001" && r.Number == "13500009999");

        // Data scope: the sales user sees their own call only; the admin sees both.
        var mine = await caller.GetOk("/api/telephony/calls");
        Assert.Equal(1, mine["total"]!.GetValue<int>());
        Assert.Equal(2, (await t.Admin.GetOk("/api/telephony/calls?direction=Out"))["total"]!.GetValue<int>());
        var adminCall = call["id"]!.GetValue<Guid>();
        await ApiClient.Expect(await caller.PutAsync($"/api/telephony/calls/{adminCall}/note", new { note = "x", concurrencyStamp = call["concurrencyStamp"]!.GetValue<string>() }), HttpStatusCode.NotFound);

        // Notes carry the concurrency stamp.
        var noted = await t.Admin.PutOk($"/api/telephony/calls/{adminCall}/note", new { note = "Wants a quote", concurrencyStamp = call["concurrencyStamp"]!.GetValue<string>() });
        Assert.Equal("Wants a quote", noted["note"]!.GetValue<string>());
        await ApiClient.Expect(await t.Admin.PutAsync($"/api/telephony/calls/{adminCall}/note", new { note = "stale", concurrencyStamp = call["concurrencyStamp"]!.GetValue<string>() }), HttpStatusCode.Conflict);
        Assert.NotNull(log);
    }

    [Fact]
    public async Task An_outgoing_call_is_answered_and_ended_by_the_providers_call_id()
    {
        var t = await TenantScenario.CreateAsync(Api, "cca");
        var key = await IssueKeyAsync(t.Admin);
        await t.Admin.PutOk("/api/telephony/extensions", new { userId = await AdminIdAsync(t), extension = "8100" });
        var customer = await CustomerAsync(t.Admin, "南方电器", ["13611112222"]);
        async Task<JsonNode> LogAsync(Guid id) =>
            (await t.Admin.GetOk($"/api/telephony/calls?customerId={customer}&pageSize=50"))["items"]!.AsArray().Single(c => c!["id"]!.GetValue<Guid>() == id)!;

        var call = await t.Admin.PostOk("/api/telephony/calls", new { customerId = customer }, HttpStatusCode.Created);
        var id = call["id"]!.GetValue<Guid>();
        var callId = call["callId"]!.GetValue<string>();
        Assert.Equal("Ringing", call["status"]!.GetValue<string>());
        // As stored (MariaDB keeps microseconds): times below are compared as whole seconds after the start.
        var started = DateTime.SpecifyKind((await LogAsync(id))["startedAt"]!.GetValue<DateTime>(), DateTimeKind.Utc);
        int SecondsAfterStart(JsonNode log, string field) => (int)Math.Round((log[field]!.GetValue<DateTime>() - started).TotalSeconds);

        // The provider reports the answer by the id it handed out on dialling; a repeated report changes nothing.
        Api.Factory.Clock.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(HttpStatusCode.NoContent, (await TelephonyAsync("/api/telephony/call-answered", key, new { callId })).StatusCode);
        var answered = await LogAsync(id);
        Assert.Equal("Answered", answered["status"]!.GetValue<string>());
        Assert.Equal(8, SecondsAfterStart(answered, "answeredAt"));
        Assert.Null(answered["endedAt"]);
        Api.Factory.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.NoContent, (await TelephonyAsync("/api/telephony/call-answered", key, new { callId })).StatusCode);
        Assert.Equal(8, SecondsAfterStart(await LogAsync(id), "answeredAt"));

        // The hang-up closes it: talk time counts from the answer (62 s), not from the first ring.
        Api.Factory.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.NoContent, (await TelephonyAsync("/api/telephony/call-ended", key, new { callId, recordingUrl = "https://pbx.example.com/rec/out.mp3" })).StatusCode);
        var ended = await LogAsync(id);
        Assert.Equal("Ended", ended["status"]!.GetValue<string>());
        Assert.Equal(70, SecondsAfterStart(ended, "endedAt"));
        Assert.Equal(62, ended["durationSeconds"]!.GetValue<int>());
        Assert.Equal("https://pbx.example.com/rec/out.mp3", ended["recordingUrl"]!.GetValue<string>());
        await ApiClient.ExpectProblem(await TelephonyAsync("/api/telephony/call-answered", key, new { callId = "unknown-call" }), HttpStatusCode.NotFound, "not_found");

        // Nobody picked up: ended without an answer and without talk time is missed.
        var unanswered = await t.Admin.PostOk("/api/telephony/calls", new { customerId = customer }, HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await TelephonyAsync("/api/telephony/call-ended", key, new { callId = unanswered["callId"]!.GetValue<string>(), durationSeconds = 0 })).StatusCode);
        Assert.Equal("Missed", (await LogAsync(unanswered["id"]!.GetValue<Guid>()))["status"]!.GetValue<string>());
        // An answer reported as after the end is out of order: refused, the call stays missed.
        var late = Api.Factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(5);
        await ApiClient.Expect(await TelephonyAsync("/api/telephony/call-answered", key, new { callId = unanswered["callId"]!.GetValue<string>(), answeredAt = late }), HttpStatusCode.BadRequest);
        Assert.Equal("Missed", (await LogAsync(unanswered["id"]!.GetValue<Guid>()))["status"]!.GetValue<string>());

        // A system that reports ends only (no answer): a call with talk time is ended, timed from its start.
        var incoming = await IncomingOkAsync(key, Call("13611112222", "8100", $"in-{Guid.NewGuid():N}"));
        var incomingId = incoming["callLogId"]!.GetValue<Guid>();
        var incomingCallId = (await LogAsync(incomingId))["callId"]!.GetValue<string>();
        Api.Factory.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(HttpStatusCode.NoContent, (await TelephonyAsync("/api/telephony/call-ended", key, new { callId = incomingCallId })).StatusCode);
        var incomingEnded = await LogAsync(incomingId);
        Assert.Equal("Ended", incomingEnded["status"]!.GetValue<string>());
        Assert.Equal(40, incomingEnded["durationSeconds"]!.GetValue<int>());

        // Refused: a wrong key (401), an answer before the call started (400); another tenant's key does not find the call (404).
        var other = await TenantScenario.CreateAsync(Api, "ccb");
        var otherKey = await IssueKeyAsync(other.Admin);
        var ringing = await t.Admin.PostOk("/api/telephony/calls", new { customerId = customer }, HttpStatusCode.Created);
        var ringingCallId = ringing["callId"]!.GetValue<string>();
        await ApiClient.ExpectProblem(await TelephonyAsync("/api/telephony/call-answered", key + "x", new { callId = ringingCallId }), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");
        await ApiClient.ExpectProblem(await TelephonyAsync("/api/telephony/call-answered", otherKey, new { callId = ringingCallId }), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await TelephonyAsync("/api/telephony/call-ended", otherKey, new { callId = ringingCallId }), HttpStatusCode.NotFound, "not_found");
        var early = await ApiClient.Expect(await TelephonyAsync("/api/telephony/call-answered", key, new { callId = ringingCallId, answeredAt = started.AddMinutes(-1) }), HttpStatusCode.BadRequest);
        Assert.NotNull(early["errors"]!["answeredAt"]);
        Assert.Equal("Ringing", (await LogAsync(ringing["id"]!.GetValue<Guid>()))["status"]!.GetValue<string>());
    }
}

public sealed class OutgoingCallTestsSqlite(SqliteApi api) : OutgoingCallTests(api), IClassFixture<SqliteApi>;
public sealed class OutgoingCallTestsMariaDb(MariaDbApi api) : OutgoingCallTests(api), IClassFixture<MariaDbApi>;
