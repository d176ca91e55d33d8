using SaasCrm.Api.Tests.Infrastructure;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Bogus;

namespace SaasCrm.Benchmarks.Customers;

/// <summary>
/// Import of generated rows through the HTTP API (upload → dry run → commit → poll until the job completes):
/// dry-run and commit rates. Usage: import [--rows 20000] [--warmup 5000] [--repeat 1] [--mariadb]. Also called by the customers scenario.
/// </summary>
public static class ImportBenchmark
{
    public static readonly string[] Header = ["客户名称", "客户级别", "电话", "邮箱", "标签", "联系人", "联系人手机", "备注"];

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = Options.Int(args, "--rows", 20_000);
        var warmUp = Options.Int(args, "--warmup", 5_000);
        var repeat = Options.Int(args, "--repeat", 1);
        var mariaDb = args.Contains("--mariadb");
        var folder = Directory.CreateTempSubdirectory("saascrm-import-bench-").FullName;
        Console.WriteLine($"import benchmark: {rows:N0} rows on {(mariaDb ? "MariaDB" : "SQLite")}, {Options.Machine()}");
        MariaDbServer? server = null;
        try
        {
            string cs;
            if (mariaDb)
            {
                server = await MariaDbServer.StartAsync();
                await server.CreateDatabaseAsync("bench");
                cs = server.ConnectionString("bench");
            }
            else cs = $"Data Source={Path.Combine(folder, "crm.db")};Default Timeout=60";
            await using var host = new BenchHost(mariaDb, cs, folder);
            await WarmUpAsync(host, warmUp);
            for (var round = 0; round < repeat; round++)
            {
                var admin = await TenantAsync(host, "imp");
                Console.WriteLine(await ImportAsync(admin, Csv(rows, seed: 7), rows));
                // How long after the commit the rows are searchable; also, each round starts with the index caught up.
                var indexing = Stopwatch.StartNew();
                await WaitForSearchIndexAsync(admin);
                Console.WriteLine($"  search index caught up {indexing.Elapsed.TotalSeconds:0.0} s after the commit");
            }
            return 0;
        }
        finally
        {
            if (server is not null) await server.DisposeAsync();
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    /// <summary>A new tenant through the host API; returns its signed-in admin.</summary>
    public static async Task<HttpClient> TenantAsync(BenchHost host, string prefix)
    {
        var hostAdmin = await host.LoginAsync(null, "admin");
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await BenchHost.ExpectAsync(await hostAdmin.PostAsJsonAsync("/api/host/tenants", new
        {
            name, displayName = name, adminUserName = "admin", adminPassword = BenchHost.Password, adminEmail = "admin@example.com",
        }), HttpStatusCode.Created);
        return await host.LoginAsync(name, "admin");
    }

    /// <summary>
    /// A server that has run for a while has its import, bulk insert and indexing code compiled at full optimisation; a
    /// fresh process runs them as quickly-jitted code and spends a fifth of its CPU on compiling them (measured with perf).
    /// So a first import of other rows into a tenant of its own, then wait until the search index has caught up with it,
    /// so it does not take CPU from the import measured.
    /// </summary>
    public static async Task WarmUpAsync(BenchHost host, int rows)
    {
        if (rows <= 0) return;
        var client = await TenantAsync(host, "warm");
        Console.WriteLine($"warm-up: {await ImportAsync(client, Csv(rows, seed: 11), rows)}");
        await WaitForSearchIndexAsync(client);
    }

    /// <summary>Until the tenant's index has applied every search operation logged (at most five minutes).</summary>
    public static async Task WaitForSearchIndexAsync(HttpClient admin)
    {
        var until = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < until)
        {
            var nodes = (await BenchHost.ExpectAsync(await admin.GetAsync("/api/search/index"))).AsArray();
            if (nodes.Count > 0 && nodes.All(n => n!["pending"]!.GetValue<long>() == 0)) return;
            await Task.Delay(500);
        }
        throw new TimeoutException("the search index did not catch up within five minutes");
    }

    public sealed record Result(int Rows, int Created, double DryRunSeconds, double CommitSeconds)
    {
        public override string ToString() =>
            $"import: {Rows:N0} rows, created {Created:N0}; dry run {DryRunSeconds:0.0} s = {Rows / DryRunSeconds:N0} rows/s; commit {CommitSeconds:0.0} s = {Rows / CommitSeconds:N0} rows/s";
    }

    public static async Task<Result> ImportAsync(HttpClient client, byte[] csv, int rows)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "customers.csv");
        var upload = await BenchHost.ExpectAsync(await client.PostAsync("/api/customer-imports", form), HttpStatusCode.Created);
        var id = upload["id"]!.GetValue<Guid>();
        var mapping = upload["mapping"]!;

        var stopwatch = Stopwatch.StartNew();
        var report = await BenchHost.ExpectAsync(await client.PostAsJsonAsync($"/api/customer-imports/{id}/dry-run", new { mapping }));
        var dryRun = stopwatch.Elapsed.TotalSeconds;
        if (report["errors"]!.GetValue<int>() > 0) Console.WriteLine($"  dry run found {report["errors"]} rows in error, e.g. {report["rows"]![0]}");

        stopwatch.Restart();
        var commit = await client.PostAsJsonAsync($"/api/customer-imports/{id}/commit", new { mode = "ValidRowsOnly" });
        var batch = await BenchHost.ExpectAsync(commit, commit.StatusCode == HttpStatusCode.Accepted ? HttpStatusCode.Accepted : HttpStatusCode.OK);
        while (batch["status"]!.GetValue<string>() is "Queued" or "Running")
        {
            await Task.Delay(250);
            batch = await BenchHost.ExpectAsync(await client.GetAsync($"/api/customer-imports/{id}"));
        }
        var seconds = stopwatch.Elapsed.TotalSeconds;
        if (batch["status"]!.GetValue<string>() != "Completed") throw new InvalidOperationException("import ended " + batch.ToJsonString());
        return new Result(rows, batch["created"]!.GetValue<int>(), dryRun, seconds);
    }

    /// <summary>Rows as a user would bring them: Chinese and English names, a level label, phone, email, tags, a contact.</summary>
    public static byte[] Csv(int rows, int seed)
    {
        var zh = new Faker("zh_CN") { Random = new Randomizer(seed) };
        var en = new Faker("en") { Random = new Randomizer(seed + 1) };
        string[] levels = ["A 重点客户", "b", "c"];
        var text = new StringBuilder(string.Join(",", Header)).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            var chinese = i % 2 == 0;
            var f = chinese ? zh : en;
            // A running number keeps names, phones and emails unique, so every row is created (no duplicates skipped).
            var name = chinese ? $"{f.Address.City()}{f.Name.LastName()}{f.Name.FirstName()}科技有限公司{i}" : $"{f.Company.CompanyName().Replace(",", "")} {i}";
            text.Append(name).Append(',').Append(levels[i % 3]).Append(',').Append($"139{seed % 10}{i:D7}").Append(',')
                .Append($"c{seed}x{i}@example.com").Append(',').Append(i % 5 == 0 ? "vip" : "").Append(',')
                .Append(chinese ? f.Name.LastName() + f.Name.FirstName() : f.Name.FullName()).Append(',').Append($"138{seed % 10}{i:D7}").Append(',')
                .Append("imported").Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

internal static class Options
{
    public static int Int(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}";
}
