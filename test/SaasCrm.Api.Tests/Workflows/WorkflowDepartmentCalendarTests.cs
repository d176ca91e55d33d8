using System.Globalization;
using System.Net;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

/// <summary>
/// Working-time deadlines and timers count by the calendar of the record's department when it has one, else by the
/// tenant's default calendar.
/// </summary>
public abstract class WorkflowDepartmentCalendarTests(ApiFixture api)
{
    private static readonly string[] Week = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    [Fact]
    public async Task A_department_calendar_with_a_holiday_and_its_own_hours_sets_deadlines_and_timers_instead_of_the_tenant_default()
    {
        var t = await TenantScenario.CreateAsync(api);
        var lateDesk = await t.CreateDepartmentAsync("Late desk");
        var dayDesk = await t.CreateDepartmentAsync("Day desk");
        // Only this test's workflow runs on tickets: the seeded auto-assignment (which also sets due times) is retired.
        var seeded = (await t.Admin.GetOk("/api/workflows/definitions?recordType=ticket")).AsArray().Single(d => d!["key"]!.GetValue<string>() == "ticket-auto-assignment")!;
        await t.Admin.PostOk($"/api/workflows/definitions/{seeded["id"]}/versions/{seeded["publishedVersion"]}/retire");

        var now = ToNextWholeMinute(api);
        var today = now.Date;
        // The tenant works round the clock; the late desk works 09:00–17:00 UTC and has today off.
        await t.Admin.PostOk("/api/workflows/calendars", new
        {
            name = "Round the clock", timeZone = "UTC", isDefault = true, weeklyHours = Week.ToDictionary(d => d, _ => new[] { "00:00-24:00" }),
        }, HttpStatusCode.Created);
        await t.Admin.PostOk("/api/workflows/calendars", new
        {
            name = "Late desk hours", timeZone = "UTC", isDefault = false, weeklyHours = Week.ToDictionary(d => d, _ => new[] { "09:00-17:00" }),
            holidays = new[] { today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, departmentIds = new[] { lateDesk },
        }, HttpStatusCode.Created);
        await PublishAsync(t.Admin, new
        {
            trigger = new { kind = "recordCreated", recordType = "ticket" },
            startStepId = "due",
            steps = new[]
            {
                Step("due", "ComputeDeadline", new { field = "resolutionDueAt", duration = "PT2H", workingTime = true }, "wait"),
                Step("wait", "WaitUntil", new { duration = "PT2H", workingTime = true }, "done"),
                Step("done", "Complete"),
            },
            variables = Array.Empty<object>(),
        });

        var customer = await CustomerApi.CreateIdAsync(t.Admin, $"Calendar Co {Guid.NewGuid():N}");
        async Task<Guid> Ticket(Guid department) => (await t.Admin.PostOk("/api/tickets", new
        {
            customerId = customer, title = "Calendar " + department, categoryCode = "repair", priorityCode = "normal", departmentId = department,
        }, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var late = await Ticket(lateDesk);
        var day = await Ticket(dayDesk);
        await api.RunJobsAsync();

        // Two working hours: the day desk's end two hours from now; the late desk's start tomorrow at 09:00 and end at 11:00.
        var dayDue = now.AddHours(2);
        var lateDue = today.AddDays(1).AddHours(11);
        foreach (var (ticket, due) in new[] { (day, dayDue), (late, lateDue) })
        {
            Assert.Equal(due, (await t.Admin.GetOk($"/api/tickets/{ticket}"))["resolutionDueAt"]!.GetValue<DateTime>());
            var waiting = await SingleInstanceAsync(t.Admin, ticket);
            Assert.Equal("Waiting", Status(waiting));
            Assert.Equal(due, Assert.Single(waiting["bookmarks"]!.AsArray())!["dueAt"]!.GetValue<DateTime>());
        }

        // The timers fire at those instants: the day desk's first, the late desk's not a minute early.
        api.Factory.Clock.Advance(dayDue - now);
        await api.RunJobsAsync();
        var admin = await t.LoginAsync("admin");
        Assert.Equal("Completed", Status(await SingleInstanceAsync(admin, day)));
        Assert.Equal("Waiting", Status(await SingleInstanceAsync(admin, late)));

        api.Factory.Clock.Advance(lateDue - dayDue - TimeSpan.FromMinutes(1));
        await api.RunJobsAsync();
        admin = await t.LoginAsync("admin");
        Assert.Equal("Waiting", Status(await SingleInstanceAsync(admin, late)));
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await api.RunJobsAsync();
        var done = await SingleInstanceAsync(admin, late);
        Assert.Equal("Completed", Status(done));
        Assert.Equal(1, Count(done, "wait", "resumed"));
    }
}

public sealed class WorkflowDepartmentCalendarTestsSqlite(SqliteApi api) : WorkflowDepartmentCalendarTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowDepartmentCalendarTestsMariaDb(MariaDbApi api) : WorkflowDepartmentCalendarTests(api), IClassFixture<MariaDbApi>;
