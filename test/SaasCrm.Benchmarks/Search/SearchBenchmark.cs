using SaasCrm.Api.Tests.Infrastructure;
using System.Diagnostics;
using Bogus;
using MySqlConnector;
using SaasCrm.Search;
using SaasCrm.Search.Analysis;
using SaasCrm.Search.Engines;
using SaasCrm.Search.Engines.Lucene;

namespace SaasCrm.Benchmarks.Search;

/// <summary>
/// Indexes N generated customers (Chinese and English) into the Lucene engine and times 20 representative queries,
/// against MariaDB LIKE '%q%' over the same rows in the same run. Usage: search [--count 1000000] [--no-mariadb].
/// </summary>
public static class SearchBenchmark
{
    private static readonly string[] Queries =
    [
        "华为", "王", "张伟", "科技有限公司", "深圳", "北京华", "李娜", "贸易", "1381234", "8888",
        "acme", "micro", "Johnson", "smith", "consulting", "globl", "gmail", "info@", "王 科技", "Group",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.SkipWhile(a => a != "--count").Skip(1).Select(int.Parse).FirstOrDefault(1_000_000);
        var withMariaDb = !args.Contains("--no-mariadb");
        var tenant = Guid.CreateVersion7();
        var folder = Directory.CreateTempSubdirectory("saascrm-search-bench-").FullName;
        Console.WriteLine($"search benchmark: {count:N0} customers, {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        try
        {
            using var index = new LuceneSearchIndex(folder);
            var stopwatch = Stopwatch.StartNew();
            await using (var build = await index.BeginRebuildAsync(tenant, default))
            {
                foreach (var batch in Generate(count).Chunk(5000)) await build.AddAsync(batch.Select(c => c.Document).ToList(), default);
                await build.SwapAsync(default);
            }
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var size = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"lucene: indexed {count:N0} in {seconds:0.0} s = {count / seconds:N0} docs/s, index {size / 1024d / 1024:0} MB");

            var lucene = await TimeAsync(Queries, 20, async q =>
                (await index.SearchAsync(tenant, new SearchIndexQuery(QueryPlan.Parse(q), "customer", SearchScope.All, new Dictionary<string, string>(), 0, 20), default)).Total);
            Report("lucene", lucene);

            if (!withMariaDb) return 0;
            await using var server = await MariaDbServer.StartAsync();
            await server.CreateDatabaseAsync("bench");
            var cs = server.ConnectionString("bench");
            stopwatch.Restart();
            await LoadMariaDbAsync(cs, tenant, count);
            Console.WriteLine($"mariadb {server.ServerVersion}: loaded {count:N0} rows in {stopwatch.Elapsed.TotalSeconds:0.0} s");
            await using var connection = new MySqlConnection(cs);
            await connection.OpenAsync();
            var like = await TimeAsync(Queries, 3, async q =>
            {
                // What a list page does without search: page and count with LIKE '%q%' over name, phones and emails.
                var where = "TenantId = @t AND (Name LIKE @q OR Phones LIKE @q OR Emails LIKE @q)";
                await using var page = new MySqlCommand($"SELECT Id, Name FROM Customers WHERE {where} ORDER BY Name LIMIT 20", connection);
                page.Parameters.AddWithValue("@t", tenant.ToString());
                page.Parameters.AddWithValue("@q", "%" + q + "%");
                await using (var reader = await page.ExecuteReaderAsync()) while (await reader.ReadAsync()) { }
                await using var total = new MySqlCommand($"SELECT COUNT(*) FROM Customers WHERE {where}", connection);
                total.Parameters.AddWithValue("@t", tenant.ToString());
                total.Parameters.AddWithValue("@q", "%" + q + "%");
                return Convert.ToInt64(await total.ExecuteScalarAsync());
            });
            Report("mariadb LIKE", like);
            Console.WriteLine($"ratio: p50 {Percentile(like, 50) / Percentile(lucene, 50):0}x, p95 {Percentile(like, 95) / Percentile(lucene, 95):0}x faster than LIKE");
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    private sealed record Row(SearchDocument Document, string Phones, string Emails);

    private static IEnumerable<Row> Generate(int count)
    {
        Randomizer.Seed = new Random(20240601);
        var zh = new Faker("zh_CN");
        var en = new Faker("en");
        string[] zhSuffix = ["科技有限公司", "贸易有限公司", "集团", "网络科技有限公司", "电子有限公司", "咨询有限公司"];
        string[] zhCity = ["深圳", "北京", "上海", "广州", "杭州", "成都", "南京", "武汉"];
        for (var i = 0; i < count; i++)
        {
            var chinese = i % 2 == 0;
            var f = chinese ? zh : en;
            var name = chinese
                ? (i % 4 == 0 ? f.Name.LastName() + f.Name.FirstName() : f.PickRandom(zhCity) + f.Name.LastName() + f.Name.FirstName() + f.PickRandom(zhSuffix))
                : f.Company.CompanyName();
            var phone = chinese ? "1" + f.Random.ReplaceNumbers("3#########") : f.Phone.PhoneNumber("###-###-####");
            var email = f.Internet.Email(f.Name.FirstName(), f.Name.LastName()).ToLowerInvariant();
            var remark = chinese ? f.PickRandom(zhCity) + f.Lorem.Sentence(3) : f.Company.CatchPhrase();
            var doc = new SearchDocument("customer", Guid.CreateVersion7(), name,
                new Dictionary<string, string?> { ["remark"] = remark }, [phone, email],
                new Dictionary<string, string?> { ["owner"] = $"u{i % 50}", ["level"] = "a", ["inPool"] = "false" }, null, 1, Link: "/customers/x");
            yield return new Row(doc, phone, email);
        }
    }

    private static async Task LoadMariaDbAsync(string cs, Guid tenant, int count)
    {
        await using var connection = new MySqlConnection(cs);
        await connection.OpenAsync();
        await using (var create = new MySqlCommand("""
            CREATE TABLE Customers (Id CHAR(36) NOT NULL PRIMARY KEY, TenantId CHAR(36) NOT NULL, Name VARCHAR(200) NOT NULL,
              Phones VARCHAR(200) NOT NULL, Emails VARCHAR(300) NOT NULL, Remark VARCHAR(2000) NULL, KEY IX_Tenant_Name (TenantId, Name))
              CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci
            """, connection)) await create.ExecuteNonQueryAsync();
        foreach (var batch in Generate(count).Chunk(1000))
        {
            var sql = new System.Text.StringBuilder("INSERT INTO Customers (Id, TenantId, Name, Phones, Emails, Remark) VALUES ");
            await using var insert = new MySqlCommand { Connection = connection };
            for (var i = 0; i < batch.Length; i++)
            {
                if (i > 0) sql.Append(',');
                sql.Append($"(@i{i},@t,@n{i},@p{i},@e{i},@r{i})");
                insert.Parameters.AddWithValue($"@i{i}", batch[i].Document.Id.ToString());
                insert.Parameters.AddWithValue($"@n{i}", batch[i].Document.Title);
                insert.Parameters.AddWithValue($"@p{i}", batch[i].Phones);
                insert.Parameters.AddWithValue($"@e{i}", batch[i].Emails);
                insert.Parameters.AddWithValue($"@r{i}", batch[i].Document.Text["remark"]);
            }
            insert.Parameters.AddWithValue("@t", tenant.ToString());
            insert.CommandText = sql.ToString();
            await insert.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<double>> TimeAsync(string[] queries, int rounds, Func<string, Task<long>> run)
    {
        foreach (var q in queries) await run(q); // warm-up
        var times = new List<double>();
        var totals = new Dictionary<string, long>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var q in queries)
            {
                var stopwatch = Stopwatch.StartNew();
                totals[q] = await run(q);
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }
        Console.WriteLine("  hits: " + string.Join(", ", totals.Select(kv => $"{kv.Key}={kv.Value}")));
        return times;
    }

    private static void Report(string name, List<double> times) =>
        Console.WriteLine($"{name}: {times.Count} queries, p50 {Percentile(times, 50):0.0} ms, p95 {Percentile(times, 95):0.0} ms, max {times.Max():0.0} ms");

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100d * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
