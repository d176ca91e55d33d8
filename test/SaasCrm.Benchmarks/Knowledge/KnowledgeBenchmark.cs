using System.Diagnostics;
using Bogus;
using SaasCrm.Search;
using SaasCrm.Search.Analysis;
using SaasCrm.Search.Engines;
using SaasCrm.Search.Engines.Lucene;
using SaasCrm.Service.Knowledge.Articles;

namespace SaasCrm.Benchmarks.Knowledge;

/// <summary>
/// Indexes N generated knowledge articles (half Chinese, half English; HTML bodies of a few paragraphs, turned into
/// text as the article source does) into the Lucene engine and times 20 representative queries as the knowledge
/// page runs them: counts by category, and half of them in a portal account's scope.
/// Usage: knowledge [--articles 100000].
/// </summary>
public static class KnowledgeBenchmark
{
    private static readonly string[] Queries =
    [
        "空调", "不制冷", "滤网", "洗衣机 漏水", "冰箱", "故障代码", "安装", "退换货", "遥控器", "压缩机",
        "filter", "compressor", "error code", "install", "refund", "remote", "noise", "warranty", "firmware update", "leak",
    ];

    private static readonly string[] Categories = ["product", "solution", "case", "countermeasure", "faq", "training"];

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.SkipWhile(a => a != "--articles").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
        var tenant = Guid.CreateVersion7();
        var folder = Directory.CreateTempSubdirectory("saascrm-knowledge-bench-").FullName;
        Console.WriteLine($"knowledge benchmark: {count:N0} articles, {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load {LoadAverage()}");
        try
        {
            using var index = new LuceneSearchIndex(folder);
            var documents = Generate(count).ToList();
            var textBytes = documents.Sum(d => (long)d.Title.Length + d.Text.Values.Sum(v => v?.Length ?? 0));
            Console.WriteLine($"generated {count:N0} articles, {textBytes / 1024d / 1024:0} M characters of text");
            var stopwatch = Stopwatch.StartNew();
            await using (var build = await index.BeginRebuildAsync(tenant, default))
            {
                foreach (var batch in documents.Chunk(2000)) await build.AddAsync(batch, default);
                await build.SwapAsync(default);
            }
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var size = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"lucene: indexed {count:N0} in {seconds:0.0} s = {count / seconds:N0} docs/s, index {size / 1024d / 1024:0} MB");

            // Single updates as the applier makes them (one commit each): what an editor's save costs.
            stopwatch.Restart();
            foreach (var d in documents.Take(200)) await index.ApplyAsync(tenant, [d with { Version = 2 }], [], default);
            Console.WriteLine($"lucene: 200 single-article updates, {stopwatch.Elapsed.TotalMilliseconds / 200:0.0} ms each");

            var portal = SearchScope.AnyOfFields(new Dictionary<string, IReadOnlyCollection<string>> { ["audience"] = ["customers"] });
            var staff = await TimeAsync(Queries, 10, async q => (await index.SearchAsync(tenant,
                new SearchIndexQuery(QueryPlan.Parse(q), "article", SearchScope.All, new Dictionary<string, string>(), 0, 10, "category"), default)).Total);
            Report("staff search + category counts", staff);
            var customers = await TimeAsync(Queries, 10, async q => (await index.SearchAsync(tenant,
                new SearchIndexQuery(QueryPlan.Parse(q), "article", portal, new Dictionary<string, string>(), 0, 10, "category"), default)).Total);
            Report("portal search (customers scope) + counts", customers);
            var filtered = await TimeAsync(Queries, 10, async q => (await index.SearchAsync(tenant,
                new SearchIndexQuery(QueryPlan.Parse(q), "article", SearchScope.All, new Dictionary<string, string> { ["category"] = "faq" }, 0, 10, "category"), default)).Total);
            Report("staff search, category filter + counts", filtered);
            var suggestions = await TimeAsync(["客户家空调开机后不制冷 滤网很脏", "washing machine leaks water after firmware update"], 20, async q => (await index.SearchAsync(tenant,
                new SearchIndexQuery(QueryPlan.Parse(q), "article", SearchScope.All, new Dictionary<string, string>(), 0, 5, MatchAny: true), default)).Total);
            Report("ticket suggestions (any term)", suggestions);
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    private static IEnumerable<SearchDocument> Generate(int count)
    {
        Randomizer.Seed = new Random(20261123);
        var f = new Faker("zh_CN");
        var en = new Faker("en");
        string[] zhProducts = ["空调", "冰箱", "洗衣机", "热水器", "电视", "油烟机", "净水器", "扫地机器人", "微波炉", "手机"];
        string[] zhProblems = ["不制冷", "漏水", "异响", "无法开机", "遥控器失灵", "显示故障代码 E1", "安装位置不当", "压缩机不启动", "滤网堵塞", "退换货流程"];
        string[] zhSentences = ["请先断电五分钟后重新启动。", "检查滤网是否清洁，必要时更换。", "如仍无法解决，请联系售后上门维修。", "保修期内免费更换配件。",
            "安装时请保持机身水平。", "固件升级后问题消失。", "客户反映使用一周后出现问题。", "建议定期保养以延长寿命。", "退换货需在七天内申请。", "请核对购买凭证和序列号。"];
        string[] enProducts = ["air conditioner", "refrigerator", "washing machine", "water heater", "TV", "range hood", "water purifier", "robot vacuum", "microwave", "phone"];
        string[] enChecks = ["filter", "compressor", "firmware update", "warranty", "drain hose"];
        string[] enProblems = ["not cooling", "leaks water", "makes noise", "does not power on", "remote not working", "shows error code E1", "install clearance", "compressor fails to start", "filter clogged", "refund process"];
        for (var i = 0; i < count; i++)
        {
            var chinese = i % 2 == 0;
            string title, body;
            if (chinese)
            {
                title = $"{f.PickRandom(zhProducts)}{f.PickRandom(zhProblems)}的处理方法（{f.Random.Number(1, 999)}）";
                body = string.Concat(Enumerable.Range(0, f.Random.Number(3, 6)).Select(_ => $"<p>{string.Concat(f.Random.ArrayElements(zhSentences, 3))}</p>"));
            }
            else
            {
                title = $"{Cap(en.PickRandom(enProducts))} {en.PickRandom(enProblems)}: what to do ({en.Random.Number(1, 999)})";
                body = string.Concat(Enumerable.Range(0, en.Random.Number(3, 6)).Select(_ => $"<p>{en.Lorem.Sentence(12)} Check the {en.PickRandom(enChecks)} first.</p>"));
            }
            var category = Categories[i % Categories.Length];
            var audience = (i % 3) switch { 0 => "customers", 1 => "partners", _ => null };
            yield return new SearchDocument("article", Guid.CreateVersion7(), title,
                new Dictionary<string, string?> { ["body"] = ArticleHtml.ToText(body), ["tags"] = chinese ? "售后 维修" : "after-sales repair" }, [],
                new Dictionary<string, string?> { ["category"] = category, ["status"] = "published", ["visibility"] = audience ?? "internal", ["audience"] = audience },
                null, 1, Link: "/knowledge/articles/x");
        }
    }

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

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
