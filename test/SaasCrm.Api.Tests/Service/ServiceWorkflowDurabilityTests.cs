using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Workflows.Runtime;

namespace SaasCrm.Api.Tests.Service;

/// <summary>
/// The seeded service workflows survive what happens to a real deployment: the host stops while a complaint waits and a
/// new host takes over the same database after the deadline; the clock jumps days ahead while several records wait.
/// Everything a wait needs (bookmarks, timer jobs, outbox signals) lives in the database, so nothing may be lost and
/// nothing may happen twice.
/// </summary>
public abstract class ServiceWorkflowDurabilityTests(ApiFixture api)
{
    private static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();

    private static async Task SetHeadAsync(ApiClient admin, Guid department, Guid user) =>
        await ApiClient.Expect(await admin.PutAsync($"/api/departments/{department}/head", new { userId = user }), HttpStatusCode.NoContent);

    private static async Task<ApiClient> LoginAsync(WebApplicationFactory<Program> host, TenantScenario tenant, string userName)
    {
        var client = new ApiClient(host.CreateClient());
        await client.LoginAsync(tenant.Name, userName, CrmApiFactory.Password);
        return client;
    }

    /// <summary>Runs due jobs on the host's worker until none is due; returns how many ran.</summary>
    private static async Task<int> DrainAsync(WebApplicationFactory<Program> host)
    {
        var worker = host.Services.GetRequiredService<JobWorker>();
        var total = 0;
        for (var round = 0; round < 50; round++)
        {
            var ran = await worker.RunDueJobsAsync(CancellationToken.None);
            if (ran == 0) return total;
            total += ran;
        }
        throw new InvalidOperationException("Jobs kept falling due: more than 50 rounds.");
    }

    /// <summary>The journal lines of the record's workflow instances, counted by (step, outcome), read from the database.</summary>
    private static async Task<Dictionary<(string? Step, string Outcome), int>> JournalAsync(IServiceProvider services, Guid tenantId, Guid recordId)
    {
        using var _ = services.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var instances = await db.Set<WorkflowInstance>().AsNoTracking().Where(i => i.RecordId == recordId).Select(i => i.Id).ToListAsync();
        Assert.Single(instances);
        var lines = await db.Set<WorkflowJournalEntry>().AsNoTracking().Where(j => instances.Contains(j.InstanceId))
            .Select(j => new { j.StepId, j.Outcome }).ToListAsync();
        return lines.GroupBy(l => (l.StepId, l.Outcome)).ToDictionary(g => g.Key, g => g.Count());
    }

    private static int Lines(Dictionary<(string? Step, string Outcome), int> journal, string step, string? outcome = null) =>
        journal.Where(kv => kv.Key.Step == step && (outcome is null || kv.Key.Outcome == outcome)).Sum(kv => kv.Value);

    [Fact]
    public async Task A_host_stopped_while_a_complaint_waits_is_replaced_and_the_new_host_escalates_once_and_takes_the_reply_raised_meanwhile()
    {
        var t = await TenantScenario.CreateAsync(api, "restart");
        var center = await t.CreateDepartmentAsync("Service center");
        var afterSales = await t.CreateDepartmentAsync("After-sales", center);
        var director = await t.CreateUserAsync("director", "service", center);
        var asHead = await t.CreateUserAsync("ashead", "service", afterSales);
        await SetHeadAsync(t.Admin, center, director);
        await SetHeadAsync(t.Admin, afterSales, asHead);
        var days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
        await t.Admin.PostOk("/api/workflows/calendars", new
        {
            name = "24/7", timeZone = "UTC", isDefault = true, weeklyHours = days.ToDictionary(d => d, _ => new[] { "00:00-24:00" }),
        }, HttpStatusCode.Created);
        var customer = Id(await t.Admin.PostOk("/api/customers", new { kind = "Company", name = "Restart Co " + t.Name, phones = Array.Empty<string>(), emails = Array.Empty<string>(), tags = Array.Empty<string>() }, HttpStatusCode.Created));

        // Host A: its own DI container, worker and connection pool over the fixture's database (and the one shared clock).
        Guid overdue, replied;
        var first = api.Factory.WithWebHostBuilder(_ => { });
        try
        {
            var admin = await LoginAsync(first, t, "admin");
            // product-quality × high: 8 working hours; price × low: 40, so only the first is overdue after the jump below.
            overdue = Id(await admin.PostOk("/api/complaints", new
            {
                customerId = customer, title = "冰箱噪音", content = "三次维修未解决", typeCode = "product-quality", severityCode = "high", departmentId = afterSales,
            }, HttpStatusCode.Created));
            replied = Id(await admin.PostOk("/api/complaints", new
            {
                customerId = customer, title = "价格疑问", content = "促销价未兑现", typeCode = "price", severityCode = "low", departmentId = afterSales,
            }, HttpStatusCode.Created));
            Assert.True(await DrainAsync(first) > 0);
            foreach (var id in new[] { overdue, replied })
            {
                var waiting = await JournalAsync(first.Services, t.Id, id);
                Assert.Equal(1, Lines(waiting, "wait-reply", "waiting"));
                Assert.Equal(0, Lines(waiting, "escalate-overdue"));
            }

            // The department replies to the second complaint; the outbox signal commits, but no worker runs before the host stops.
            var head = await LoginAsync(first, t, "ashead");
            Assert.Equal("Replied", (await head.PostOk($"/api/complaints/{replied}/replies", new { content = "已按促销价补差" }))["status"]!.GetValue<string>());
        }
        finally
        {
            await first.DisposeAsync(); // host A stops while both complaints wait
        }

        api.Factory.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        // Host B starts over the same database and runs what fell due while nobody was running.
        await using var second = api.Factory.WithWebHostBuilder(_ => { });
        _ = second.Server;
        Assert.True(await DrainAsync(second) > 0);

        var escalated = await JournalAsync(second.Services, t.Id, overdue);
        Assert.Equal(1, Lines(escalated, "wait-reply", "timer"));
        Assert.Equal(1, Lines(escalated, "escalate-overdue"));
        Assert.Equal(1, Lines(escalated, "escalate-overdue", "escalated"));
        Assert.Equal(1, Lines(escalated, "deadline-overdue"));
        Assert.Equal(1, Lines(escalated, "notify-overdue"));
        Assert.Equal(2, Lines(escalated, "wait-reply", "waiting")); // waiting again, for the fresh deadline
        var answered = await JournalAsync(second.Services, t.Id, replied);
        Assert.Equal(1, Lines(answered, "wait-reply", "event"));
        Assert.Equal(0, Lines(answered, "wait-reply", "timer"));
        Assert.Equal(0, Lines(answered, "escalate-overdue"));
        Assert.Equal(1, Lines(answered, "wait-visit", "waiting"));

        var admin2 = await LoginAsync(second, t, "admin");
        var complaint = await admin2.GetOk($"/api/complaints/{overdue}");
        Assert.Equal(1, complaint["escalationLevel"]!.GetValue<int>());
        Assert.Equal(center, complaint["departmentId"]!.GetValue<Guid>());
        Assert.Equal(director, complaint["assigneeId"]!.GetValue<Guid>());
        Assert.Equal(0, (await admin2.GetOk($"/api/complaints/{replied}"))["escalationLevel"]!.GetValue<int>());

        // Running the jobs again (a redelivery, another node) finds nothing due and adds nothing.
        Assert.Equal(0, await DrainAsync(second));
        Assert.Equal(0, await api.RunJobsAsync());
        Assert.Equal(escalated, await JournalAsync(second.Services, t.Id, overdue));
        Assert.Equal(answered, await JournalAsync(second.Services, t.Id, replied));
        Assert.Equal(1, (await admin2.GetOk($"/api/complaints/{overdue}"))["escalationLevel"]!.GetValue<int>());
    }

    [Fact]
    public async Task Three_days_forward_fires_each_overdue_step_once_for_a_complaint_an_unclaimed_ticket_and_a_transferred_consultation()
    {
        var t = await TenantScenario.CreateAsync(api, "jump");
        var center = await t.CreateDepartmentAsync("Service center");
        var afterSales = await t.CreateDepartmentAsync("After-sales", center);
        var desk = await t.CreateDepartmentAsync("Ticket desk");
        var director = await t.CreateUserAsync("director", "service", center);
        var asHead = await t.CreateUserAsync("ashead", "service", afterSales);
        var deskHead = await t.CreateUserAsync("deskhead", "manager", desk);
        await t.CreateUserAsync("agent1", "service", desk);
        await t.CreateUserAsync("agent2", "service", desk);
        await SetHeadAsync(t.Admin, center, director);
        await SetHeadAsync(t.Admin, afterSales, asHead);
        await SetHeadAsync(t.Admin, desk, deskHead);
        var days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
        await t.Admin.PostOk("/api/workflows/calendars", new
        {
            name = "24/7", timeZone = "UTC", isDefault = true, weeklyHours = days.ToDictionary(d => d, _ => new[] { "00:00-24:00" }),
        }, HttpStatusCode.Created);
        var customer = Id(await t.Admin.PostOk("/api/customers", new { kind = "Company", name = "Jump Co " + t.Name, phones = Array.Empty<string>(), emails = Array.Empty<string>(), tags = Array.Empty<string>() }, HttpStatusCode.Created));

        // A complaint with 8 hours to reply, a ticket nobody accepts within 30 minutes, a consultation transferred with 2 hours.
        var complaint = Id(await t.Admin.PostOk("/api/complaints", new
        {
            customerId = customer, title = "冰箱噪音", content = "三次维修未解决", typeCode = "product-quality", severityCode = "high", departmentId = afterSales,
        }, HttpStatusCode.Created));
        var ticket = Id(await t.Admin.PostOk("/api/tickets", new { customerId = customer, title = "Repair", categoryCode = "repair", priorityCode = "normal", departmentId = desk }, HttpStatusCode.Created));
        var consultation = Id(await t.Admin.PostOk("/api/consultations", new
        {
            enquiryTypeCode = "price", content = "海尔冰箱 BCD-470 是否支持一级能效补贴？", customerId = customer, contactName = "王女士", contactPhone = "13800138000",
            productCategoryCode = "appliances", brandCode = "haier", quantity = 1,
        }, HttpStatusCode.Created));
        var now = api.Factory.Clock.GetUtcNow().UtcDateTime;
        await t.Admin.PostOk($"/api/consultations/{consultation}/transfer", new { departmentId = afterSales, deadline = now.AddHours(2) });
        await DrainAsync(api.Factory);
        var waits = new[] { (complaint, "wait-reply", "escalate-overdue"), (ticket, "wait-claim", "escalate"), (consultation, "wait-answer", "escalate") };
        foreach (var (record, wait, escalate) in waits)
        {
            var journal = await JournalAsync(api.Factory.Services, t.Id, record);
            Assert.Equal(1, Lines(journal, wait, "waiting"));
            Assert.Equal(0, Lines(journal, escalate));
        }

        // One jump of three days, then every job that fell due, until none is left.
        api.Factory.Clock.Advance(TimeSpan.FromDays(3));
        Assert.True(await DrainAsync(api.Factory) > 0);

        var after = new Dictionary<Guid, Dictionary<(string? Step, string Outcome), int>>();
        foreach (var (record, wait, escalate) in waits)
        {
            var journal = after[record] = await JournalAsync(api.Factory.Services, t.Id, record);
            Assert.Equal(1, Lines(journal, wait, "timer"));
            Assert.Equal(0, Lines(journal, wait, "event"));
            Assert.Equal(1, Lines(journal, escalate));
            Assert.Equal(1, Lines(journal, escalate, "escalated"));
        }
        // After its escalation each took its next step once: the complaint and the consultation wait again for a fresh
        // deadline counted from now (not overdue), the ticket told the team head and completed.
        Assert.Equal(1, Lines(after[complaint], "notify-overdue"));
        Assert.Equal(2, Lines(after[complaint], "wait-reply", "waiting"));
        Assert.Equal(1, Lines(after[consultation], "notify-overdue"));
        Assert.Equal(2, Lines(after[consultation], "wait-answer", "waiting"));
        Assert.Equal(1, Lines(after[ticket], "notify-head"));
        Assert.Equal(1, Lines(after[ticket], "done"));

        var admin = await LoginAsync(api.Factory, t, "admin"); // the first access token has expired meanwhile
        Assert.Equal(1, (await admin.GetOk($"/api/complaints/{complaint}"))["escalationLevel"]!.GetValue<int>());
        Assert.Equal(1, (await admin.GetOk($"/api/consultations/{consultation}"))["escalationLevel"]!.GetValue<int>());

        // Nothing else is due; running the jobs again changes no journal.
        Assert.Equal(0, await DrainAsync(api.Factory));
        foreach (var (record, _, _) in waits) Assert.Equal(after[record], await JournalAsync(api.Factory.Services, t.Id, record));
    }
}

public sealed class ServiceWorkflowDurabilityTestsSqlite(SqliteApi api) : ServiceWorkflowDurabilityTests(api), IClassFixture<SqliteApi>;

public sealed class ServiceWorkflowDurabilityTestsMariaDb(MariaDbApi api) : ServiceWorkflowDurabilityTests(api), IClassFixture<MariaDbApi>;
