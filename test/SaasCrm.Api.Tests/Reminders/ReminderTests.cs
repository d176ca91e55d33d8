using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using static SaasCrm.Api.Tests.Notifications.NotificationTestKit;

namespace SaasCrm.Api.Tests.Reminders;

public abstract class ReminderTests(ApiFixture api)
{
    private static readonly string[] AllChannels = ["InApp", "Email", "Sms"];

    private DateTimeOffset Now => api.Factory.Clock.GetUtcNow();

    /// <summary>Until the customer API lands, customers are written directly inside the tenant.</summary>
    private async Task<Guid> SeedCustomerAsync(Guid tenantId, Guid ownerId, string name)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        var db = scope.Services.GetRequiredService<PlatformDbContext>();
        var customer = new Customer { Name = name, NormalizedName = name, OwnerId = ownerId, OwnedSince = Now.UtcDateTime, Kind = CustomerKind.Company };
        db.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    private static async Task<JsonNode> CreateAsync(ApiClient client, string subject, DateTimeOffset dueAt, string[]? channels = null, Guid? customerId = null, Guid? ownerId = null) =>
        await client.PostOk("/api/reminders", new { subject, dueAt, channels = channels ?? AllChannels, customerId, ownerId, note = "bring the quote" }, HttpStatusCode.Created);

    private async Task<string> StatusAsync(ApiClient client, Guid id) => (await client.GetOk($"/api/reminders/{id}"))["status"]!.GetValue<string>();

    /// <summary>Moves the clock and runs due jobs; access tokens live 15 minutes on the same clock, so callers sign in again after.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        api.Factory.Clock.Advance(by);
        await api.RunJobsAsync();
    }

    private static Guid Id(JsonNode reminder) => reminder["id"]!.GetValue<Guid>();

    [Fact]
    public async Task A_reminder_fires_at_its_due_time_not_before_on_every_channel_with_a_link_to_its_customer()
    {
        var tenant = await TenantScenario.CreateAsync(api, "rem");
        var rep = await CreateUserAsync(tenant, "rep", "sales");
        var customerId = await SeedCustomerAsync(tenant.Id, rep.Id, "华为技术");
        var client = await tenant.LoginAsync(rep.UserName);
        var reminder = await CreateAsync(client, "Call back about the quote", Now.AddMinutes(10), customerId: customerId);
        Assert.Equal("Pending", reminder["status"]!.GetValue<string>());

        await AdvanceAsync(TimeSpan.FromMinutes(9));
        client = await tenant.LoginAsync(rep.UserName);
        Assert.Equal("Pending", await StatusAsync(client, Id(reminder)));
        Assert.Empty(await NotificationsAsync(api, tenant.Id, rep.Id));

        await AdvanceAsync(TimeSpan.FromMinutes(1));
        var fired = await client.GetOk($"/api/reminders/{Id(reminder)}");
        Assert.Equal("Fired", fired["status"]!.GetValue<string>());
        Assert.NotNull(fired["firedAt"]);

        var bell = (await client.GetOk("/api/notifications"))["items"]!.AsArray();
        var item = Assert.Single(bell)!;
        Assert.Equal("reminder", item["kind"]!.GetValue<string>());
        Assert.Equal("Call back about the quote", item["title"]!.GetValue<string>());
        Assert.Equal($"/customers/{customerId}", item["link"]!.GetValue<string>());
        Assert.Contains("华为技术", item["body"]!.GetValue<string>());
        Assert.Equal("Call back about the quote", Assert.Single(MailsTo(api, rep)).Parse().Subject);
        Assert.Equal(rep.Phone, Assert.Single(await SmsAsync(api, tenant.Id, rep.Id)).PhoneNumber);
    }

    [Fact]
    public async Task A_reminder_due_while_the_app_was_down_fires_once_after_start()
    {
        var tenant = await TenantScenario.CreateAsync(api, "down");
        var rep = await CreateUserAsync(tenant, "down", "sales");
        var client = await tenant.LoginAsync(rep.UserName);
        var reminder = await CreateAsync(client, "Visit the site", Now.AddMinutes(5));

        // No worker runs while "down"; hours later two fresh nodes start and both poll, twice.
        api.Factory.Clock.Advance(TimeSpan.FromHours(3));
        Assert.True(await api.RunJobsAsync(api.NewWorker("restarted-1")) >= 1);
        await api.RunJobsAsync(api.NewWorker("restarted-2"));
        await api.RunJobsAsync(api.NewWorker("restarted-1"));

        client = await tenant.LoginAsync(rep.UserName);
        Assert.Equal("Fired", await StatusAsync(client, Id(reminder)));
        Assert.Single(await NotificationsAsync(api, tenant.Id, rep.Id));
        Assert.Single(MailsTo(api, rep));
        Assert.Single(await SmsAsync(api, tenant.Id, rep.Id));
    }

    [Fact]
    public async Task Snooze_fires_again_later_and_done_or_cancel_stop_it()
    {
        var tenant = await TenantScenario.CreateAsync(api, "snooze");
        var rep = await CreateUserAsync(tenant, "snz", "service");
        var client = await tenant.LoginAsync(rep.UserName);
        var reminder = await CreateAsync(client, "Follow up", Now.AddMinutes(5), channels: ["InApp"]);
        await AdvanceAsync(TimeSpan.FromMinutes(5));
        client = await tenant.LoginAsync(rep.UserName);
        Assert.Equal("Fired", await StatusAsync(client, Id(reminder)));

        var snoozed = await client.PostOk($"/api/reminders/{Id(reminder)}/snooze", new { minutes = 10 });
        Assert.Equal("Pending", snoozed["status"]!.GetValue<string>());
        await AdvanceAsync(TimeSpan.FromMinutes(9));
        Assert.Single(await NotificationsAsync(api, tenant.Id, rep.Id));
        await AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, (await NotificationsAsync(api, tenant.Id, rep.Id)).Count);

        // Snooze until a time, then mark done before it: nothing more fires.
        client = await tenant.LoginAsync(rep.UserName);
        await client.PostOk($"/api/reminders/{Id(reminder)}/snooze", new { until = Now.AddHours(1) });
        Assert.Equal("Done", (await client.PostOk($"/api/reminders/{Id(reminder)}/done"))["status"]!.GetValue<string>());
        await ApiClient.ExpectProblem(await client.PostAsync($"/api/reminders/{Id(reminder)}/snooze", new { minutes = 5 }), HttpStatusCode.Conflict, "reminder.closed");

        var cancelled = await CreateAsync(client, "Cancelled one", Now.AddMinutes(30), channels: ["InApp"]);
        Assert.Equal("Cancelled", (await client.PostOk($"/api/reminders/{Id(cancelled)}/cancel"))["status"]!.GetValue<string>());
        await ApiClient.ExpectProblem(await client.PostAsync($"/api/reminders/{Id(cancelled)}/done"), HttpStatusCode.Conflict, "reminder.closed");

        await AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Equal(2, (await NotificationsAsync(api, tenant.Id, rep.Id)).Count);
        client = await tenant.LoginAsync(rep.UserName);
        Assert.Equal("Done", await StatusAsync(client, Id(reminder)));
        Assert.Equal("Cancelled", await StatusAsync(client, Id(cancelled)));

        await ApiClient.ExpectProblem(await client.PostAsync($"/api/reminders/{Id(cancelled)}/snooze", new { minutes = 5, until = Now.AddHours(1) }),
            HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_rescheduled_reminder_fires_at_the_new_time_only_and_a_stale_edit_is_refused()
    {
        var tenant = await TenantScenario.CreateAsync(api, "resched");
        var rep = await CreateUserAsync(tenant, "rs", "sales");
        var client = await tenant.LoginAsync(rep.UserName);
        var reminder = await CreateAsync(client, "Demo", Now.AddMinutes(10), channels: ["InApp", "Email"]);
        var stamp = reminder["concurrencyStamp"]!.GetValue<string>();

        var edited = await client.PutOk($"/api/reminders/{Id(reminder)}", new
        {
            subject = "Demo (moved)", dueAt = Now.AddMinutes(60), channels = new[] { "InApp" }, concurrencyStamp = stamp,
        });
        Assert.Equal(["InApp"], edited["channels"]!.AsArray().Select(c => c!.GetValue<string>()));
        await ApiClient.Expect(await client.PutAsync($"/api/reminders/{Id(reminder)}", new
        {
            subject = "stale", dueAt = Now.AddMinutes(90), channels = new[] { "InApp" }, concurrencyStamp = stamp,
        }), HttpStatusCode.Conflict);

        // The old job runs at the old time and finds the due time changed.
        await AdvanceAsync(TimeSpan.FromMinutes(11));
        client = await tenant.LoginAsync(rep.UserName);
        Assert.Equal("Pending", await StatusAsync(client, Id(reminder)));
        Assert.Empty(await NotificationsAsync(api, tenant.Id, rep.Id));

        await AdvanceAsync(TimeSpan.FromMinutes(49));
        client = await tenant.LoginAsync(rep.UserName);
        Assert.Equal("Fired", await StatusAsync(client, Id(reminder)));
        Assert.Equal("Demo (moved)", Assert.Single(await NotificationsAsync(api, tenant.Id, rep.Id)).Title);
        Assert.Empty(MailsTo(api, rep)); // email was taken off in the edit
    }

    [Fact]
    public async Task Team_scope_shows_a_manager_the_reminders_of_their_department_and_a_rep_only_their_own()
    {
        var tenant = await TenantScenario.CreateAsync(api, "team");
        var sales = await tenant.CreateDepartmentAsync("Sales");
        var east = await tenant.CreateDepartmentAsync("East", sales);
        var service = await tenant.CreateDepartmentAsync("Service");
        var manager = await CreateUserAsync(tenant, "mgr", "manager", sales);
        var rep = await CreateUserAsync(tenant, "rep", "sales", east);
        var outsider = await CreateUserAsync(tenant, "svc", "service", service);
        var managerClient = await tenant.LoginAsync(manager.UserName);
        var repClient = await tenant.LoginAsync(rep.UserName);
        var outsiderClient = await tenant.LoginAsync(outsider.UserName);
        var managers = await CreateAsync(managerClient, "manager's", Now.AddDays(1));
        var reps = await CreateAsync(repClient, "rep's", Now.AddDays(2));
        await CreateAsync(outsiderClient, "outsider's", Now.AddDays(3));

        static async Task<List<string>> Subjects(ApiClient client, string query) =>
            (await client.GetOk("/api/reminders" + query))["items"]!.AsArray().Select(r => r!["subject"]!.GetValue<string>()).ToList();

        Assert.Equal(["manager's"], await Subjects(managerClient, ""));
        Assert.Equal(["manager's", "rep's"], await Subjects(managerClient, "?scope=team"));
        Assert.Equal(["rep's"], await Subjects(managerClient, $"?scope=team&ownerId={rep.Id}"));
        Assert.Equal(["rep's"], await Subjects(repClient, "?scope=team"));
        var from = Uri.EscapeDataString(Now.AddDays(1.5).ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(["rep's"], await Subjects(managerClient, $"?scope=team&dueFrom={from}&status=Pending"));
        Assert.Empty(await Subjects(managerClient, "?scope=team&status=Done"));

        // The manager may act on the rep's reminder; the rep cannot even see the manager's.
        await managerClient.PostOk($"/api/reminders/{Id(reps)}/snooze", new { minutes = 30 });
        await ApiClient.ExpectProblem(await repClient.GetAsync($"/api/reminders/{Id(managers)}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await repClient.PostAsync($"/api/reminders/{Id(managers)}/done"), HttpStatusCode.NotFound, "not_found");

        // A manager may remind a team member; a rep may not remind the manager.
        var assigned = await CreateAsync(managerClient, "for the rep", Now.AddDays(1), ownerId: rep.Id);
        Assert.Equal(rep.Id, assigned["ownerId"]!.GetValue<Guid>());
        await ApiClient.ExpectProblem(await repClient.PostAsync("/api/reminders", new { subject = "x", dueAt = Now.AddDays(1), ownerId = manager.Id }),
            HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Another_tenants_reminder_or_an_invisible_customer_answers_404_and_bad_input_400()
    {
        var tenant = await TenantScenario.CreateAsync(api, "iso");
        var other = await TenantScenario.CreateAsync(api, "iso");
        var rep = await CreateUserAsync(tenant, "rep", "sales");
        var colleague = await CreateUserAsync(tenant, "col", "sales");
        var stranger = await CreateUserAsync(other, "rep", "manager");
        var client = await tenant.LoginAsync(rep.UserName);
        var reminder = await CreateAsync(client, "mine", Now.AddHours(1));

        var strangerClient = await other.LoginAsync(stranger.UserName);
        await ApiClient.ExpectProblem(await strangerClient.GetAsync($"/api/reminders/{Id(reminder)}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await strangerClient.PostAsync($"/api/reminders/{Id(reminder)}/cancel"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await strangerClient.PutAsync($"/api/reminders/{Id(reminder)}", new
        {
            subject = "taken", dueAt = Now.AddHours(2), channels = new[] { "InApp" }, concurrencyStamp = reminder["concurrencyStamp"]!.GetValue<string>(),
        }), HttpStatusCode.NotFound, "not_found");
        Assert.Empty((await strangerClient.GetOk("/api/reminders?scope=team"))["items"]!.AsArray());

        // A customer of a colleague (sales scope is Self) or of another tenant cannot be linked.
        var colleaguesCustomer = await SeedCustomerAsync(tenant.Id, colleague.Id, "Colleague Co");
        var foreignCustomer = await SeedCustomerAsync(other.Id, stranger.Id, "Foreign Co");
        await ApiClient.ExpectProblem(await client.PostAsync("/api/reminders", new { subject = "x", dueAt = Now.AddHours(1), customerId = colleaguesCustomer }), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await client.PostAsync("/api/reminders", new { subject = "x", dueAt = Now.AddHours(1), customerId = foreignCustomer }), HttpStatusCode.NotFound, "not_found");

        await ApiClient.ExpectProblem(await client.PostAsync("/api/reminders", new { subject = "past", dueAt = Now.AddMinutes(-1) }), HttpStatusCode.BadRequest, "validation_failed");
        await ApiClient.ExpectProblem(await client.PostAsync("/api/reminders", new { subject = "", dueAt = Now.AddHours(1), channels = new[] { "Fax" } }), HttpStatusCode.BadRequest, "bad_request");
        Assert.Single((await client.GetOk("/api/reminders"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_users_preference_narrows_a_reminders_channels()
    {
        var tenant = await TenantScenario.CreateAsync(api, "narrow");
        var rep = await CreateUserAsync(tenant, "nar", "sales");
        var client = await tenant.LoginAsync(rep.UserName);
        await client.PutOk("/api/notifications/preferences", new { items = new[] { new { kind = "reminder", channels = new[] { "InApp" } } } });
        await CreateAsync(client, "quiet", Now.AddMinutes(1));
        await AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Single(await NotificationsAsync(api, tenant.Id, rep.Id));
        Assert.Empty(MailsTo(api, rep));
        Assert.Empty(await SmsAsync(api, tenant.Id, rep.Id));
    }
}

public sealed class ReminderTestsSqlite(SqliteApi api) : ReminderTests(api), IClassFixture<SqliteApi>;
public sealed class ReminderTestsMariaDb(MariaDbApi api) : ReminderTests(api), IClassFixture<MariaDbApi>;
