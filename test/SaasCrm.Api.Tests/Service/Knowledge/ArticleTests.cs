using System.Net;
using SaasCrm.Api.Tests.Infrastructure;
using static SaasCrm.Api.Tests.Service.Knowledge.KnowledgeScenario;

namespace SaasCrm.Api.Tests.Service.Knowledge;

/// <summary>Articles: writing, versions and restore, sanitising, permissions and tenant isolation.</summary>
public abstract class ArticleTests(ApiFixture api)
{
    [Fact]
    public async Task Drafts_keep_one_version_published_saves_add_versions_and_restore_copies_an_old_one()
    {
        var kb = await CreateAsync(api);
        var created = await kb.CreateAsync("空调滤网清洗", "<p>第一版</p>");
        var id = Id(created);
        Assert.Equal("Draft", created["status"]!.GetValue<string>());
        Assert.Equal(1, created["versionNumber"]!.GetValue<int>());

        var draftEdit = await kb.Agent.PutOk($"/api/knowledge/articles/{id}", Article("空调滤网清洗", "<p>第一版（修订）</p>", concurrencyStamp: Stamp(created)));
        Assert.Equal(1, draftEdit["versionNumber"]!.GetValue<int>());
        Assert.Single((await kb.Agent.GetOk($"/api/knowledge/articles/{id}/versions")).AsArray());

        var published = await kb.Agent.PostOk($"/api/knowledge/articles/{id}/publish", new { concurrencyStamp = Stamp(draftEdit) });
        Assert.Equal("Published", published["status"]!.GetValue<string>());
        Assert.NotNull(published["publishedAt"]);

        var v2 = await kb.Agent.PutOk($"/api/knowledge/articles/{id}", Article("空调滤网清洗 v2", "<p>第二版</p>", "solution", concurrencyStamp: Stamp(published)));
        Assert.Equal(2, v2["versionNumber"]!.GetValue<int>());
        var v3 = await kb.Agent.PutOk($"/api/knowledge/articles/{id}", Article("空调滤网清洗 v3", "<p>第三版</p>", concurrencyStamp: Stamp(v2)));
        Assert.Equal(3, v3["versionNumber"]!.GetValue<int>());

        // A stale stamp loses.
        await ApiClient.ExpectProblem(await kb.Agent.PutAsync($"/api/knowledge/articles/{id}", Article("late", "<p>x</p>", concurrencyStamp: Stamp(v2))), HttpStatusCode.Conflict, "concurrency_conflict");

        var versions = (await kb.Agent.GetOk($"/api/knowledge/articles/{id}/versions")).AsArray();
        Assert.Equal([3, 2, 1], versions.Select(v => v!["number"]!.GetValue<int>()));
        Assert.Equal("<p>第一版（修订）</p>", versions[2]!["body"]!.GetValue<string>());

        var restored = await kb.Agent.PostOk($"/api/knowledge/articles/{id}/versions/1/restore", new { concurrencyStamp = Stamp(v3) });
        Assert.Equal(4, restored["versionNumber"]!.GetValue<int>());
        Assert.Equal("空调滤网清洗", restored["title"]!.GetValue<string>());
        Assert.Equal("<p>第一版（修订）</p>", restored["body"]!.GetValue<string>());
        Assert.Equal("faq", restored["categoryCode"]!.GetValue<string>());
        Assert.Equal("Published", restored["status"]!.GetValue<string>());
        var after = (await kb.Agent.GetOk($"/api/knowledge/articles/{id}/versions")).AsArray();
        Assert.Equal(4, after.Count);
        Assert.Equal("restored:1", after[0]!["note"]!.GetValue<string>());
        Assert.Equal("空调滤网清洗 v3", after[1]!["title"]!.GetValue<string>()); // history is not rewritten

        await ApiClient.ExpectProblem(await kb.Agent.PostAsync($"/api/knowledge/articles/{id}/versions/9/restore", new { concurrencyStamp = Stamp(restored) }), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Body_is_sanitised_but_keeps_formatting()
    {
        var kb = await CreateAsync(api);
        var article = await kb.CreateAsync("XSS", "<h2>Steps</h2><p onclick=\"steal()\">Press <strong>reset</strong><script>alert(1)</script></p>"
            + "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">link</a><ol><li data-list=\"bullet\" class=\"ql-indent-1\">one</li></ol>");
        var body = (await kb.Agent.GetOk($"/api/knowledge/articles/{Id(article)}"))["body"]!.GetValue<string>();
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", body);
        Assert.DoesNotContain("onclick", body);
        Assert.DoesNotContain("onerror", body);
        Assert.DoesNotContain("javascript:", body);
        Assert.Contains("<h2>Steps</h2>", body);
        Assert.Contains("<strong>reset</strong>", body);
        Assert.Contains("data-list=\"bullet\"", body);
    }

    [Fact]
    public async Task Bad_input_names_the_field()
    {
        var kb = await CreateAsync(api);
        var noTitle = await ApiClient.Expect(await kb.Agent.PostAsync("/api/knowledge/articles", Article("", "<p>x</p>")), HttpStatusCode.BadRequest);
        Assert.NotNull(noTitle["errors"]!["title"]);
        var badCategory = await ApiClient.Expect(await kb.Agent.PostAsync("/api/knowledge/articles", Article("x", "<p>x</p>", "nonsense")), HttpStatusCode.BadRequest);
        Assert.NotNull(badCategory["errors"]!["categoryCode"]);
    }

    [Fact]
    public async Task Readers_see_published_articles_only_and_cannot_write()
    {
        var kb = await CreateAsync(api);
        var draft = await kb.CreateAsync("草稿文章", "<p>内部草稿</p>");
        var published = await kb.CreateAsync("已发布文章", "<p>正文</p>", publish: true);

        await ApiClient.ExpectProblem(await kb.Rep.GetAsync($"/api/knowledge/articles/{Id(draft)}"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal("已发布文章", (await kb.Rep.GetOk($"/api/knowledge/articles/{Id(published)}"))["title"]!.GetValue<string>());
        Assert.Equal(["已发布文章"], Titles(await kb.Rep.GetOk("/api/knowledge/articles")));
        Assert.Equal(2, (await kb.Agent.GetOk("/api/knowledge/articles"))["total"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.Forbidden, (await kb.Rep.PostAsync("/api/knowledge/articles", Article("x", "<p>x</p>"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kb.Rep.PutAsync($"/api/knowledge/articles/{Id(published)}", Article("x", "<p>x</p>", concurrencyStamp: Stamp(published)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kb.Rep.PostAsync($"/api/knowledge/articles/{Id(draft)}/publish", new { concurrencyStamp = Stamp(draft) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kb.Rep.GetAsync($"/api/knowledge/articles/{Id(published)}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kb.Rep.DeleteAsync($"/api/knowledge/articles/{Id(published)}")).StatusCode);

        // Portal accounts never reach staff endpoints, staff never the portal's.
        Assert.Equal(HttpStatusCode.Forbidden, (await kb.Customer.GetAsync($"/api/knowledge/articles/{Id(published)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kb.Customer.GetAsync("/api/knowledge/articles?q=x")).StatusCode);
        await ApiClient.ExpectProblem(await kb.Agent.GetAsync("/api/portal/articles"), HttpStatusCode.Forbidden, "account_kind_forbidden");

        // Views and helpful votes: one vote per user, a second vote replaces the first.
        await kb.Rep.PostOk($"/api/knowledge/articles/{Id(published)}/views", status: HttpStatusCode.NoContent);
        await kb.Rep.PostOk($"/api/knowledge/articles/{Id(published)}/helpful", new { helpful = true });
        var again = await kb.Rep.PostOk($"/api/knowledge/articles/{Id(published)}/helpful", new { helpful = false });
        Assert.Equal(0, again["helpfulYes"]!.GetValue<int>());
        Assert.Equal(1, again["helpfulNo"]!.GetValue<int>());
        await kb.Agent.PostOk($"/api/knowledge/articles/{Id(published)}/helpful", new { helpful = true });
        var read = await kb.Rep.GetOk($"/api/knowledge/articles/{Id(published)}");
        Assert.Equal(1, read["viewCount"]!.GetValue<long>());
        Assert.Equal(1, read["helpfulYes"]!.GetValue<int>());
        Assert.Equal(1, read["helpfulNo"]!.GetValue<int>());
        Assert.False(read["myFeedback"]!.GetValue<bool>());
        await ApiClient.ExpectProblem(await kb.Rep.PostAsync($"/api/knowledge/articles/{Id(draft)}/helpful", new { helpful = true }), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Another_tenant_never_reaches_an_article()
    {
        var kb = await CreateAsync(api);
        var other = await CreateAsync(api);
        var article = await kb.CreateAsync("租户隔离 isolation", "<p>secret</p>", visibility: "Customers", publish: true);
        await kb.ApplyIndexAsync();
        await ApiClient.ExpectProblem(await other.Admin.GetAsync($"/api/knowledge/articles/{Id(article)}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await other.Agent.PutAsync($"/api/knowledge/articles/{Id(article)}", Article("x", "<p>x</p>", concurrencyStamp: Stamp(article))), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await other.Customer.GetAsync($"/api/portal/articles/{Id(article)}"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await other.Admin.GetOk("/api/knowledge/articles"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await other.Admin.GetOk("/api/knowledge/articles?q=isolation"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await other.Customer.GetOk("/api/portal/articles?q=isolation"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await kb.Customer.GetOk("/api/portal/articles?q=isolation"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Deleting_removes_the_article_from_lists_and_search()
    {
        var kb = await CreateAsync(api);
        var article = await kb.CreateAsync("Obsolete printer guide", "<p>printer</p>", publish: true);
        await kb.ApplyIndexAsync();
        Assert.Equal(1, (await kb.Agent.GetOk("/api/knowledge/articles?q=printer"))["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, (await kb.Agent.DeleteAsync($"/api/knowledge/articles/{Id(article)}")).StatusCode);
        await kb.ApplyIndexAsync();
        Assert.Equal(0, (await kb.Agent.GetOk("/api/knowledge/articles?q=printer"))["total"]!.GetValue<int>());
        await ApiClient.ExpectProblem(await kb.Agent.GetAsync($"/api/knowledge/articles/{Id(article)}"), HttpStatusCode.NotFound, "not_found");
    }
}

public sealed class ArticleTestsSqlite(SqliteApi api) : ArticleTests(api), IClassFixture<SqliteApi>;
public sealed class ArticleTestsMariaDb(MariaDbApi api) : ArticleTests(api), IClassFixture<MariaDbApi>;
