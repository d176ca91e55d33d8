using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Api.Tests.Probe;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;

namespace SaasCrm.Api.Tests.Platform;

public abstract class BackgroundJobTests(ApiFixture api)
{
    private IServiceProvider Services => api.Factory.Services;

    private async Task<Guid> EnqueueAsync(Guid? tenantId, ProbeJobArgs args, string? idempotencyKey = null, Guid? asUser = null, DateTime? runAt = null)
    {
        await using var scope = Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        var user = Services.GetRequiredService<ICurrentUser>();
        using var _ = user.Change(asUser is null ? null : new ClaimsPrincipal(new ClaimsIdentity([new Claim(PlatformClaims.UserId, asUser.Value.ToString())], "test")));
        var id = await scope.Services.GetRequiredService<IBackgroundJobManager>().EnqueueAsync(args, runAt, idempotencyKey);
        await scope.Services.GetRequiredService<PlatformDbContext>().SaveChangesAsync();
        return id;
    }

    private async Task<BackgroundJobRecord> JobAsync(Guid id)
    {
        await using var scope = Services.GetRequiredService<ITenantScopeFactory>().Create(null);
        return await scope.Services.GetRequiredService<PlatformDbContext>().BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_growing_backoff_and_runs_in_its_tenant_as_its_user()
    {
        var tenant = await TenantScenario.CreateAsync(api, "jobs");
        var marker = Guid.NewGuid();
        var user = Guid.NewGuid();
        var id = await EnqueueAsync(tenant.Id, new ProbeJobArgs(marker, FailTimes: 2), asUser: user);

        await api.RunJobsAsync();
        Assert.Equal(1, ProbeJob.RunCount(marker));
        var afterFirst = await JobAsync(id);
        Assert.Equal(JobStatus.Pending, afterFirst.Status);
        Assert.Equal("probe failure 1", afterFirst.LastError);

        api.Factory.Clock.Advance(TimeSpan.FromSeconds(9));
        await api.RunJobsAsync();
        Assert.Equal(1, ProbeJob.RunCount(marker)); // not due before its backoff of 10 s

        api.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await api.RunJobsAsync();
        Assert.Equal(2, ProbeJob.RunCount(marker));
        api.Factory.Clock.Advance(TimeSpan.FromSeconds(19));
        await api.RunJobsAsync();
        Assert.Equal(2, ProbeJob.RunCount(marker)); // second backoff is 20 s
        api.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await api.RunJobsAsync();

        var done = await JobAsync(id);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(3, done.Attempts);
        Assert.All(ProbeJob.Runs[marker], run => Assert.Equal(tenant.Id, run.TenantId));
        Assert.All(ProbeJob.Runs[marker], run => Assert.Equal(user, run.UserId));
    }

    [Fact]
    public async Task After_its_last_attempt_a_job_becomes_an_incident_that_only_its_tenant_admin_sees_and_can_retry()
    {
        var tenant = await TenantScenario.CreateAsync(api, "jobs");
        var other = await TenantScenario.CreateAsync(api, "jobs");
        var marker = Guid.NewGuid();
        var id = await EnqueueAsync(tenant.Id, new ProbeJobArgs(marker, FailTimes: 99));
        for (var i = 0; i < 3; i++)
        {
            await api.RunJobsAsync();
            api.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        Assert.Equal(3, ProbeJob.RunCount(marker));
        Assert.Equal(JobStatus.Incident, (await JobAsync(id)).Status);

        var admin = await tenant.LoginAsync("admin");
        var incidents = (await admin.GetOk("/api/jobs?status=Incident"))["items"]!.AsArray();
        Assert.Contains(incidents, j => j!["id"]!.GetValue<Guid>() == id);
        var otherAdmin = await other.LoginAsync("admin");
        Assert.Empty((await otherAdmin.GetOk("/api/jobs?status=Incident"))["items"]!.AsArray());
        await ApiClient.ExpectProblem(await otherAdmin.PostAsync($"/api/jobs/{id}/retry"), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/jobs/{id}/retry")).StatusCode);
        await api.RunJobsAsync();
        Assert.Equal(4, ProbeJob.RunCount(marker));
    }

    [Fact]
    public async Task A_job_whose_node_died_mid_run_is_taken_over_after_its_lease_and_finishes()
    {
        var tenant = await TenantScenario.CreateAsync(api, "jobs");
        var marker = Guid.NewGuid();
        var id = await EnqueueAsync(tenant.Id, new ProbeJobArgs(marker, Block: true));

        using var nodeA = new CancellationTokenSource();
        var workerA = api.NewWorker("node-a");
        var runA = workerA.RunDueJobsAsync(nodeA.Token);
        await ProbeJob.Started.GetOrAdd(marker, _ => new()).Task.WaitAsync(TimeSpan.FromSeconds(30));
        await nodeA.CancelAsync(); // node A dies while the job runs
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runA);
        var orphan = await JobAsync(id);
        Assert.Equal(JobStatus.Running, orphan.Status);
        Assert.Equal("node-a", orphan.LeaseOwner);

        var workerB = api.NewWorker("node-b");
        Assert.Equal(0, await workerB.RunDueJobsAsync(CancellationToken.None)); // the lease still holds

        ProbeJob.Gates.GetOrAdd(marker, _ => new()).TrySetResult();
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await workerB.RunDueJobsAsync(CancellationToken.None));

        var done = await JobAsync(id);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(2, ProbeJob.RunCount(marker));
    }

    [Fact]
    public async Task Two_workers_polling_together_run_every_job_exactly_once()
    {
        var tenant = await TenantScenario.CreateAsync(api, "jobs");
        var markers = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        foreach (var marker in markers) await EnqueueAsync(tenant.Id, new ProbeJobArgs(marker));

        var workers = new[] { api.NewWorker("node-a"), api.NewWorker("node-b") };
        await Task.WhenAll(workers.Select(w => Task.Run(() => api.RunJobsAsync(w))));

        Assert.All(markers, m => Assert.Equal(1, ProbeJob.RunCount(m)));
    }

    [Fact]
    public async Task A_worker_runs_claimed_jobs_side_by_side_up_to_its_concurrency_each_once_in_its_own_tenant_and_user()
    {
        var tenant = await TenantScenario.CreateAsync(api, "jobs");
        var other = await TenantScenario.CreateAsync(api, "jobs");
        var user = Guid.NewGuid();
        var blocked = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        foreach (var (marker, i) in blocked.Select((m, i) => (m, i)))
            await EnqueueAsync(i % 2 == 0 ? tenant.Id : other.Id, new ProbeJobArgs(marker, Block: true), asUser: user);

        // All four start before any finishes: with one at a time the second would never start while the first blocks.
        var run = api.NewWorker("node-a").RunDueJobsAsync(4, CancellationToken.None);
        await Task.WhenAll(blocked.Select(m => ProbeJob.Started.GetOrAdd(m, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task))
            .WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var marker in blocked) ProbeJob.Gates.GetOrAdd(marker, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        Assert.Equal(4, await run);

        Assert.All(blocked.Select((m, i) => (Run: Assert.Single(ProbeJob.Runs[m]), i)), r =>
        {
            Assert.Equal(r.i % 2 == 0 ? tenant.Id : other.Id, r.Run.TenantId);
            Assert.Equal(user, r.Run.UserId);
        });

        // Two such workers racing over many jobs: each job is claimed by one of them and runs once.
        var markers = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToList();
        foreach (var marker in markers) await EnqueueAsync(tenant.Id, new ProbeJobArgs(marker));
        var workers = new[] { api.NewWorker("node-b"), api.NewWorker("node-c") };
        var ran = await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            var total = 0;
            for (int n; (n = await w.RunDueJobsAsync(4, CancellationToken.None)) > 0;) total += n;
            return total;
        })));
        Assert.All(markers, m => Assert.Equal(1, ProbeJob.RunCount(m)));
        Assert.Equal(markers.Count, ran.Sum());
    }

    [Fact]
    public async Task A_scheduled_job_runs_once_its_time_has_come_not_before()
    {
        var tenant = await TenantScenario.CreateAsync(api, "jobs");
        var marker = Guid.NewGuid();
        await EnqueueAsync(tenant.Id, new ProbeJobArgs(marker), runAt: api.Factory.Clock.GetUtcNow().UtcDateTime.AddHours(1));

        await api.RunJobsAsync();
        Assert.Equal(0, ProbeJob.RunCount(marker));
        api.Factory.Clock.Advance(TimeSpan.FromHours(1));
        await api.RunJobsAsync();
        Assert.Equal(1, ProbeJob.RunCount(marker));
    }

    [Fact]
    public async Task The_same_idempotency_key_queues_one_job()
    {
        var tenant = await TenantScenario.CreateAsync(api, "jobs");
        var key = "probe:" + Guid.NewGuid();
        var first = await EnqueueAsync(tenant.Id, new ProbeJobArgs(Guid.NewGuid()), key);
        var second = await EnqueueAsync(tenant.Id, new ProbeJobArgs(Guid.NewGuid()), key);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Events_are_stored_with_the_change_and_handled_after_commit_in_the_publishing_tenant()
    {
        var tenant = await TenantScenario.CreateAsync(api, "outbox");
        var other = await TenantScenario.CreateAsync(api, "outbox");
        var note = await TenantScenario.CreateNoteAsync(tenant.Admin, "with event");
        var noteId = note["id"]!.GetValue<Guid>();

        Assert.Equal(0, await EventLogCountAsync(tenant.Id, noteId)); // stored, not yet dispatched
        await api.RunJobsAsync();
        Assert.Equal(1, await EventLogCountAsync(tenant.Id, noteId));
        Assert.Equal(0, await EventLogCountAsync(other.Id, noteId));

        // A change that rolls back leaves no event behind.
        var failed = await tenant.Admin.PostAsync("/api/probe-notes", new { title = "rolled back", failBeforeCommit = true });
        await ApiClient.ExpectProblem(failed, HttpStatusCode.BadRequest, "probe.rollback");
        await using var scope = Services.GetRequiredService<ITenantScopeFactory>().Create(null);
        var dispatches = await scope.Services.GetRequiredService<PlatformDbContext>().BackgroundJobs
            .CountAsync(j => j.TenantId == tenant.Id && j.JobName == "platform.event-dispatch");
        Assert.Equal(1, dispatches);
    }

    private async Task<int> EventLogCountAsync(Guid tenantId, Guid noteId)
    {
        await using var scope = Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        return await scope.Services.GetRequiredService<PlatformDbContext>().Set<ProbeEventLog>().CountAsync(l => l.NoteId == noteId);
    }
}

public sealed class BackgroundJobTestsSqlite(SqliteApi api) : BackgroundJobTests(api), IClassFixture<SqliteApi>;
public sealed class BackgroundJobTestsMariaDb(MariaDbApi api) : BackgroundJobTests(api), IClassFixture<MariaDbApi>;
