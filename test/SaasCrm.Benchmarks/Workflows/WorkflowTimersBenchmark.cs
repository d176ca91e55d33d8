using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Benchmarks.Customers;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Workflows;
using SaasCrm.Workflows.Runtime;

namespace SaasCrm.Benchmarks.Workflows;

/// <summary>
/// Durable workflow timers at scale on MariaDB, with the real host and real clock: N instances of a published
/// definition wait (WaitUntil on the customer's next follow-up date) for one instant T0; measured are how fast the
/// instances start and reach their wait, how late each resumed step ran after T0 (p50/p95), steps per second
/// once due, and how long a new host takes to answer /health with 0 and with N instances waiting (timers are jobs
/// in a table, so start-up should not depend on N). Usage: workflows [--instances 10000] [--lead 240].
/// Instance statuses are stored as numbers (the enum's value), not names.
/// </summary>
public static class WorkflowTimersBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Options.Int(args, "--instances", 10_000);
        var leadSeconds = Options.Int(args, "--lead", 240);
        Console.WriteLine($"workflow timers benchmark: {count:N0} waiting instances; {Options.Machine()}");
        var folder = Directory.CreateTempSubdirectory("saascrm-workflows-bench-").FullName;
        await using var server = await MariaDbServer.StartAsync();
        try
        {
            // The baseline for start-up: a database with the same tenant and schema but no instances, timed beside the loaded one.
            await server.CreateDatabaseAsync("bench0");
            var cs0 = server.ConnectionString("bench0");
            await using (var empty = new BenchHost(mariaDb: true, cs0, Directory.CreateDirectory(Path.Combine(folder, "empty")).FullName))
                await ImportBenchmark.TenantAsync(empty, "wf");
            await server.CreateDatabaseAsync("bench");
            var cs = server.ConnectionString("bench");
            await using var host = new BenchHost(mariaDb: true, cs, folder);
            var admin = await ImportBenchmark.TenantAsync(host, "wf");
            var me = await BenchHost.ExpectAsync(await admin.GetAsync("/api/account/me"));
            var tenantId = me["tenantId"]!.GetValue<Guid>();
            var adminId = me["userId"]!.GetValue<Guid>();
            Console.WriteLine($"MariaDB {server.ServerVersion}");


            // customer created → wait until its next follow-up date → set its level → complete
            var definition = new
            {
                trigger = new { kind = "recordCreated", recordType = "customer" },
                variables = Array.Empty<object>(),
                startStepId = "wait",
                steps = new object[]
                {
                    new { id = "wait", activity = "WaitUntil", properties = new { field = "nextFollowUpAt" }, next = "mark" },
                    new { id = "mark", activity = "SetField", properties = new { field = "level", value = "a" }, next = "done" },
                    new { id = "done", activity = "Complete", properties = new { } },
                },
            };
            var created = await BenchHost.ExpectAsync(await admin.PostAsJsonAsync("/api/workflows/definitions",
                new { name = "Timer benchmark", key = "timer-bench", description = (string?)null, definition, layout = (object?)null }), HttpStatusCode.Created);
            var definitionId = created["id"]!.GetValue<Guid>();
            await BenchHost.ExpectAsync(await admin.PostAsync($"/api/workflows/definitions/{definitionId}/draft/publish", null));

            // Customers in bulk (no signals), each due at T0; then one created-signal per customer, as the API would send.
            var generator = new CustomerDataGenerator(cs, DateTime.UtcNow);
            await generator.GenerateAsync(tenantId, [adminId], count, seed: 7);
            var due = DateTime.UtcNow.AddSeconds(leadSeconds);
            due = new DateTime(due.Ticks - due.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            await ExecuteAsync(cs, $"UPDATE Customers SET NextFollowUpAt = @due WHERE TenantId = '{tenantId}'", ("@due", due));
            var ids = await IdsAsync(cs, $"SELECT Id FROM Customers WHERE TenantId = '{tenantId}'");
            var stopwatch = Stopwatch.StartNew();
            foreach (var chunk in ids.Chunk(500))
            {
                await using var scope = host.Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId);
                var signals = scope.Services.GetRequiredService<IWorkflowSignals>();
                foreach (var id in chunk) await signals.RecordCreatedAsync("customer", id);
                await scope.Services.GetRequiredService<PlatformDbContext>().SaveChangesAsync();
            }
            Console.WriteLine($"signals written: {ids.Count:N0} in {stopwatch.Elapsed.TotalSeconds:0.0} s");
            int waiting;
            while ((waiting = await ScalarAsync(cs, $"SELECT COUNT(*) FROM WorkflowInstances WHERE TenantId = '{tenantId}' AND Status = {(int)WorkflowInstanceStatus.Waiting}")) < count
                   && DateTime.UtcNow < due)
                await Task.Delay(1000);
            var startSeconds = stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine($"instances started and waiting: {waiting:N0} of {count:N0} after {startSeconds:0.0} s ({waiting / startSeconds:0} instances/s); T0 in {(due - DateTime.UtcNow).TotalSeconds:0} s");

            // Alternating runs, so both sides see the same machine load; medians of three.
            var (empties, loaded) = (new List<double>(), new List<double>());
            for (var run = 0; run < 3; run++)
            {
                empties.Add((await StartupAsync(cs0, folder)).TotalMilliseconds);
                loaded.Add((await StartupAsync(cs, folder)).TotalMilliseconds);
            }
            var (startup0, startupN) = (empties.Order().ElementAt(1), loaded.Order().ElementAt(1));
            Console.WriteLine($"start-up of a second host (to its first /health answer), medians of 3 alternating runs: 0 instances {startup0:0} ms, " +
                              $"{waiting:N0} waiting {startupN:0} ms (ratio {startupN / startup0:0.00}x)");

            while (DateTime.UtcNow < due) await Task.Delay(500);
            int completed;
            var deadline = DateTime.UtcNow.AddMinutes(30);
            while ((completed = await ScalarAsync(cs, $"SELECT COUNT(*) FROM WorkflowInstances WHERE TenantId = '{tenantId}' AND Status = {(int)WorkflowInstanceStatus.Completed}")) < waiting
                   && DateTime.UtcNow < deadline)
                await Task.Delay(500);

            // Lateness: when each instance finished (the two steps after the wait ran), against T0. Steps: journal entries from T0 on.
            var finished = await TimesAsync(cs, $"SELECT FinishedAt FROM WorkflowInstances WHERE TenantId = '{tenantId}' AND Status = {(int)WorkflowInstanceStatus.Completed}");
            var steps = await TimesAsync(cs, $"SELECT At FROM WorkflowJournal WHERE TenantId = '{tenantId}' AND At >= @due", ("@due", due));
            var lateness = finished.Select(m => (m - due).TotalMilliseconds).Order().ToList();
            var duplicates = await ScalarAsync(cs, $"SELECT COUNT(*) - COUNT(DISTINCT InstanceId) FROM WorkflowJournal WHERE TenantId = '{tenantId}' AND StepId = 'mark'");
            Console.WriteLine($"completed: {completed:N0}; journal entries at T0 or later: {steps.Count:N0}; 'mark' steps run twice: {duplicates}");
            if (lateness.Count > 0)
                Console.WriteLine($"lateness of finishing after T0: p50 {Percentile(lateness, 50):0} ms, p95 {Percentile(lateness, 95):0} ms, max {lateness[^1]:0} ms");
            if (steps.Count > 0)
            {
                var span = Math.Max(0.001, (steps.Max() - due).TotalSeconds);
                Console.WriteLine($"steps after T0: {steps.Count:N0} journal entries in {span:0.0} s = {steps.Count / span:0} steps/s");
            }
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    /// <summary>A second node over the same database: time until it answers /health (its job worker starts with it).</summary>
    private static async Task<TimeSpan> StartupAsync(string cs, string folder)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var node = new BenchHost(mariaDb: true, cs, Directory.CreateDirectory(Path.Combine(folder, "node-" + Guid.NewGuid().ToString("N")[..6])).FullName);
        var response = await node.CreateClient().GetAsync("/health");
        var elapsed = stopwatch.Elapsed;
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"/health answered {(int)response.StatusCode}");
        return elapsed;
    }

    private static double Percentile(List<double> sorted, int p) => sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task ExecuteAsync(string cs, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new MySqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ScalarAsync(string cs, string sql)
    {
        await using var connection = new MySqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private static async Task<List<Guid>> IdsAsync(string cs, string sql)
    {
        await using var connection = new MySqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private static async Task<List<DateTime>> TimesAsync(string cs, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new MySqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var times = new List<DateTime>();
        while (await reader.ReadAsync()) times.Add(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc));
        return times;
    }
}
