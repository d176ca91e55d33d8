using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SaasCrm.Api.Tests.Customers;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers.Export;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Api.Tests.Platform;

/// <summary>
/// The daily file sweep: uploads no record uses (never attached, dropped in an edit, of a deleted follow-up or article)
/// go with their bytes once older than the grace period; fresh uploads, attached files, files of purposes without
/// references and other tenants' files stay; a second run changes nothing; one run per tenant stays queued.
/// </summary>
public abstract class FileSweepTests(ApiFixture api)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private const string FollowUpFiles = "/api/follow-ups/attachments", TicketFiles = "/api/tickets/attachments", ArticleFiles = "/api/knowledge/articles/attachments";

    private DateTime Now => api.Factory.Clock.GetUtcNow().UtcDateTime;

    private static Guid Id(JsonNode node, string field = "id") => node[field]!.GetValue<Guid>();

    private static Task<Guid> UploadAsync(ApiClient client, string url, string name) =>
        client.UploadOk(url, Encoding.UTF8.GetBytes($"name,value\n{name},1\n"), name + ".csv");

    /// <summary>A tenant's stored file as the sweep sees it: its row (null when gone) and where its bytes are.</summary>
    private sealed record Kept(Guid TenantId, Guid FileId, string Path, long Size);

    private async Task<Kept> LocateAsync(Guid tenantId, Guid fileId)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        var file = await scope.Services.GetRequiredService<PlatformDbContext>().Set<StoredFile>().AsNoTracking().SingleAsync(f => f.Id == fileId);
        var root = api.Factory.Services.GetRequiredService<IOptions<DataFolderOptions>>().Value.Path;
        var path = Path.Combine(root, "files", tenantId.ToString("N"), file.StorageName.Replace('/', Path.DirectorySeparatorChar));
        Assert.True(File.Exists(path), $"the bytes of {fileId} are at {path}");
        return new Kept(tenantId, fileId, path, file.Size);
    }

    private async Task<(bool Row, bool Bytes)> StateAsync(Kept file)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(file.TenantId);
        var row = await scope.Services.GetRequiredService<PlatformDbContext>().Set<StoredFile>().AnyAsync(f => f.Id == file.FileId);
        return (row, File.Exists(file.Path));
    }

    private async Task AssertKeptAsync(params Kept[] files)
    {
        foreach (var file in files) Assert.Equal((true, true), await StateAsync(file));
    }

    private async Task AssertGoneAsync(params Kept[] files)
    {
        foreach (var file in files) Assert.Equal((false, false), await StateAsync(file));
    }

    /// <summary>One tenant's sweep, run directly on <paramref name="host"/> (not through the queued job).</summary>
    private static async Task<FileSweepResult> SweepAsync(IServiceProvider host, Guid tenantId)
    {
        await using var scope = host.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
        return await scope.Services.GetRequiredService<FileSweeper>().SweepAsync(CancellationToken.None);
    }

    private async Task<List<BackgroundJobRecord>> SweepJobsAsync(Guid tenantId)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(null);
        return await scope.Services.GetRequiredService<PlatformDbContext>().BackgroundJobs.AsNoTracking()
            .Where(j => j.TenantId == tenantId && j.JobName == FileSweepScheduler.JobName).OrderBy(j => j.NextRunAt).ToListAsync();
    }

    private static DateTime NextRunAfter(DateTime now)
    {
        var next = now.Date + FileSweepScheduler.RunTime;
        return next <= now ? next.AddDays(1) : next;
    }

    [Fact]
    public async Task Unused_files_older_than_the_grace_period_go_with_their_bytes_and_nothing_else_does()
    {
        var t = await TenantScenario.CreateAsync(api, "sweep");
        var admin = t.Admin;
        var customer = await CustomerApi.CreateIdAsync(admin, "Sweep Co " + t.Name);

        // Follow-ups: one file never attached, one kept, one of a follow-up later deleted, one dropped in an edit.
        var fuOrphan = await UploadAsync(admin, FollowUpFiles, "fu-orphan");
        var fuKept = await UploadAsync(admin, FollowUpFiles, "fu-kept");
        var fuDeleted = await UploadAsync(admin, FollowUpFiles, "fu-deleted");
        var fuDropped = await UploadAsync(admin, FollowUpFiles, "fu-dropped");
        var kept = await admin.PostOk($"/api/customers/{customer}/follow-ups", new
        {
            methodCode = "visit", content = "Kept", at = Now.AddHours(-1), attachmentFileIds = new[] { fuKept, fuDropped },
        }, HttpStatusCode.Created);
        await admin.PutOk($"/api/customers/{customer}/follow-ups/{Id(kept)}", new
        {
            methodCode = "visit", content = "Kept (one file dropped)", at = Now.AddHours(-1),
            concurrencyStamp = kept["concurrencyStamp"]!.GetValue<string>(), attachmentFileIds = new[] { fuKept },
        });
        var deleted = await admin.PostOk($"/api/customers/{customer}/follow-ups", new
        {
            methodCode = "phone", content = "Deleted", at = Now.AddHours(-2), attachmentFileIds = new[] { fuDeleted },
        }, HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/customers/{customer}/follow-ups/{Id(deleted)}")).StatusCode);

        // Tickets: one file never attached, one with the ticket, one with a comment.
        var tkOrphan = await UploadAsync(admin, TicketFiles, "tk-orphan");
        var tkTicket = await UploadAsync(admin, TicketFiles, "tk-ticket");
        var tkComment = await UploadAsync(admin, TicketFiles, "tk-comment");
        var ticket = Id(await admin.PostOk("/api/tickets", new
        {
            customerId = customer, title = "Noise", categoryCode = "repair", priorityCode = "normal", attachmentFileIds = new[] { tkTicket },
        }, HttpStatusCode.Created));
        await admin.PostOk($"/api/tickets/{ticket}/comments", new { content = "See the list", isInternal = true, attachmentFileIds = new[] { tkComment } },
            HttpStatusCode.Created);

        // Articles: one file never attached, one kept, one of an article later deleted.
        var kbOrphan = await UploadAsync(admin, ArticleFiles, "kb-orphan");
        var kbKept = await UploadAsync(admin, ArticleFiles, "kb-kept");
        var kbDeleted = await UploadAsync(admin, ArticleFiles, "kb-deleted");
        object Article(string title, Guid file) => new
        {
            title, body = $"<p>{title}</p>", categoryCode = "faq", tags = Array.Empty<string>(), visibility = "Internal", attachmentFileIds = new[] { file },
        };
        var article = Id(await admin.PostOk("/api/knowledge/articles", Article("Kept", kbKept), HttpStatusCode.Created));
        var gone = Id(await admin.PostOk("/api/knowledge/articles", Article("Deleted", kbDeleted), HttpStatusCode.Created));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/knowledge/articles/{gone}")).StatusCode);

        // A purpose that declares no references (exports) is left alone however old.
        Guid export;
        await using (var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(t.Id))
        {
            var stored = await scope.Services.GetRequiredService<IFileStore>()
                .SaveGeneratedAsync(ExportService.FilePurpose, "customers.csv", FileFormat.Csv, Encoding.UTF8.GetBytes("name\nA\n"), CancellationToken.None);
            await scope.Services.GetRequiredService<PlatformDbContext>().SaveChangesAsync();
            export = stored.Id;
        }

        // Another tenant's unused upload, as old.
        var other = await TenantScenario.CreateAsync(api, "sweep");
        var otherOrphan = await LocateAsync(other.Id, await UploadAsync(other.Admin, FollowUpFiles, "other-orphan"));

        var files = new Dictionary<Guid, Kept>();
        foreach (var id in new[] { fuOrphan, fuKept, fuDeleted, fuDropped, tkOrphan, tkTicket, tkComment, kbOrphan, kbKept, kbDeleted, export })
            files[id] = await LocateAsync(t.Id, id);
        var unused = new[] { fuOrphan, fuDeleted, fuDropped, tkOrphan, kbOrphan, kbDeleted }.Select(id => files[id]).ToArray();
        var used = new[] { fuKept, tkTicket, tkComment, kbKept, export }.Select(id => files[id]).ToArray();

        // Swept in batches of 2: files uploaded at the same instant span batches (the fake clock stands still).
        await using var smallBatches = api.Factory.WithWebHostBuilder(b => b.UseSetting("FileSweep:BatchSize", "2"));
        var host = smallBatches.Services;

        // Within the grace period nothing goes, not even the unused files.
        api.Factory.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(new FileSweepResult(0, 0), await SweepAsync(host, t.Id));
        await AssertKeptAsync([.. unused, .. used]);

        // Past it, the unused ones go (row and bytes); an upload of a minute ago, the used ones and the other tenant's stay.
        api.Factory.Clock.Advance(TimeSpan.FromHours(2));
        admin = await t.LoginAsync("admin");
        var fresh = await LocateAsync(t.Id, await UploadAsync(admin, FollowUpFiles, "fresh"));
        api.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var result = await SweepAsync(host, t.Id);
        Assert.Equal(new FileSweepResult(unused.Length, unused.Sum(f => f.Size)), result);
        await AssertGoneAsync(unused);
        await AssertKeptAsync([.. used, fresh, otherOrphan]);

        // The records still serve their files.
        var followUpFile = await admin.GetAsync($"/api/customers/{customer}/follow-ups/{Id(kept)}/attachments/{fuKept}");
        Assert.Equal(HttpStatusCode.OK, followUpFile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/tickets/{ticket}/attachments/{tkComment}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/knowledge/articles/{article}/attachments/{kbKept}")).StatusCode);

        // Again: nothing more goes.
        Assert.Equal(new FileSweepResult(0, 0), await SweepAsync(host, t.Id));
        await AssertKeptAsync([.. used, fresh, otherOrphan]);

        // The queued daily runs do the same for each tenant on their own: the other tenant's unused upload goes now.
        api.Factory.Clock.Advance(Day);
        await api.RunJobsAsync();
        await AssertGoneAsync(otherOrphan);
        await AssertGoneAsync(unused);
        await AssertKeptAsync(used);
        await AssertGoneAsync(fresh); // by now it is an old upload nobody attached
    }

    [Fact]
    public async Task One_daily_sweep_per_tenant_stays_queued_from_the_first_upload_on()
    {
        var t = await TenantScenario.CreateAsync(api, "sweep");
        Assert.Empty(await SweepJobsAsync(t.Id)); // no attachments, no sweep

        // The first upload starts the chain; more uploads queue no second run. The system runs it, not the uploader.
        var first = await LocateAsync(t.Id, await UploadAsync(t.Admin, FollowUpFiles, "first"));
        await UploadAsync(t.Admin, TicketFiles, "second");
        var queued = Assert.Single(await SweepJobsAsync(t.Id));
        Assert.Equal((JobStatus.Pending, NextRunAfter(Now), (Guid?)null), (queued.Status, queued.NextRunAt, queued.UserId));

        // Each run queues the next day's: one run a day, never two, never none.
        for (var day = 1; day <= 3; day++)
        {
            api.Factory.Clock.Advance(Day);
            Assert.True(await api.RunJobsAsync() >= 1);
            var jobs = await SweepJobsAsync(t.Id);
            Assert.Equal(day, jobs.Count(j => j.Status == JobStatus.Succeeded));
            var next = Assert.Single(jobs, j => j.Status == JobStatus.Pending);
            Assert.Equal(NextRunAfter(Now), next.NextRunAt);
        }
        await AssertGoneAsync(first);

        // A tenant whose files predate its chain (or lost it) gets one when a node starts.
        var admin = await t.LoginAsync("admin");
        await UploadAsync(admin, FollowUpFiles, "third"); // the chain is queued: no second run
        Assert.Single(await SweepJobsAsync(t.Id), j => j.Status == JobStatus.Pending);
        await using (var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(null))
        {
            var tenantId = t.Id;
            await scope.Services.GetRequiredService<PlatformDbContext>().BackgroundJobs
                .Where(j => j.TenantId == tenantId && j.JobName == FileSweepScheduler.JobName).ExecuteDeleteAsync();
        }
        await using (var node = api.Factory.WithWebHostBuilder(_ => { }))
        {
            _ = node.Services; // starts the host: its start-up step arms the sweeps
            var armed = Assert.Single(await SweepJobsAsync(t.Id));
            Assert.Equal((JobStatus.Pending, NextRunAfter(Now)), (armed.Status, armed.NextRunAt));
        }
    }
}

public sealed class FileSweepTestsSqlite(SqliteApi api) : FileSweepTests(api), IClassFixture<SqliteApi>;
public sealed class FileSweepTestsMariaDb(MariaDbApi api) : FileSweepTests(api), IClassFixture<MariaDbApi>;
