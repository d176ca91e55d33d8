using System.Net;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Service.CallCenter;

/// <summary>Calls on the customer's 360 timeline: one entry per call, on that customer's page only.</summary>
public abstract class CallTimelineTests(ApiFixture api) : CallCenterTestBase(api)
{
    private static IEnumerable<JsonNode> Calls(JsonNode profile) =>
        profile["timeline"]!.AsArray().Where(e => e!["kind"]!.GetValue<string>() == "call")!;

    [Fact]
    public async Task An_incoming_call_shows_on_its_customers_timeline_with_direction_duration_status_and_recording()
    {
        var t = await TenantScenario.CreateAsync(Api, "cct");
        var other = await TenantScenario.CreateAsync(Api, "cct2");
        var key = await IssueKeyAsync(t.Admin);
        var otherKey = await IssueKeyAsync(other.Admin);
        var caller = await CustomerAsync(t.Admin, "华东物流", ["13811112222"], [new { name = "王芳", mobile = "13811113333", isPrimary = true }]);
        var bystander = await CustomerAsync(t.Admin, "华北物流", ["13899990000"]);
        // The same number in another tenant belongs to another customer.
        var twin = await CustomerAsync(other.Admin, "华东物流", ["13811112222"]);

        await IncomingOkAsync(key, Call("138 1111 3333", "800", "tl-1"));
        await ApiClient.Expect(await TelephonyAsync("/api/telephony/call-answered", key, new { callId = "tl-1" }), HttpStatusCode.NoContent);
        await ApiClient.Expect(await TelephonyAsync("/api/telephony/call-ended", key,
            new { callId = "tl-1", durationSeconds = 95, recordingUrl = "https://pbx.example.com/rec/tl-1.mp3" }), HttpStatusCode.NoContent);
        await IncomingOkAsync(key, Call("13811112222", "800", "tl-2"));
        await ApiClient.Expect(await TelephonyAsync("/api/telephony/call-ended", key, new { callId = "tl-2" }), HttpStatusCode.NoContent);

        var profile = await t.Admin.GetOk($"/api/customers/{caller}/360");
        var entries = Calls(profile).ToList();
        Assert.Equal(2, entries.Count);
        var answeredId = LogId(await t.Admin.GetOk("/api/telephony/calls?number=138 1111 3333"));
        var answered = entries.Single(e => e["refId"]!.GetValue<Guid>() == answeredId);
        Assert.Equal("138 1111 3333", answered["title"]!.GetValue<string>());
        Assert.Equal("王芳", answered["detail"]!.GetValue<string>());
        Assert.Equal("In", answered["data"]!["direction"]!.GetValue<string>());
        Assert.Equal("95", answered["data"]!["durationSeconds"]!.GetValue<string>());
        Assert.Equal("Ended", answered["data"]!["status"]!.GetValue<string>());
        Assert.Equal("https://pbx.example.com/rec/tl-1.mp3", answered["data"]!["recordingUrl"]!.GetValue<string>());
        Assert.Equal($"/callcenter/calls?customerId={caller}", answered["link"]!.GetValue<string>());
        var missed = entries.Single(e => e["refId"]!.GetValue<Guid>() != answeredId);
        Assert.Equal("Missed", missed["data"]!["status"]!.GetValue<string>());
        Assert.Null(missed["data"]!["recordingUrl"]);
        Assert.Equal("0", missed["data"]!["durationSeconds"]!.GetValue<string>());
        // Newest first among the other entries (the customer's creation is an ownership entry).
        var times = profile["timeline"]!.AsArray().Select(e => e!["at"]!.GetValue<DateTime>()).ToList();
        Assert.Equal(times.OrderByDescending(x => x), times);

        Assert.Empty(Calls(await t.Admin.GetOk($"/api/customers/{bystander}/360")));
        Assert.Empty(Calls(await other.Admin.GetOk($"/api/customers/{twin}/360")));
        await IncomingOkAsync(otherKey, Call("13811112222", "800", "tl-1"));
        Assert.Single(Calls(await other.Admin.GetOk($"/api/customers/{twin}/360")));
        Assert.Equal(2, Calls(await t.Admin.GetOk($"/api/customers/{caller}/360")).Count());
    }

    private static Guid LogId(JsonNode list) => list["items"]!.AsArray().Single()!["id"]!.GetValue<Guid>();
}

public sealed class CallTimelineTestsSqlite(SqliteApi api) : CallTimelineTests(api), IClassFixture<SqliteApi>;
public sealed class CallTimelineTestsMariaDb(MariaDbApi api) : CallTimelineTests(api), IClassFixture<MariaDbApi>;
