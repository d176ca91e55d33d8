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

public abstract class CallCenterTests(ApiFixture api)
{
    private const string Incoming = "/api/telephony/incoming-call";

    /// <summary>The telephony system: no user, only the key header.</summary>
    private Task<HttpResponseMessage> TelephonyAsync(string path, string? key, object body)
    {
        var http = api.Factory.CreateClient();
        if (key is not null) http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http.PostAsJsonAsync(path, body, ApiClient.Json);
    }

    private static object Call(string number, string extension, string? callId = null) =>
        new { callerNumber = number, agentExtension = extension, callId = callId ?? Guid.NewGuid().ToString("N"), startedAt = (DateTime?)null };

    private static async Task<string> IssueKeyAsync(ApiClient admin, string name = "PBX") =>
        (await admin.PostOk("/api/telephony/keys", new { name }, HttpStatusCode.Created))["key"]!.GetValue<string>();

    private static async Task<Guid> CustomerAsync(ApiClient client, string name, string[] phones, object[]? contacts = null, Guid? ownerId = null) =>
        (await client.PostOk("/api/customers", new { kind = "Company", name, phones, emails = Array.Empty<string>(), tags = Array.Empty<string>(), contacts = contacts ?? [], ownerId },
            HttpStatusCode.Created))["id"]!.GetValue<Guid>();

    private async Task<JsonNode> IncomingOkAsync(string key, object body) => await ApiClient.Expect(await TelephonyAsync(Incoming, key, body), HttpStatusCode.OK);

    /// <summary>A hub connection as the browser makes it: the JWT in the access_token query string.</summary>
    private async Task<(HubConnection Connection, ConcurrentQueue<JsonObject> Received, Func<string, Task<JsonObject>> WaitFor)> ConnectAsync(ApiClient client)
    {
        var received = new ConcurrentQueue<JsonObject>();
        var arrivals = new ConcurrentDictionary<string, TaskCompletionSource<JsonObject>>();
        TaskCompletionSource<JsonObject> Slot(string callId) => arrivals.GetOrAdd(callId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        var connection = new HubConnectionBuilder()
            .WithUrl($"http://localhost/hubs/notifications?access_token={Uri.EscapeDataString(client.AccessToken!)}", o =>
            {
                o.HttpMessageHandlerFactory = _ => api.Factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        connection.On<JsonObject>("callcenter.incoming", pop =>
        {
            received.Enqueue(pop);
            Slot(pop["callId"]!.GetValue<string>()).TrySetResult(pop);
        });
        await connection.StartAsync();
        return (connection, received, callId => Slot(callId).Task.WaitAsync(TimeSpan.FromSeconds(15)));
    }

    private async Task<List<TelephonyDialRequest>> DialRequestsAsync(Guid tenantId)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        return await scope.Services.GetRequiredService<PlatformDbContext>().Set<TelephonyDialRequest>().AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Keys_are_shown_once_listed_by_prefix_and_a_revoked_or_wrong_key_is_refused()
    {
        var t = await TenantScenario.CreateAsync(api, "cc");
        var issued = await t.Admin.PostOk("/api/telephony/keys", new { name = "Main PBX" }, HttpStatusCode.Created);
        var key = issued["key"]!.GetValue<string>();
        Assert.StartsWith(t.Id.ToString("N") + ".", key);

        var list = (await t.Admin.GetOk("/api/telephony/keys")).AsArray();
        var row = Assert.Single(list)!;
        Assert.Equal("Main PBX", row["name"]!.GetValue<string>());
        Assert.Equal(key[33..41], row["prefix"]!.GetValue<string>());
        Assert.Null(row["key"]); // never shown again
        Assert.Null(row["lastUsedAt"]);

        await IncomingOkAsync(key, Call("13800000001", "800"));
        Assert.NotNull((await t.Admin.GetOk("/api/telephony/keys"))[0]!["lastUsedAt"]!.GetValue<DateTime?>());

        await ApiClient.ExpectProblem(await TelephonyAsync(Incoming, null, Call("13800000001", "800")), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");
        await ApiClient.ExpectProblem(await TelephonyAsync(Incoming, key + "x", Call("13800000001", "800")), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");
        await ApiClient.ExpectProblem(await TelephonyAsync(Incoming, "garbage", Call("13800000001", "800")), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");
        // A bad body with a wrong key learns nothing but 401.
        await ApiClient.ExpectProblem(await TelephonyAsync(Incoming, "garbage", new { }), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");

        var id = row["id"]!.GetValue<Guid>();
        var revoke = await t.Admin.DeleteAsync($"/api/telephony/keys/{id}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await ApiClient.ExpectProblem(await TelephonyAsync(Incoming, key, Call("13800000001", "800")), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");
        await ApiClient.ExpectProblem(await TelephonyAsync("/api/telephony/call-ended", key, new { callId = "x" }), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");
        Assert.NotNull((await t.Admin.GetOk("/api/telephony/keys"))[0]!["revokedAt"]!.GetValue<DateTime?>());

        var bad = await ApiClient.Expect(await t.Admin.PostAsync("/api/telephony/keys", new { name = "" }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["name"]);
    }

    [Fact]
    public async Task A_key_of_one_tenant_never_acts_in_another()
    {
        var a = await TenantScenario.CreateAsync(api, "cca");
        var b = await TenantScenario.CreateAsync(api, "ccb");
        var keyA = await IssueKeyAsync(a.Admin);
        var agentB = await b.CreateUserAsync("agentb", "service");
        await b.Admin.PutOk("/api/telephony/extensions", new { userId = agentB, extension = "801" });
        await CustomerAsync(b.Admin, "B's customer", ["13811112222"]);

        // A's secret under B's tenant id: B has no such key.
        var forged = b.Id.ToString("N") + keyA[32..];
        await ApiClient.ExpectProblem(await TelephonyAsync(Incoming, forged, Call("13811112222", "801")), HttpStatusCode.Unauthorized, "callcenter.api_key_invalid");

        // A's key reaches A only: B's extension and customer are unknown there, and B gets no call log.
        var result = await IncomingOkAsync(keyA, Call("13811112222", "801"));
        Assert.False(result["agentFound"]!.GetValue<bool>());
        Assert.False(result["customerMatched"]!.GetValue<bool>());
        Assert.Equal(0, (await b.Admin.GetOk("/api/telephony/calls"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await a.Admin.GetOk("/api/telephony/calls"))["total"]!.GetValue<int>());

        // Admin endpoints: another tenant's key, extension and call answer 404.
        var keyId = (await a.Admin.GetOk("/api/telephony/keys"))[0]!["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.DeleteAsync($"/api/telephony/keys/{keyId}")).StatusCode);
        Assert.Empty((await b.Admin.GetOk("/api/telephony/keys")).AsArray());
        var extId = (await b.Admin.GetOk("/api/telephony/extensions"))[0]!["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.NotFound, (await a.Admin.DeleteAsync($"/api/telephony/extensions/{extId}")).StatusCode);
        Assert.Empty((await a.Admin.GetOk("/api/telephony/extensions")).AsArray());
        var callA = (await a.Admin.GetOk("/api/telephony/calls"))["items"]![0]!;
        await ApiClient.Expect(await b.Admin.PutAsync($"/api/telephony/calls/{callA["id"]}/note", new { note = "x", concurrencyStamp = callA["concurrencyStamp"]!.GetValue<string>() }), HttpStatusCode.NotFound);
        // B's user cannot be given an extension in A.
        var foreignUser = await ApiClient.Expect(await a.Admin.PutAsync("/api/telephony/extensions", new { userId = agentB, extension = "900" }), HttpStatusCode.BadRequest);
        Assert.NotNull(foreignUser["errors"]!["userId"]);
        // Nor can A's staff dial B's customer.
        var agentA = await a.CreateUserAsync("agenta", "service");
        await a.Admin.PutOk("/api/telephony/extensions", new { userId = agentA, extension = "801" });
        var bCustomer = await CustomerAsync(b.Admin, "B other", ["13811113333"]);
        var agentAClient = await a.LoginAsync("agenta");
        Assert.Equal(HttpStatusCode.NotFound, (await agentAClient.PostAsync("/api/telephony/calls", new { customerId = bCustomer })).StatusCode);
    }

    [Fact]
    public async Task An_incoming_call_matches_customer_phones_in_any_format_and_contact_mobiles_and_shows_on_the_360()
    {
        var t = await TenantScenario.CreateAsync(api, "ccm");
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
    public async Task The_screen_pop_reaches_only_the_mapped_agent_over_SignalR_with_the_customer_360()
    {
        var t = await TenantScenario.CreateAsync(api, "ccp");
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
    public async Task Click_to_call_goes_through_the_provider_and_logs_an_outgoing_call()
    {
        var t = await TenantScenario.CreateAsync(api, "ccd");
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
        var t = await TenantScenario.CreateAsync(api, "cca");
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
        api.Factory.Clock.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(HttpStatusCode.NoContent, (await TelephonyAsync("/api/telephony/call-answered", key, new { callId })).StatusCode);
        var answered = await LogAsync(id);
        Assert.Equal("Answered", answered["status"]!.GetValue<string>());
        Assert.Equal(8, SecondsAfterStart(answered, "answeredAt"));
        Assert.Null(answered["endedAt"]);
        api.Factory.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.NoContent, (await TelephonyAsync("/api/telephony/call-answered", key, new { callId })).StatusCode);
        Assert.Equal(8, SecondsAfterStart(await LogAsync(id), "answeredAt"));

        // The hang-up closes it: talk time counts from the answer (62 s), not from the first ring.
        api.Factory.Clock.Advance(TimeSpan.FromSeconds(59));
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
        var late = api.Factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(5);
        await ApiClient.Expect(await TelephonyAsync("/api/telephony/call-answered", key, new { callId = unanswered["callId"]!.GetValue<string>(), answeredAt = late }), HttpStatusCode.BadRequest);
        Assert.Equal("Missed", (await LogAsync(unanswered["id"]!.GetValue<Guid>()))["status"]!.GetValue<string>());

        // A system that reports ends only (no answer): a call with talk time is ended, timed from its start.
        var incoming = await IncomingOkAsync(key, Call("13611112222", "8100", $"in-{Guid.NewGuid():N}"));
        var incomingId = incoming["callLogId"]!.GetValue<Guid>();
        var incomingCallId = (await LogAsync(incomingId))["callId"]!.GetValue<string>();
        api.Factory.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(HttpStatusCode.NoContent, (await TelephonyAsync("/api/telephony/call-ended", key, new { callId = incomingCallId })).StatusCode);
        var incomingEnded = await LogAsync(incomingId);
        Assert.Equal("Ended", incomingEnded["status"]!.GetValue<string>());
        Assert.Equal(40, incomingEnded["durationSeconds"]!.GetValue<int>());

        // Refused: a wrong key (401), an answer before the call started (400); another tenant's key does not find the call (404).
        var other = await TenantScenario.CreateAsync(api, "ccb");
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

    [Fact]
    public async Task Keys_and_extensions_need_the_settings_permission_and_extensions_are_unique()
    {
        var t = await TenantScenario.CreateAsync(api, "ccs");
        var sales = await t.CreateUserAsync("rep", "sales");
        var other = await t.CreateUserAsync("rep2", "sales");
        var rep = await t.LoginAsync("rep");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/telephony/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync("/api/telephony/keys", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.DeleteAsync($"/api/telephony/keys/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/telephony/extensions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PutAsync("/api/telephony/extensions", new { userId = sales, extension = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.DeleteAsync($"/api/telephony/extensions/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync("/api/telephony/calls")).StatusCode);

        // A user without the call center permission: a role with nothing but customers.
        var role = await t.Admin.PostOk("/api/identity/roles", new { name = "viewer", dataScope = "Self", permissions = new[] { "Customers.Customers" } }, HttpStatusCode.Created);
        var viewer = await t.Admin.PostOk("/api/identity/users", new
        {
            userName = "viewer", name = "viewer", email = "viewer@example.com", password = CrmApiFactory.Password,
            roleIds = new[] { role["id"]!.GetValue<Guid>() }, departmentIds = Array.Empty<Guid>(),
        }, HttpStatusCode.Created);
        Assert.NotEqual(Guid.Empty, viewer["id"]!.GetValue<Guid>());
        var v = await t.LoginAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await v.GetAsync("/api/telephony/calls")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await v.PostAsync("/api/telephony/calls", new { number = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await v.PutAsync($"/api/telephony/calls/{Guid.NewGuid()}/note", new { note = "x", concurrencyStamp = "x" })).StatusCode);

        await t.Admin.PutOk("/api/telephony/extensions", new { userId = sales, extension = "601" });
        await ApiClient.ExpectProblem(await t.Admin.PutAsync("/api/telephony/extensions", new { userId = other, extension = "601" }), HttpStatusCode.Conflict, "callcenter.extension_taken");
        // Changing one's own extension replaces it.
        await t.Admin.PutOk("/api/telephony/extensions", new { userId = sales, extension = "602" });
        await t.Admin.PutOk("/api/telephony/extensions", new { userId = other, extension = "601" });
        var list = (await t.Admin.GetOk("/api/telephony/extensions")).AsArray();
        Assert.Equal(["601", "602"], list.Select(e => e!["extension"]!.GetValue<string>()));
        Assert.Equal("rep2", list[0]!["userName"]!.GetValue<string>());
        var bad = await ApiClient.Expect(await t.Admin.PutAsync("/api/telephony/extensions", new { userId = sales, extension = "12 34" }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["extension"]);
        Assert.Equal(HttpStatusCode.NoContent, (await t.Admin.DeleteAsync($"/api/telephony/extensions/{list[0]!["id"]}")).StatusCode);
        Assert.Single((await t.Admin.GetOk("/api/telephony/extensions")).AsArray());
    }

    [Fact]
    public async Task Merging_customers_moves_their_calls_to_the_survivor_and_undoing_moves_them_back()
    {
        var t = await TenantScenario.CreateAsync(api, "ccg");
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

    /// <summary>Delivers a customer event to the call center's handler inside the tenant, as the outbox dispatcher does.</summary>
    private async Task HandleAsync<TEvent>(Guid tenantId, TEvent e) where TEvent : notnull
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        var context = new SaasCrm.Platform.Events.EventContext(Guid.NewGuid(), 1);
        switch (e)
        {
            case CustomersMerged m: await scope.Services.GetRequiredService<CallMergeHandler>().HandleAsync(m, context, default); break;
            case CustomerMergeReverted r: await scope.Services.GetRequiredService<CallMergeRevertHandler>().HandleAsync(r, context, default); break;
        }
    }

    private static async Task<Guid> AdminIdAsync(TenantScenario t) => (await t.Admin.GetOk("/api/account/me"))["userId"]!.GetValue<Guid>();
}

public sealed class CallCenterTestsSqlite(SqliteApi api) : CallCenterTests(api), IClassFixture<SqliteApi>;
public sealed class CallCenterTestsMariaDb(MariaDbApi api) : CallCenterTests(api), IClassFixture<MariaDbApi>;
