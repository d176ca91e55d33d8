using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SaasCrm.Search.Analysis;
using SaasCrm.Search.Engines;
using SaasCrm.Search.Engines.Elasticsearch;
using SaasCrm.Search.Engines.Lucene;

namespace SaasCrm.Search.Tests;

/// <summary>Counts by a filter field (facets) and any-term matching, in both engines.</summary>
public sealed class FacetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("saascrm-facets-").FullName;
    private readonly LuceneSearchIndex _index;
    private readonly Guid _tenant = Guid.NewGuid();

    public FacetTests() => _index = new LuceneSearchIndex(_folder);

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_folder, true);
    }

    private static SearchDocument Article(string title, string category, string body = "", string audience = "internal") =>
        new("article", Guid.NewGuid(), title, new Dictionary<string, string?> { ["body"] = body },
            [], new Dictionary<string, string?> { ["category"] = category, ["audience"] = audience }, null, 1);

    private Task<SearchIndexResult> SearchAsync(string q, Dictionary<string, string>? filters = null, SearchScope? scope = null, bool matchAny = false, int take = 20) =>
        _index.SearchAsync(_tenant, new SearchIndexQuery(QueryPlan.Parse(q), "article", scope ?? SearchScope.All, filters ?? [], 0, take, "category", matchAny), default);

    private async Task SeedAsync()
    {
        await _index.ApplyAsync(_tenant, [
            Article("空调不制冷怎么办", "faq", "检查滤网 clean the filter"),
            Article("空调安装规范", "training", "安装高度"),
            Article("空调 E1 故障代码", "faq", "compressor fault"),
            Article("Air conditioner filter", "solution", "clean the filter monthly", audience: "customers"),
            Article("冰箱异响", "case", "压缩机"),
        ], [], default);
        // A second segment: counts must add up across segments.
        await _index.ApplyAsync(_tenant, [Article("空调遥控器失灵", "faq", "更换电池")], [], default);
    }

    [Fact]
    public async Task Lucene_counts_hits_per_category_across_segments()
    {
        await SeedAsync();
        var result = await SearchAsync("空调");
        Assert.Equal(4, result.Total);
        Assert.Equal(new Dictionary<string, long> { ["faq"] = 3, ["training"] = 1 }, result.Facets);
    }

    [Fact]
    public async Task Lucene_counts_ignore_the_filter_on_the_facet_field_but_not_the_scope()
    {
        await SeedAsync();
        var filtered = await SearchAsync("filter", new Dictionary<string, string> { ["category"] = "solution" });
        Assert.Equal(["Air conditioner filter"], filtered.Hits.Select(h => h.Title));
        Assert.Equal(new Dictionary<string, long> { ["faq"] = 1, ["solution"] = 1 }, filtered.Facets);

        var scoped = await SearchAsync("filter", scope: SearchScope.AnyOfFields(new Dictionary<string, IReadOnlyCollection<string>> { ["audience"] = ["customers"] }));
        Assert.Equal(new Dictionary<string, long> { ["solution"] = 1 }, scoped.Facets);
    }

    [Fact]
    public async Task Lucene_counts_every_hit_not_only_the_page()
    {
        await SeedAsync();
        var result = await SearchAsync("空调", take: 1);
        Assert.Single(result.Hits);
        Assert.Equal(4, result.Facets!.Values.Sum());
    }

    [Fact]
    public async Task Match_any_finds_texts_sharing_some_terms_best_first()
    {
        await SeedAsync();
        Assert.Equal(0, (await SearchAsync("空调 冰箱")).Total);
        var any = await SearchAsync("空调 制冷 冰箱", matchAny: true);
        Assert.Equal(5, any.Total); // every article but the English one
        Assert.Equal("空调不制冷怎么办", any.Hits[0].Title);
    }

    [Fact]
    public void Elasticsearch_request_asks_for_a_terms_aggregation_and_moves_the_facet_filter_to_post_filter()
    {
        var body = ElasticsearchRequests.Search(new SearchIndexQuery(QueryPlan.Parse("空调"), "article", SearchScope.All,
            new Dictionary<string, string> { ["category"] = "faq", ["status"] = "published" }, 0, 10, "category"));
        Assert.Equal("filters.category", body["aggs"]![ElasticsearchRequests.FacetAggregation]!["terms"]!["field"]!.GetValue<string>());
        Assert.Equal("faq", body["post_filter"]!["term"]!["filters.category"]!.GetValue<string>());
        var filters = body["query"]!["bool"]!["filter"]!.AsArray().Select(f => f!.ToJsonString()).ToList();
        Assert.Contains(filters, f => f.Contains("filters.status"));
        Assert.DoesNotContain(filters, f => f.Contains("filters.category"));
    }

    [Fact]
    public void Elasticsearch_request_without_facet_has_no_aggregation_and_match_any_wraps_terms_in_should()
    {
        var body = ElasticsearchRequests.Search(new SearchIndexQuery(QueryPlan.Parse("空调 冰箱"), "article", SearchScope.All, new Dictionary<string, string>(), 0, 10, MatchAny: true));
        Assert.Null(body["aggs"]);
        Assert.Null(body["post_filter"]);
        var must = body["query"]!["bool"]!["must"]!.AsArray();
        Assert.Single(must);
        Assert.Equal(1, must[0]!["bool"]!["minimum_should_match"]!.GetValue<int>());
        Assert.Equal(2, must[0]!["bool"]!["should"]!.AsArray().Count);
    }

    [Fact]
    public async Task Elasticsearch_adapter_parses_the_aggregation_buckets()
    {
        const string answer = """
            { "hits": { "total": { "value": 3 }, "hits": [] },
              "aggregations": { "facet": { "buckets": [ { "key": "faq", "doc_count": 2 }, { "key": "case", "doc_count": 1 } ] } } }
            """;
        var handler = new Answer(answer);
        var index = new ElasticsearchSearchIndex(new HttpClient(handler) { BaseAddress = new Uri("http://es.test:9200") }, new ElasticsearchOptions { IndexPrefix = "crm" }, TimeProvider.System);
        var result = await index.SearchAsync(_tenant, new SearchIndexQuery(QueryPlan.Parse("空调"), "article", SearchScope.All, new Dictionary<string, string>(), 0, 10, "category"), default);
        Assert.Equal(new Dictionary<string, long> { ["faq"] = 2, ["case"] = 1 }, result.Facets);
        Assert.Contains("\"aggs\"", handler.LastBody);
    }

    private sealed class Answer(string json) : HttpMessageHandler
    {
        public string LastBody { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
