using SaasCrm.Api.Tests.Infrastructure;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Customers.Pool.Release;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Benchmarks.Customers;

/// <summary>
/// The customers module at scale on MariaDB, measured at the HTTP boundary of the real host: one large tenant (plus 9
/// tenants a tenth of its size) generated with Bogus and bulk INSERTs, then list, 360 and duplicate-check latency for a
/// manager and a sales rep, deep keyset vs OFFSET paging at the same depth, and the durations of a pool release, a
/// handover and an import. Usage: customers [--customers 1000000] [--handover 10000] [--import 100000] [--warmup 20000]
/// [--rounds 30] [--only handover|lists].
/// </summary>
public static class CustomersBenchmark
{
    private const int Departments = 5, RepsPerDepartment = 8, SmallTenants = 9;

    public static async Task<int> RunAsync(string[] args)
    {
        var customers = Options.Int(args, "--customers", 1_000_000);
        var handover = Options.Int(args, "--handover", 10_000);
        var importRows = Options.Int(args, "--import", 100_000);
        var rounds = Options.Int(args, "--rounds", 30);
        // "--only handover": data, then the handover alone (no latency rounds, pool release or import);
        // "--only lists": data, then the latency rounds alone.
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        var handoverOnly = only == "handover";
        Console.WriteLine($"customers benchmark: {customers:N0} customers in the large tenant + {SmallTenants} x {customers / 10:N0}; {Options.Machine()}");
        var folder = Directory.CreateTempSubdirectory("saascrm-customers-bench-").FullName;
        await using var server = await MariaDbServer.StartAsync();
        try
        {
            await server.CreateDatabaseAsync("bench");
            var cs = server.ConnectionString("bench");
            await using var host = new BenchHost(mariaDb: true, cs, folder);
            Console.WriteLine($"MariaDB {server.ServerVersion}");

            // Staff of the large tenant through the API: departments, a manager and sales reps in each.
            var admin = await ImportBenchmark.TenantAsync(host, "big");
            var tenantId = (await BenchHost.ExpectAsync(await admin.GetAsync("/api/account/me")))["tenantId"]!.GetValue<Guid>();
            var tenantName = await TenantNameAsync(admin);
            var roles = (await BenchHost.ExpectAsync(await admin.GetAsync("/api/identity/roles"))).AsArray()
                .ToDictionary(r => r!["name"]!.GetValue<string>(), r => r!["id"]!.GetValue<Guid>());
            var departments = new List<Guid>();
            var reps = new List<(Guid Id, string Name, int Department)>();
            for (var d = 0; d < Departments; d++)
            {
                departments.Add((await BenchHost.ExpectAsync(await admin.PostAsJsonAsync("/api/departments", new { name = $"销售{d + 1}部", parentId = (Guid?)null }), HttpStatusCode.Created))["id"]!.GetValue<Guid>());
                await UserAsync(admin, $"mgr{d}", roles["manager"], departments[d]);
                for (var r = 0; r < RepsPerDepartment; r++) reps.Add((await UserAsync(admin, $"rep{d}x{r}", roles["sales"], departments[d]), $"rep{d}x{r}", d));
            }

            var now = DateTime.UtcNow;
            var generator = new CustomerDataGenerator(cs, now);
            var stopwatch = Stopwatch.StartNew();
            var counts = await generator.GenerateAsync(tenantId, reps.Select(r => r.Id).ToList(), customers, seed: 1, Console.WriteLine, firstOwnerCount: handover);
            Console.WriteLine($"generated large tenant: {counts.Customers:N0} customers, {counts.Contacts:N0} contacts, {counts.FollowUps:N0} follow-ups, {counts.Keys:N0} keys in {stopwatch.Elapsed.TotalSeconds:0} s");
            for (var t = 0; t < SmallTenants; t++)
            {
                var small = await ImportBenchmark.TenantAsync(host, $"small{t}");
                var smallId = (await BenchHost.ExpectAsync(await small.GetAsync("/api/account/me")))["tenantId"]!.GetValue<Guid>();
                var smallAdmin = (await BenchHost.ExpectAsync(await small.GetAsync("/api/account/me")))["userId"]!.GetValue<Guid>();
                await generator.GenerateAsync(smallId, [smallAdmin], customers / 10, seed: 100 + t);
            }
            Console.WriteLine($"generated all tenants in {stopwatch.Elapsed.TotalSeconds:0} s");
            await AnalyzeAsync(cs);

            // Generating a million customers outlasts an access token: sign in again for the measurements.
            admin = await host.LoginAsync(tenantName, "admin");
            var manager = await host.LoginAsync(tenantName, "mgr0");
            var rep = await host.LoginAsync(tenantName, reps[0].Name);
            foreach (var (who, client) in handoverOnly ? [] : new[] { ("manager", manager), ("sales rep", rep) })
            {
                const string filter = "/api/customers?level=a&level=b&sort=-createdAt";
                var list = filter + "&pageSize=20";
                Report($"{who} list page 1 (level a|b, -createdAt)", await TimeAsync(rounds, () => client.GetAsync(list)));
                Report($"{who} list by name prefix, sort name", await TimeAsync(rounds, () => client.GetAsync("/api/customers?name=深圳&sort=name&pageSize=20")));
                var total = (await BenchHost.ExpectAsync(await client.GetAsync(list)))["total"]!.GetValue<int>();
                var depth = Math.Min(total, 10_000) - 20;
                var before = await BenchHost.ExpectAsync(await client.GetAsync($"{list}&offset={depth - 20}"));
                var cursor = before["nextCursor"]!.GetValue<string>();
                var keyset = await TimeAsync(rounds, () => client.GetAsync($"{list}&cursor={Uri.EscapeDataString(cursor)}"));
                var offset = await TimeAsync(rounds, () => client.GetAsync($"{list}&offset={depth}"));
                Report($"{who} deep page at row {depth:N0} by keyset cursor", keyset);
                Report($"{who} deep page at row {depth:N0} by OFFSET (baseline)", offset);
                Console.WriteLine($"  ratio OFFSET/keyset: p50 {Percentile(offset, 50) / Percentile(keyset, 50):0.0}x, p95 {Percentile(offset, 95) / Percentile(keyset, 95):0.0}x");

                var ids = (await BenchHost.ExpectAsync(await client.GetAsync($"{filter}&pageSize=100")))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
                var n = 0;
                Report($"{who} customer 360", await TimeAsync(rounds, () => client.GetAsync($"/api/customers/{ids[n++ % ids.Count]}/360")));
                var k = 0;
                Report($"{who} duplicate check (name + phone + email)", await TimeAsync(rounds, () =>
                {
                    var i = k++ * 7919 % customers;
                    return client.GetAsync($"/api/customers/duplicates?name={Uri.EscapeDataString("深圳王伟科技有限公司" + i)}&phone=1{3 + i % 7}{i:D9}&email=c{i}.1@example.com");
                }));
            }

            if (args.Contains("--hold"))
            {
                // For reading query plans against the generated data: the server stays up until Enter.
                Console.WriteLine($"holding MariaDB for inspection: {cs}; press Enter to stop");
                Console.ReadLine();
            }
            if (only == "lists") return 0;

            // Handover: the first rep owns exactly --handover customers (see the generator); all of them go to another rep.
            var from = reps[0].Id;
            var to = reps[1].Id;
            var owned = await CountAsync(cs, $"SELECT COUNT(*) FROM Customers WHERE TenantId = '{tenantId}' AND OwnerId = '{from}' AND Status = 'Active'");
            // Warm-up, as for the latencies above: a handover the server refuses (it names a customer that does not exist).
            await admin.PostAsJsonAsync("/api/customer-handovers", new { fromUserId = to, toUserId = from, includeReminders = true, reason = "warm-up", customerIds = new[] { Guid.NewGuid() } });
            stopwatch.Restart();
            var started = await BenchHost.ExpectAsync(await admin.PostAsJsonAsync("/api/customer-handovers", new
            {
                fromUserId = from, toUserId = to, filter = (object?)null, customerIds = (object?)null, includeReminders = true, keepCollaboratorUntil = (DateTime?)null, reason = "benchmark",
            }), HttpStatusCode.Created);
            var done = await PollAsync(admin, $"/api/customer-handovers/{started["id"]}", "status", "Queued", "Running");
            Console.WriteLine($"handover: {done["moved"]} of {owned:N0} customers in {stopwatch.Elapsed.TotalSeconds:0.00} s ({done["status"]}; target 10,000 in < 2 s)");
            if (handoverOnly) return 0;

            // Pool release: every tenth customer is level C without follow-up for 60+ days; a pool over all departments releases them.
            var pool = await BenchHost.ExpectAsync(await admin.PostAsJsonAsync("/api/customer-pools", new
            {
                name = "公海", description = (string?)null, memberUserIds = Array.Empty<Guid>(), memberDepartmentIds = departments,
                rules = new[] { new { levelCode = "c", daysWithoutFollowUp = (int?)30, daysWithoutDeal = (int?)null } },
                warnDaysBefore = 0, maxCustomersPerRep = (int?)null, maxClaimsPerDay = (int?)null, reclaimCooldownDays = (int?)null, concurrencyStamp = (string?)null,
            }), HttpStatusCode.Created);
            stopwatch.Restart();
            await using (var scope = host.Services.GetRequiredService<ITenantScopeFactory>().Create(tenantId))
            {
                var jobs = scope.Services.GetRequiredService<IBackgroundJobManager>();
                await jobs.EnqueueAsync(new PoolReleaseJobArgs(DateOnly.FromDateTime(now)), null, $"bench-pool-release:{tenantId}");
                await scope.Services.GetRequiredService<SaasCrm.Platform.Data.PlatformDbContext>().SaveChangesAsync();
            }
            var released = await PollAsync(admin, $"/api/customer-pools/{pool["id"]}", "lastRunAt", [null]);
            Console.WriteLine($"pool release: {released["lastRunReleased"]} customers released in {stopwatch.Elapsed.TotalSeconds:0.0} s");

            // Import through the API into the large tenant, after a warm-up import elsewhere (see ImportBenchmark.WarmUpAsync).
            await ImportBenchmark.WarmUpAsync(host, Options.Int(args, "--warmup", 20_000));
            var result = await ImportBenchmark.ImportAsync(admin, ImportBenchmark.Csv(importRows, seed: 3), importRows);
            Console.WriteLine(result);
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    private static async Task<string> TenantNameAsync(HttpClient admin) =>
        (await BenchHost.ExpectAsync(await admin.GetAsync("/api/account/me")))["tenantName"]!.GetValue<string>();

    private static async Task<Guid> UserAsync(HttpClient admin, string userName, Guid roleId, Guid departmentId) =>
        (await BenchHost.ExpectAsync(await admin.PostAsJsonAsync("/api/identity/users", new
        {
            userName, name = userName, email = $"{userName}@example.com", password = BenchHost.Password, roleIds = new[] { roleId }, departmentIds = new[] { departmentId },
        }), HttpStatusCode.Created))["id"]!.GetValue<Guid>();

    private static async Task<JsonNode> PollAsync(HttpClient client, string url, string field, params string?[] whileValues)
    {
        while (true)
        {
            var body = await BenchHost.ExpectAsync(await client.GetAsync(url));
            var value = body[field]?.ToString();
            if (!whileValues.Contains(value)) return body;
            await Task.Delay(100);
        }
    }

    private static async Task<long> CountAsync(string cs, string sql)
    {
        await using var connection = new MySqlConnector.MySqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new MySqlConnector.MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task AnalyzeAsync(string cs)
    {
        await using var connection = new MySqlConnector.MySqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new MySqlConnector.MySqlCommand("ANALYZE TABLE Customers, Contacts, FollowUps, CustomerKeys", connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }

    private static async Task<List<double>> TimeAsync(int rounds, Func<Task<HttpResponseMessage>> request)
    {
        for (var i = 0; i < 3; i++) await BenchHost.ExpectAsync(await request()); // warm-up
        var times = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var response = await request();
            await response.Content.ReadAsByteArrayAsync();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
        }
        return times;
    }

    private static void Report(string name, List<double> times) =>
        Console.WriteLine($"{name}: n={times.Count}, p50 {Percentile(times, 50):0.0} ms, p95 {Percentile(times, 95):0.0} ms, max {times.Max():0.0} ms");

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100d * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
