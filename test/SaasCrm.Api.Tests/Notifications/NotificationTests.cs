using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.Notifications;
using static SaasCrm.Api.Tests.Notifications.NotificationTestKit;

namespace SaasCrm.Api.Tests.Notifications;

public abstract class NotificationTests(ApiFixture api)
{
    private static NotificationMessage Message(TestUser user, string title, NotificationChannels channels, string kind = "test.kind") =>
        new(user.Id, kind, title, "body of " + title, "/customers/42", channels, $"test:{Guid.NewGuid():N}");

    /// <summary>A hub connection as the browser makes it: the JWT in the access_token query string.</summary>
    private async Task<(HubConnection Connection, ConcurrentQueue<JsonObject> Received, Func<string, Task> WaitFor)> ConnectAsync(ApiClient client)
    {
        var received = new ConcurrentQueue<JsonObject>();
        var arrivals = new ConcurrentDictionary<string, TaskCompletionSource>();
        var connection = new HubConnectionBuilder()
            .WithUrl($"http://localhost/hubs/notifications?access_token={Uri.EscapeDataString(client.AccessToken!)}", o =>
            {
                o.HttpMessageHandlerFactory = _ => api.Factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        connection.On<JsonObject>("notification", n =>
        {
            received.Enqueue(n);
            arrivals.GetOrAdd(n["title"]!.GetValue<string>(), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        });
        await connection.StartAsync();
        return (connection, received, title => arrivals.GetOrAdd(title, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))
            .Task.WaitAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task A_popup_reaches_its_user_over_SignalR_and_no_other_user_or_tenant()
    {
        var tenant = await TenantScenario.CreateAsync(api, "notify");
        var other = await TenantScenario.CreateAsync(api, "notify");
        var alice = await CreateUserAsync(tenant, "alice", "sales");
        var bob = await CreateUserAsync(tenant, "bob", "sales");
        // Same user name in another tenant: groups are per tenant and user.
        var aliceElsewhere = await CreateUserAsync(other, "alice", "sales");

        var (aliceHub, aliceGot, aliceWait) = await ConnectAsync(await tenant.LoginAsync(alice.UserName));
        var (bobHub, bobGot, bobWait) = await ConnectAsync(await tenant.LoginAsync(bob.UserName));
        var (elsewhereHub, elsewhereGot, elsewhereWait) = await ConnectAsync(await other.LoginAsync(aliceElsewhere.UserName));
        await using var _ = aliceHub;
        await using var __ = bobHub;
        await using var ___ = elsewhereHub;

        await SendAsync(api, tenant.Id, Message(alice, "for alice", NotificationChannels.InApp));
        await api.RunJobsAsync();
        await aliceWait("for alice");
        var popup = Assert.Single(aliceGot);
        Assert.Equal("test.kind", popup["kind"]!.GetValue<string>());
        Assert.Equal("/customers/42", popup["link"]!.GetValue<string>());
        Assert.Equal((await NotificationsAsync(api, tenant.Id, alice.Id)).Single().Id, popup["id"]!.GetValue<Guid>());

        // Later popups to the others arrive on their connections after anything sent to them before: had alice's
        // been sent to them, it would be there first.
        await SendAsync(api, tenant.Id, Message(bob, "for bob", NotificationChannels.InApp));
        await SendAsync(api, other.Id, Message(aliceElsewhere, "for the other alice", NotificationChannels.InApp));
        await api.RunJobsAsync();
        await bobWait("for bob");
        await elsewhereWait("for the other alice");
        Assert.Equal(["for bob"], bobGot.Select(n => n["title"]!.GetValue<string>()));
        Assert.Equal(["for the other alice"], elsewhereGot.Select(n => n["title"]!.GetValue<string>()));
        Assert.Single(aliceGot);
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_token()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl("http://localhost/hubs/notifications", o =>
            {
                o.HttpMessageHandlerFactory = _ => api.Factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await using var _ = connection;
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task The_bell_lists_newest_first_by_keyset_counts_unread_and_marks_read()
    {
        var tenant = await TenantScenario.CreateAsync(api, "bell");
        var other = await TenantScenario.CreateAsync(api, "bell");
        var user = await CreateUserAsync(tenant, "bell", "service");
        var colleague = await CreateUserAsync(tenant, "coll", "sales");
        var outsider = await CreateUserAsync(other, "out", "sales");
        foreach (var title in new[] { "one", "two", "three" })
        {
            await SendAsync(api, tenant.Id, Message(user, title, NotificationChannels.InApp));
            api.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        // Email only: not in the bell.
        await SendAsync(api, tenant.Id, Message(user, "mail only", NotificationChannels.Email));
        var client = await tenant.LoginAsync(user.UserName);

        var first = await client.GetOk("/api/notifications?pageSize=2");
        Assert.Equal(["three", "two"], first["items"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));
        Assert.Equal(3, first["unreadCount"]!.GetValue<int>());
        var second = await client.GetOk($"/api/notifications?pageSize=2&cursor={first["nextCursor"]!.GetValue<string>()}");
        Assert.Equal(["one"], second["items"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));
        Assert.Null(second["nextCursor"]);

        var oneId = second["items"]![0]!["id"]!.GetValue<Guid>();
        // Someone else's notification answers 404, in the same tenant and in another one.
        await ApiClient.ExpectProblem(await (await tenant.LoginAsync(colleague.UserName)).PostAsync($"/api/notifications/{oneId}/read"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await (await other.LoginAsync(outsider.UserName)).PostAsync($"/api/notifications/{oneId}/read"), HttpStatusCode.NotFound, "not_found");
        Assert.Empty((await (await other.LoginAsync(outsider.UserName)).GetOk("/api/notifications"))["items"]!.AsArray());

        await ApiClient.Expect(await client.PostAsync($"/api/notifications/{oneId}/read"), HttpStatusCode.NoContent);
        Assert.Equal(2, (await client.GetOk("/api/notifications/unread-count"))["count"]!.GetValue<int>());
        Assert.Equal(["three", "two"], (await client.GetOk("/api/notifications?unreadOnly=true"))["items"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));

        Assert.Equal(2, (await client.PostOk("/api/notifications/read-all"))["updated"]!.GetValue<int>());
        Assert.Equal(0, (await client.GetOk("/api/notifications"))["unreadCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Email_goes_through_SMTP_once_even_when_delivery_runs_again()
    {
        var tenant = await TenantScenario.CreateAsync(api, "mail");
        var user = await CreateUserAsync(tenant, "mail", "sales");
        var message = Message(user, "Call 张伟 back", NotificationChannels.InApp | NotificationChannels.Email);
        await SendAsync(api, tenant.Id, message);
        Assert.Empty(MailsTo(api, user)); // nothing leaves before the delivery job runs
        await api.RunJobsAsync();

        var mail = Assert.Single(MailsTo(api, user)).Parse();
        Assert.Equal("Call 张伟 back", mail.Subject);
        Assert.Contains("body of Call 张伟 back", mail.TextBody);
        Assert.Contains("/customers/42", mail.TextBody);
        var notification = (await NotificationsAsync(api, tenant.Id, user.Id)).Single();
        Assert.NotNull(notification.EmailSentAt);
        Assert.Equal($"{notification.Id:N}@saascrm.notifications", mail.MessageId);

        // The same message again (a redelivered job upstream) and another worker round: still one mail.
        await SendAsync(api, tenant.Id, message);
        await api.RunJobsAsync();
        Assert.Single(MailsTo(api, user));
        Assert.Single(await NotificationsAsync(api, tenant.Id, user.Id));
    }

    [Fact]
    public async Task Sms_is_recorded_by_the_default_provider_once()
    {
        var tenant = await TenantScenario.CreateAsync(api, "sms");
        var user = await CreateUserAsync(tenant, "sms", "sales");
        var client = await tenant.LoginAsync(user.UserName);
        // The generic default is in-app and email; this user wants SMS for this kind too.
        await client.PutOk("/api/notifications/preferences", new { items = new[] { new { kind = "reminder", channels = new[] { "InApp", "Sms" } } } });
        var message = Message(user, "visit", NotificationChannels.InApp | NotificationChannels.Email | NotificationChannels.Sms, kind: "reminder");
        await SendAsync(api, tenant.Id, message);
        await api.RunJobsAsync();
        await SendAsync(api, tenant.Id, message);
        await api.RunJobsAsync();

        var sms = Assert.Single(await SmsAsync(api, tenant.Id, user.Id));
        Assert.Equal(user.Phone, sms.PhoneNumber);
        Assert.Contains("visit", sms.Text);
        Assert.Empty(MailsTo(api, user)); // email was narrowed away by the preference
    }

    [Fact]
    public async Task Preferences_default_to_the_kinds_channels_and_narrow_what_is_sent()
    {
        var tenant = await TenantScenario.CreateAsync(api, "prefs");
        var user = await CreateUserAsync(tenant, "prefs", "manager");
        var client = await tenant.LoginAsync(user.UserName);

        var defaults = (await client.GetOk("/api/notifications/preferences")).AsArray();
        var reminder = defaults.Single(p => p!["kind"]!.GetValue<string>() == "reminder")!;
        Assert.True(reminder["isDefault"]!.GetValue<bool>());
        Assert.Equal("预约提醒", reminder["displayName"]!["zh"]!.GetValue<string>());

        var saved = (await client.PutOk("/api/notifications/preferences", new { items = new[] { new { kind = "reminder", channels = new[] { "InApp" } } } })).AsArray();
        var narrowed = saved.Single(p => p!["kind"]!.GetValue<string>() == "reminder")!;
        Assert.Equal(["InApp"], narrowed["channels"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.False(narrowed["isDefault"]!.GetValue<bool>());

        await SendAsync(api, tenant.Id, Message(user, "narrowed", NotificationChannels.InApp | NotificationChannels.Email | NotificationChannels.Sms, kind: "reminder"));
        // A kind without a stored preference keeps the platform default: in-app and email, no SMS.
        await SendAsync(api, tenant.Id, Message(user, "generic", NotificationChannels.InApp | NotificationChannels.Email | NotificationChannels.Sms));
        await api.RunJobsAsync();
        Assert.Equal(["generic"], MailsTo(api, user).Select(m => m.Parse().Subject));
        Assert.Empty(await SmsAsync(api, tenant.Id, user.Id));
        Assert.Equal(2, (await client.GetOk("/api/notifications"))["unreadCount"]!.GetValue<int>());

        await ApiClient.ExpectProblem(await client.PutAsync("/api/notifications/preferences", new { items = new[] { new { kind = "no.such.kind", channels = new[] { "InApp" } } } }),
            HttpStatusCode.BadRequest, "validation_failed");
    }
}

public sealed class NotificationTestsSqlite(SqliteApi api) : NotificationTests(api), IClassFixture<SqliteApi>;
public sealed class NotificationTestsMariaDb(MariaDbApi api) : NotificationTests(api), IClassFixture<MariaDbApi>;
