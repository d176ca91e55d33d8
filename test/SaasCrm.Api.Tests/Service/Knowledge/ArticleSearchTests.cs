using System.Net;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Service.Knowledge.KnowledgeScenario;

namespace SaasCrm.Api.Tests.Service.Knowledge;

/// <summary>Article search through the search module: Chinese and English, highlights, counts by category, visibility, portal, tickets.</summary>
public abstract class ArticleSearchTests(ApiFixture api)
{
    private static async Task<KnowledgeScenario> CorpusAsync(ApiFixture api)
    {
        var kb = await CreateAsync(api);
        await kb.CreateAsync("空调不制冷的处理方法", "<p>先检查<strong>滤网</strong>是否堵塞，再检查冷媒压力。</p>", "faq", "Customers", publish: true);
        await kb.CreateAsync("空调安装高度规范", "<p>室内机距地面不低于 2.3 米。</p>", "training", "Internal", publish: true);
        await kb.CreateAsync("Air conditioner error code E1", "<p>E1 means the <em>compressor</em> protection tripped; reset the unit.</p>", "solution", "Partners", publish: true);
        await kb.CreateAsync("Refrigerator noise", "<p>Check the compressor mounts.</p>", "case", "Customers", publish: true);
        await kb.CreateAsync("空调内部草稿", "<p>未发布的空调资料</p>", "faq", "Customers");
        await kb.ApplyIndexAsync();
        return kb;
    }

    [Fact]
    public async Task Chinese_and_English_queries_with_highlights_and_counts_by_category()
    {
        var kb = await CorpusAsync(api);
        var chinese = await kb.Agent.GetOk("/api/knowledge/articles?q=" + Uri.EscapeDataString("空调"));
        Assert.Equal(3, chinese["total"]!.GetValue<int>()); // drafts too: the agent manages articles
        Assert.Contains("<em>空调</em>", chinese["items"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, long> { ["faq"] = 2, ["training"] = 1 }, Categories(chinese));

        var filter = await kb.Agent.GetOk("/api/knowledge/articles?q=" + Uri.EscapeDataString("滤网"));
        var hit = Assert.Single(filter["items"]!.AsArray());
        Assert.Contains("<em>滤网</em>", hit!["summary"]!.GetValue<string>());

        var english = await kb.Agent.GetOk("/api/knowledge/articles?q=compressor");
        Assert.Equal(["Air conditioner error code E1", "Refrigerator noise"], Titles(english).Order());
        Assert.All(english["items"]!.AsArray(), i => Assert.Contains("<em>compressor</em>", i!["summary"]!.GetValue<string>()));
        Assert.Equal(new Dictionary<string, long> { ["case"] = 1, ["solution"] = 1 }, Categories(english));

        // The category filter narrows the hits, not the counts beside them.
        var cases = await kb.Agent.GetOk("/api/knowledge/articles?q=compressor&category=case");
        Assert.Equal(["Refrigerator noise"], Titles(cases));
        Assert.Equal(new Dictionary<string, long> { ["case"] = 1, ["solution"] = 1 }, Categories(cases));

        // A reader finds published articles only; the global search lists them as their own type.
        Assert.Equal(2, (await kb.Rep.GetOk("/api/knowledge/articles?q=" + Uri.EscapeDataString("空调")))["total"]!.GetValue<int>());
        var global = await kb.Rep.GetOk("/api/search?types=article&q=" + Uri.EscapeDataString("空调"));
        var group = global["groups"]!.AsArray().Single(g => g!["type"]!.GetValue<string>() == "article")!;
        Assert.Equal(2, group["total"]!.GetValue<int>());

        // Browsing without a query: counts come from the database.
        var browse = await kb.Rep.GetOk("/api/knowledge/articles");
        Assert.Equal(4, browse["total"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, long> { ["faq"] = 1, ["training"] = 1, ["solution"] = 1, ["case"] = 1 }, Categories(browse));
    }

    [Fact]
    public async Task Portal_search_shows_only_what_the_account_kind_may_read()
    {
        var kb = await CorpusAsync(api);
        var customer = await kb.Customer.GetOk("/api/portal/articles?q=" + Uri.EscapeDataString("空调"));
        Assert.Equal(["空调不制冷的处理方法"], Titles(customer)); // never the internal one, never the draft
        Assert.Equal(["Refrigerator noise"], Titles(await kb.Customer.GetOk("/api/portal/articles?q=compressor")));
        Assert.Equal(2, (await kb.Customer.GetOk("/api/portal/articles"))["total"]!.GetValue<int>());
        // Partners read partner articles and customer articles.
        Assert.Equal(["Air conditioner error code E1", "Refrigerator noise"], Titles(await kb.Partner.GetOk("/api/portal/articles?q=compressor")).Order());
        Assert.Equal(3, (await kb.Partner.GetOk("/api/portal/articles"))["total"]!.GetValue<int>());

        var internalId = Id((await kb.Agent.GetOk("/api/knowledge/articles?q=" + Uri.EscapeDataString("安装高度")))["items"]![0]!);
        await ApiClient.ExpectProblem(await kb.Customer.GetAsync($"/api/portal/articles/{internalId}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await kb.Partner.PostAsync($"/api/portal/articles/{internalId}/helpful", new { helpful = true }), HttpStatusCode.NotFound, "not_found");

        var id = Id(customer["items"]![0]!);
        var first = await kb.Customer.GetOk($"/api/portal/articles/{id}");
        var second = await kb.Customer.GetOk($"/api/portal/articles/{id}");
        Assert.Equal(first["viewCount"]!.GetValue<long>() + 1, second["viewCount"]!.GetValue<long>());
        var vote = await kb.Customer.PostOk($"/api/portal/articles/{id}/helpful", new { helpful = true });
        Assert.Equal(1, vote["helpfulYes"]!.GetValue<int>());
        await kb.Partner.PostOk($"/api/portal/articles/{id}/helpful", new { helpful = false });
        var staffView = await kb.Agent.GetOk($"/api/knowledge/articles/{id}");
        Assert.Equal(1, staffView["helpfulYes"]!.GetValue<int>());
        Assert.Equal(1, staffView["helpfulNo"]!.GetValue<int>());
        Assert.Equal(2, staffView["viewCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_edit_and_a_visibility_change_are_searchable_once_the_index_applies_them()
    {
        var kb = await CorpusAsync(api);
        var article = (await kb.Agent.GetOk("/api/knowledge/articles?q=" + Uri.EscapeDataString("安装高度")))["items"]![0]!;
        var full = await kb.Agent.GetOk($"/api/knowledge/articles/{Id(article)}");
        kb.Api.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await kb.Agent.PutOk($"/api/knowledge/articles/{Id(article)}",
            Article("Wall bracket installation", "<p>Mount the bracket 2.3 m above the floor.</p>", "training", "Customers", concurrencyStamp: Stamp(full)));
        Assert.Empty(Titles(await kb.Customer.GetOk("/api/portal/articles?q=bracket"))); // not applied yet
        await kb.ApplyIndexAsync();
        Assert.Equal(["Wall bracket installation"], Titles(await kb.Customer.GetOk("/api/portal/articles?q=bracket")));
        Assert.Equal(0, (await kb.Agent.GetOk("/api/knowledge/articles?q=" + Uri.EscapeDataString("安装高度")))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Tickets_suggest_related_articles_and_a_resolved_ticket_becomes_a_draft()
    {
        var kb = await CorpusAsync(api);
        var customer = await kb.Admin.PostOk("/api/customers", new { kind = "Company", name = "北京示例电器", phones = Array.Empty<string>(), emails = Array.Empty<string>(), tags = Array.Empty<string>() }, HttpStatusCode.Created);
        var agentId = kb.AgentId;
        var ticket = await kb.Admin.PostOk("/api/tickets", new
        {
            customerId = Id(customer), title = "客户家空调不制冷", categoryCode = "repair", priorityCode = "normal",
            description = "客户反映空调开机后不制冷，滤网很脏。", assigneeId = agentId,
        }, HttpStatusCode.Created);
        var ticketId = Id(ticket);

        var suggestions = (await kb.Agent.GetOk($"/api/knowledge/suggestions?ticketId={ticketId}")).AsArray();
        Assert.Equal("空调不制冷的处理方法", Plain(suggestions[0]!["title"]!.GetValue<string>()));
        Assert.DoesNotContain(suggestions, s => Plain(s!["title"]!.GetValue<string>()).StartsWith("Refrigerator"));
        Assert.Contains(suggestions, s => s!["status"]!.GetValue<string>() == "Draft"); // the agent manages articles: drafts too
        await ApiClient.ExpectProblem(await kb.Rep.GetAsync($"/api/knowledge/suggestions?ticketId={ticketId}"), HttpStatusCode.NotFound, "not_found"); // not the rep's ticket

        var refused = await ApiClient.ExpectProblem(await kb.Agent.PostAsync($"/api/knowledge/articles/from-ticket/{ticketId}"), HttpStatusCode.Conflict, "knowledge.ticket_not_resolved");
        Assert.Contains("resolve the ticket first", refused.ToJsonString());

        await kb.Agent.PostOk($"/api/tickets/{ticketId}/accept");
        await kb.Agent.PostOk($"/api/tickets/{ticketId}/comments", new { content = "已上门清洗滤网，空调恢复制冷。", isInternal = false }, HttpStatusCode.Created);
        await kb.Agent.PostOk($"/api/tickets/{ticketId}/comments", new { content = "内部备注：客户脾气急", isInternal = true }, HttpStatusCode.Created);
        await kb.Agent.PostOk($"/api/tickets/{ticketId}/status", new { status = "Resolved", note = "清洗滤网" });

        var draft = await kb.Agent.PostOk($"/api/knowledge/articles/from-ticket/{ticketId}", status: HttpStatusCode.Created);
        Assert.Equal("客户家空调不制冷", draft["title"]!.GetValue<string>());
        Assert.Equal("Draft", draft["status"]!.GetValue<string>());
        Assert.Equal("Internal", draft["visibility"]!.GetValue<string>());
        Assert.Equal(ticketId, draft["sourceTicketId"]!.GetValue<Guid>());
        var body = draft["body"]!.GetValue<string>();
        Assert.Contains("客户反映空调开机后不制冷", body);
        Assert.Contains("已上门清洗滤网", body);
        Assert.DoesNotContain("内部备注", body);

        // Readers may not write articles from tickets; other tenants do not see the ticket.
        Assert.Equal(HttpStatusCode.Forbidden, (await kb.Rep.PostAsync($"/api/knowledge/articles/from-ticket/{ticketId}")).StatusCode);
        var other = await CreateAsync(api);
        await ApiClient.ExpectProblem(await other.Agent.PostAsync($"/api/knowledge/articles/from-ticket/{ticketId}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await other.Agent.GetAsync($"/api/knowledge/suggestions?ticketId={ticketId}"), HttpStatusCode.NotFound, "not_found");
    }
}

public sealed class ArticleSearchTestsSqlite(SqliteApi api) : ArticleSearchTests(api), IClassFixture<SqliteApi>;
public sealed class ArticleSearchTestsMariaDb(MariaDbApi api) : ArticleSearchTests(api), IClassFixture<MariaDbApi>;
