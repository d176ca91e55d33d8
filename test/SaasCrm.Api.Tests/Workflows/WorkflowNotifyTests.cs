using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Notifications;
using SaasCrm.Platform.Notifications.Sms;
using static SaasCrm.Api.Tests.Workflows.WorkflowApi;

namespace SaasCrm.Api.Tests.Workflows;

public abstract class WorkflowNotifyTests(ApiFixture api)
{
    private async Task<T> InTenantAsync<T>(Guid tenantId, Func<PlatformDbContext, Task<T>> read)
    {
        using var _ = api.Factory.Services.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var scope = api.Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    [Theory]
    [InlineData(CrashPoint.BeforeCommit)]
    [InlineData(CrashPoint.AfterCommit)]
    public async Task A_crash_around_the_commit_of_a_notify_step_still_sends_exactly_one_notification(CrashPoint point)
    {
        var t = await TenantScenario.CreateAsync(api);
        var agent = await t.CreateUserAsync("agent", "sales");
        await PublishAsync(t.Admin, Model("notify",
            Step("notify", "Notify", new { channels = new[] { "inApp" }, recipients = new[] { $"user:{agent}" }, subject = new { en = "New {{title}}", zh = "新客户 {{title}}" } }, "done"),
            Step("done", "Complete")));

        // A second host on the same database whose first save after a notification is added fails (a crash
        // before the commit) or whose job is lost right after the commit (a crash before the job is acknowledged).
        var crash = new OneShotCrash(point);
        await using var crashing = api.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            var real = services.Last(d => d.ServiceType == typeof(INotificationSender));
            services.Remove(real);
            services.AddScoped<INotificationSender>(sp => new CrashingSender(
                (INotificationSender)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!), sp.GetRequiredService<PlatformDbContext>(), crash));
        }));
        _ = crashing.Server;

        var customer = await CustomerApi.CreateIdAsync(t.Admin, "Crash Co " + Guid.NewGuid().ToString("N")[..6]);
        var worker = crashing.Services.GetRequiredService<JobWorker>();
        await api.RunJobsAsync(worker);
        Assert.True(crash.Fired);
        for (var i = 0; i < 4; i++)
        {
            api.Factory.Clock.Advance(TimeSpan.FromMinutes(10)); // past the retry backoff or the lost job's lease
            await api.RunJobsAsync(worker);
            await api.RunJobsAsync();
        }

        var admin = await t.LoginAsync("admin");
        var done = await SingleInstanceAsync(admin, customer);
        Assert.Equal("Completed", Status(done));
        Assert.Equal(1, Count(done, "notify", "next"));
        var rows = await InTenantAsync(t.Id, db => db.Set<Notification>().AsNoTracking().Where(n => n.UserId == agent && n.Kind == "workflow").ToListAsync());
        var row = Assert.Single(rows);
        Assert.Contains(":notify:", row.IdempotencyKey);
        Assert.StartsWith("New Crash Co", row.Title);
    }

    [Fact]
    public async Task Notify_customer_sends_one_email_and_one_sms_to_the_customers_contact_point()
    {
        var t = await TenantScenario.CreateAsync(api);
        var mail = $"buyer-{Guid.NewGuid():N}@example.com";
        var phone = "1390000" + Random.Shared.Next(1000, 9999);
        await PublishAsync(t.Admin, Model("notify",
            Step("notify", "Notify", new
            {
                channels = new[] { "email", "sms" }, recipients = new[] { "customer" },
                subject = new { en = "Welcome {{title}}", zh = "欢迎 {{title}}" }, body = new { en = "Dear {{field.name}}.", zh = "尊敬的 {{field.name}}" },
            }, "done"),
            Step("done", "Complete")));
        var name = "Contact Co " + Guid.NewGuid().ToString("N")[..6];
        var customer = (await CustomerApi.CreateAsync(t.Admin, name, phones: [phone], emails: [mail]))["id"]!.GetValue<Guid>();
        await api.RunJobsAsync();
        await api.RunJobsAsync();

        var done = await SingleInstanceAsync(t.Admin, customer);
        Assert.Equal("Completed", Status(done));
        Assert.Contains("customer", done["journal"]!.AsArray().Single(j => j!["stepId"]?.GetValue<string>() == "notify")!["message"]!.GetValue<string>());
        var sms = await InTenantAsync(t.Id, db => db.Set<SmsMessage>().AsNoTracking().Where(m => m.PhoneNumber == phone).ToListAsync());
        var one = Assert.Single(sms);
        Assert.Equal($"Welcome {name}: Dear {name}.", one.Text);
        Assert.Null(one.UserId);
        var mails = api.Factory.Smtp.To(mail);
        var received = Assert.Single(mails).Parse();
        Assert.Equal($"Welcome {name}", received.Subject);
        Assert.Contains($"Dear {name}.", received.TextBody);
    }

    public enum CrashPoint { BeforeCommit, AfterCommit }

    public sealed class OneShotCrash(CrashPoint point)
    {
        private int _fired;
        public CrashPoint Point { get; } = point;
        public bool Fired => _fired == 1;
        public bool TryFire() => Interlocked.Exchange(ref _fired, 1) == 0;
    }

    /// <summary>The real sender, plus a one-time failure of the unit of work that holds the notification.</summary>
    private sealed class CrashingSender(INotificationSender inner, PlatformDbContext db, OneShotCrash crash) : INotificationSender
    {
        public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken = default)
        {
            await inner.SendAsync(message, cancellationToken);
            if (crash.Fired) return;
            if (crash.Point == CrashPoint.BeforeCommit)
                db.SavingChanges += (_, _) => { if (crash.TryFire()) throw new InvalidOperationException("Simulated crash before the commit."); };
            else
                db.SavedChanges += (_, _) => { if (crash.TryFire()) throw new InvalidOperationException("Simulated crash after the commit."); };
        }
    }
}

public sealed class WorkflowNotifyTestsSqlite(SqliteApi api) : WorkflowNotifyTests(api), IClassFixture<SqliteApi>;

public sealed class WorkflowNotifyTestsMariaDb(MariaDbApi api) : WorkflowNotifyTests(api), IClassFixture<MariaDbApi>;
