using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Service.Knowledge;

/// <summary>
/// Staff download an article's file through the article: a reader only those of published articles, a writer those of
/// drafts too; knowing a file's id gives nothing through the platform's file endpoint, nor through another article.
/// </summary>
public abstract class ArticleAttachmentTests(ApiFixture api)
{
    private static Guid Id(JsonNode node, string field = "id") => node[field]!.GetValue<Guid>();

    private static async Task<(Guid File, byte[] Bytes)> UploadAsync(ApiClient client, string name)
    {
        var bytes = Encoding.UTF8.GetBytes("name,value\n" + name + ",1\n");
        return (await client.UploadOk("/api/knowledge/articles/attachments", bytes, name + ".csv"), bytes);
    }

    [Fact]
    public async Task Staff_download_article_files_through_articles_they_may_read()
    {
        var kb = await KnowledgeScenario.CreateAsync(api);

        async Task<(Guid Article, Guid File, byte[] Bytes)> ArticleAsync(string title, bool publish)
        {
            var (file, bytes) = await UploadAsync(kb.Agent, title);
            var a = await kb.Agent.PostOk("/api/knowledge/articles", new
            {
                title, body = "<p>" + title + "</p>", categoryCode = "faq", tags = Array.Empty<string>(), visibility = "Internal", attachmentFileIds = new[] { file },
            }, HttpStatusCode.Created);
            if (publish) await kb.Agent.PostOk($"/api/knowledge/articles/{Id(a)}/publish", new { concurrencyStamp = a["concurrencyStamp"]!.GetValue<string>() });
            return (Id(a), file, bytes);
        }

        var published = await ArticleAsync("Installation guide", publish: true);
        var draft = await ArticleAsync("Draft countermeasure", publish: false);
        string Url((Guid Article, Guid File, byte[] Bytes) a, Guid? through = null) => $"/api/knowledge/articles/{through ?? a.Article}/attachments/{a.File}";

        // A reader (sales rep): the published article's file, never the draft's, by any route.
        Assert.Equal(published.Bytes, await kb.Rep.GetBytesOk(Url(published)));
        await kb.Rep.ExpectStatus(Url(draft), HttpStatusCode.NotFound);
        await kb.Rep.ExpectStatus(Url(draft, published.Article), HttpStatusCode.NotFound);
        await kb.Rep.ExpectStatus($"/api/files/{draft.File}", HttpStatusCode.NotFound);
        await kb.Rep.ExpectStatus($"/api/files/{published.File}", HttpStatusCode.NotFound);

        // A writer reads drafts, so their files too; the admin as well (not the uploader).
        Assert.Equal(draft.Bytes, await kb.Agent.GetBytesOk(Url(draft)));
        Assert.Equal(draft.Bytes, await kb.Admin.GetBytesOk(Url(draft)));

        // Portal accounts use the portal route; another tenant's admin finds nothing.
        await kb.Customer.ExpectStatus(Url(published), HttpStatusCode.Forbidden);
        var other = await KnowledgeScenario.CreateAsync(api);
        await other.Admin.ExpectStatus(Url(published), HttpStatusCode.NotFound);
        await other.Admin.ExpectStatus($"/api/files/{published.File}", HttpStatusCode.NotFound);
    }
}

public sealed class ArticleAttachmentTestsSqlite(SqliteApi api) : ArticleAttachmentTests(api), IClassFixture<SqliteApi>;
public sealed class ArticleAttachmentTestsMariaDb(MariaDbApi api) : ArticleAttachmentTests(api), IClassFixture<MariaDbApi>;
