using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Handover;
using SaasCrm.Platform.Domain;
using SaasCrm.Search.Operations;

namespace SaasCrm.Api.Tests.Handover;

public abstract class HandoverTests(ApiFixture api)
{
    private const string Url = "/api/customer-handovers";

    private async Task<(TenantScenario T, Guid A, Guid B)> ArrangeAsync()
    {
        var t = await TenantScenario.CreateAsync(api, "handover");
        return (t, await t.CreateUserAsync("rep-a", "sales"), await t.CreateUserAsync("rep-b", "sales"));
    }

    /// <summary>Small batches so a few customers make several batches; restored when the test ends.</summary>
    private IDisposable BatchSize(int size)
    {
        var options = api.Factory.Services.GetRequiredService<IOptions<HandoverOptions>>().Value;
        var before = options.BatchSize;
        options.BatchSize = size;
        return new Restore(() => options.BatchSize = before);
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    private Task<List<Guid>> OwnedByAsync(Guid tenantId, Guid owner) =>
        CustomerSeed.InTenantAsync(api, tenantId, (db, _) => db.Set<Customer>().Where(c => c.OwnerId == owner).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());

    [Fact]
    public async Task Handing_over_all_customers_moves_owners_open_reminders_and_history_in_batches_with_progress()
    {
        var (t, a, b) = await ArrangeAsync();
        var customers = await CustomerSeed.CustomersAsync(api, t.Id, a, 7);
        var othersOfB = await CustomerSeed.CustomersAsync(api, t.Id, b, 1);
        await CustomerSeed.InTenantAsync(api, t.Id, async db =>
        {
            db.Add(new Reminder { OwnerId = a, CustomerId = customers[0], Subject = "call", DueAt = DateTime.UtcNow.AddDays(1), Status = ReminderStatus.Pending });
            db.Add(new Reminder { OwnerId = a, CustomerId = customers[1], Subject = "done", DueAt = DateTime.UtcNow, Status = ReminderStatus.Done });
            db.Add(new Reminder { OwnerId = a, Subject = "personal", DueAt = DateTime.UtcNow.AddDays(1), Status = ReminderStatus.Pending });
            await db.SaveChangesAsync();
        });
        using var _ = BatchSize(3);

        var created = await t.Admin.PostOk(Url, new { fromUserId = a, toUserId = b, includeReminders = true, reason = "rep-a leaves" }, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal("Queued", created["status"]!.GetValue<string>());
        Assert.Equal(7, created["total"]!.GetValue<int>());
        Assert.Equal(0, created["moved"]!.GetValue<int>());

        await api.RunJobsAsync();

        var done = await t.Admin.GetOk($"{Url}/{id}");
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal(7, done["moved"]!.GetValue<int>());
        Assert.Equal(100, done["percent"]!.GetValue<int>());
        Assert.Equal(7, done["summary"]!["customersMoved"]!.GetValue<int>());
        Assert.Equal(1, done["summary"]!["remindersMoved"]!.GetValue<int>());
        Assert.Equal(3, done["summary"]!["batches"]!.GetValue<int>());
        Assert.Equal("rep-a", done["fromUserName"]!.GetValue<string>());

        Assert.Empty(await OwnedByAsync(t.Id, a));
        Assert.Equal(customers.Concat(othersOfB).Order(), (await OwnedByAsync(t.Id, b)).Order());
        await CustomerSeed.InTenantAsync(api, t.Id, async db =>
        {
            var history = await db.Set<OwnershipRecord>().Where(r => r.Action == OwnershipAction.HandedOver).ToListAsync();
            Assert.Equal(customers.Order(), history.Select(h => h.CustomerId).Order());
            Assert.All(history, h => Assert.True(h.FromUserId == a && h.ToUserId == b && h.Reason == "rep-a leaves"));
            var reminders = await db.Set<Reminder>().ToListAsync();
            Assert.Equal(b, reminders.Single(r => r.Subject == "call").OwnerId);
            Assert.Equal(a, reminders.Single(r => r.Subject == "done").OwnerId); // not open: stays
            Assert.Equal(a, reminders.Single(r => r.Subject == "personal").OwnerId); // not of a handed-over customer
            var indexed = await db.Set<SearchIndexOperation>().Where(o => o.DocumentType == "customer").Select(o => o.DocumentId).ToListAsync();
            Assert.Subset(indexed.ToHashSet(), customers.ToHashSet());
            Assert.Empty(await db.Set<CustomerCollaborator>().ToListAsync());
            return;
        });

        // Audited, and listed.
        var changes = (await t.Admin.GetOk($"/api/audit/entity-changes?entityType=CustomerHandover&entityId={id}"))["items"]!.AsArray();
        Assert.Contains(changes, c => c!["changeType"]!.ToString() is "Created" or "1");
        var list = (await t.Admin.GetOk(Url))["items"]!.AsArray();
        Assert.Equal(id, Assert.Single(list)!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task A_filtered_handover_moves_only_matching_customers_and_the_old_owner_collaborates_until_the_date()
    {
        var (t, a, b) = await ArrangeAsync();
        var keyVip = await CustomerSeed.CustomersAsync(api, t.Id, a, 2, level: "a", tags: ["vip"]);
        var keyPlain = await CustomerSeed.CustomersAsync(api, t.Id, a, 1, level: "a", tags: ["new"]);
        var regularVip = await CustomerSeed.CustomersAsync(api, t.Id, a, 1, level: "b", tags: ["vip"]);
        var until = api.Factory.Clock.GetUtcNow().UtcDateTime.AddDays(7);

        var created = await t.Admin.PostOk(Url, new
        {
            fromUserId = a, toUserId = b, filter = new { levelCodes = new[] { "a" }, tags = new[] { "vip" } },
            includeReminders = false, keepCollaboratorUntil = until, reason = "key accounts to rep-b",
        }, HttpStatusCode.Created);
        Assert.Equal(2, created["total"]!.GetValue<int>());
        await api.RunJobsAsync();
        Assert.Equal(keyVip.Order(), (await OwnedByAsync(t.Id, b)).Order());
        Assert.Equal(keyPlain.Concat(regularVip).Order(), (await OwnedByAsync(t.Id, a)).Order());
        Assert.Equal(2, (await t.Admin.GetOk($"{Url}/{created["id"]}"))["summary"]!["collaboratorsAdded"]!.GetValue<int>());

        // By explicit ids: only the named customer still owned by A moves.
        var byIds = await t.Admin.PostOk(Url, new { fromUserId = a, toUserId = b, customerIds = new[] { keyPlain[0], keyVip[0] }, includeReminders = false, reason = "one more" }, HttpStatusCode.Created);
        Assert.Equal(1, byIds["total"]!.GetValue<int>());
        await api.RunJobsAsync();
        Assert.Equal(regularVip, await OwnedByAsync(t.Id, a));

        // A still opens the handed-over customer as a collaborator until the date, not after.
        async Task<bool> ACanSeeAsync(Guid customerId) => await CustomerSeed.InTenantAsync(api, t.Id, async (_, services) =>
        {
            try { await services.GetRequiredService<CustomerAccess>().GetVisibleAsync(customerId, CancellationToken.None); return true; }
            catch (EntityNotFoundException) { return false; }
        }, asUser: a);
        Assert.True(await ACanSeeAsync(keyVip[0]));
        Assert.False(await ACanSeeAsync(keyPlain[0])); // handed over without collaboration
        api.Factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.False(await ACanSeeAsync(keyVip[0]));
    }

    [Fact]
    public async Task A_failing_batch_rolls_back_alone_and_the_retried_job_carries_on_at_the_next_batch()
    {
        var (t, a, b) = await ArrangeAsync();
        await CustomerSeed.CustomersAsync(api, t.Id, a, 7);
        var ordered = await OwnedByAsync(t.Id, a);
        using var _ = BatchSize(3);
        // The second batch (customers 4–6 in id order) fails while writing its history.
        await ExecuteSqlAsync(t.Id, api.Factory.Kind == DatabaseKind.Sqlite
            ? $"CREATE TRIGGER fail_handover BEFORE INSERT ON CustomerOwnershipRecords WHEN lower(NEW.CustomerId) = '{ordered[4]}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
            : $"CREATE TRIGGER fail_handover BEFORE INSERT ON CustomerOwnershipRecords FOR EACH ROW BEGIN IF lower(NEW.CustomerId) = '{ordered[4]}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'; END IF; END");
        try
        {
            var id = (await t.Admin.PostOk(Url, new { fromUserId = a, toUserId = b, includeReminders = true, reason = "r" }, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
            await api.RunJobsAsync();

            var partial = await t.Admin.GetOk($"{Url}/{id}");
            Assert.Equal("Running", partial["status"]!.GetValue<string>());
            Assert.Equal(3, partial["moved"]!.GetValue<int>());
            Assert.Equal(42, partial["percent"]!.GetValue<int>());
            Assert.Equal(ordered.Take(3), await OwnedByAsync(t.Id, b));
            Assert.Equal(3, await CountHistoryAsync(t.Id));
        }
        finally
        {
            await ExecuteSqlAsync(t.Id, "DROP TRIGGER fail_handover");
        }

        api.Factory.Clock.Advance(TimeSpan.FromSeconds(11)); // the first retry's backoff
        await api.RunJobsAsync();
        var list = (await t.Admin.GetOk(Url))["items"]!.AsArray();
        var done = Assert.Single(list)!;
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal(7, done["moved"]!.GetValue<int>());
        Assert.Equal(3, done["summary"]!["batches"]!.GetValue<int>());
        Assert.Equal(ordered, await OwnedByAsync(t.Id, b));
        Assert.Equal(7, await CountHistoryAsync(t.Id)); // each customer once: nothing repeated by the retry
    }

    private Task<int> CountHistoryAsync(Guid tenantId) =>
        CustomerSeed.InTenantAsync(api, tenantId, (db, _) => db.Set<OwnershipRecord>().CountAsync(r => r.Action == OwnershipAction.HandedOver));

    private Task ExecuteSqlAsync(Guid tenantId, string sql) =>
        CustomerSeed.InTenantAsync(api, tenantId, db => db.Database.ExecuteSqlRawAsync(sql));

    [Fact]
    public async Task A_sales_rep_cannot_hand_over_and_another_tenant_sees_nothing()
    {
        var (t, a, b) = await ArrangeAsync();
        await CustomerSeed.CustomersAsync(api, t.Id, a, 2);
        var rep = await t.LoginAsync("rep-a");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync(Url, new { fromUserId = a, toUserId = b, includeReminders = true, reason = "mine" })).StatusCode);

        await ApiClient.ExpectProblem(await t.Admin.PostAsync(Url, new { fromUserId = a, toUserId = a, includeReminders = true, reason = "x" }), HttpStatusCode.BadRequest, "validation_failed");
        var id = (await t.Admin.PostOk(Url, new { fromUserId = a, toUserId = b, includeReminders = true, reason = "r" }, HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var other = await TenantScenario.CreateAsync(api, "handover");
        var otherUser = await other.CreateUserAsync("rep-x", "sales");
        await ApiClient.ExpectProblem(await other.Admin.GetAsync($"{Url}/{id}"), HttpStatusCode.NotFound, "not_found");
        Assert.Empty((await other.Admin.GetOk(Url))["items"]!.AsArray());
        // Users of another tenant do not exist here.
        await ApiClient.ExpectProblem(await other.Admin.PostAsync(Url, new { fromUserId = a, toUserId = otherUser, includeReminders = true, reason = "steal" }), HttpStatusCode.NotFound, "not_found");
        await api.RunJobsAsync();
        Assert.Equal(2, (await OwnedByAsync(t.Id, b)).Count);
    }

    [Fact]
    public async Task Each_batch_publishes_the_handed_over_customers_to_later_modules()
    {
        var (t, a, b) = await ArrangeAsync();
        var customers = await CustomerSeed.CustomersAsync(api, t.Id, a, 5);
        await using var host = api.Factory.WithWebHostBuilder(w => w.ConfigureServices(s => SaasCrm.Platform.Modularity.ModuleServiceExtensions.AddEventHandler<CustomersHandedOver, RecordingHandoverHandler>(s)));
        var options = host.Services.GetRequiredService<IOptions<HandoverOptions>>().Value;
        options.BatchSize = 2;
        var admin = new ApiClient(host.CreateClient());
        await admin.LoginAsync(t.Name, "admin", CrmApiFactory.Password);

        var id = (await admin.PostOk(Url, new { fromUserId = a, toUserId = b, includeReminders = true, reason = "r" }, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var worker = host.Services.GetRequiredService<SaasCrm.Platform.BackgroundJobs.JobWorker>();
        await api.RunJobsAsync(worker); // the handover, then the outbox dispatches it queued
        await api.RunJobsAsync(worker);

        var calls = RecordingHandoverHandler.Calls.Where(c => c.Event.HandoverId == id).ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.True(c.Event.FromUserId == a && c.Event.ToUserId == b && c.Event.IncludeOpenRecords && c.TenantId == t.Id));
        Assert.Equal(customers.Order(), calls.SelectMany(c => c.Event.CustomerIds).Order());
        Assert.Equal(new[] { 1, 2, 2 }, calls.Select(c => c.Event.CustomerIds.Count).Order());
    }
}

public sealed class HandoverTestsSqlite(SqliteApi api) : HandoverTests(api), IClassFixture<SqliteApi>;
public sealed class HandoverTestsMariaDb(MariaDbApi api) : HandoverTests(api), IClassFixture<MariaDbApi>;
