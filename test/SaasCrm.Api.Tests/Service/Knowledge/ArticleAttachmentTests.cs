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
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name + ".csv");
        var uploaded = await ApiClient.Expect(await client.Http.PostAsync("/api/knowledge/articles/attachments", form), HttpStatusCode.Created);
        return (Id(uploaded, "fileId"), bytes);
    }

    private static async Task<byte[]> DownloadOk(ApiClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task ExpectStatus(ApiClient client, string url, HttpStatusCode status) =>
        Assert.True((await client.GetAsync(url)).StatusCode == status, $"{url} should answer {(int)status}");

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
        Assert.Equal(published.Bytes, await DownloadOk(kb.Rep, Url(published)));
        await ExpectStatus(kb.Rep, Url(draft), HttpStatusCode.NotFound);
        await ExpectStatus(kb.Rep, Url(draft, published.Article), HttpStatusCode.NotFound);
        await ExpectStatus(kb.Rep, $"/api/files/{draft.File}", HttpStatusCode.NotFound);
        await ExpectStatus(kb.Rep, $"/api/files/{published.File}", HttpStatusCode.NotFound);

        // A writer reads drafts, so their files too; the admin as well (not the uploader).
        Assert.Equal(draft.Bytes, await DownloadOk(kb.Agent, Url(draft)));
        Assert.Equal(draft.Bytes, await DownloadOk(kb.Admin, Url(draft)));

        // Portal accounts use the portal route; another tenant's admin finds nothing.
        await ExpectStatus(kb.Customer, Url(published), HttpStatusCode.Forbidden);
        var other = await KnowledgeScenario.CreateAsync(api);
        await ExpectStatus(other.Admin, Url(published), HttpStatusCode.NotFound);
        await ExpectStatus(other.Admin, $"/api/files/{published.File}", HttpStatusCode.NotFound);
    }
}

public sealed class ArticleAttachmentTestsSqlite(SqliteApi api) : ArticleAttachmentTests(api), IClassFixture<SqliteApi>;
public sealed class ArticleAttachmentTestsMariaDb(MariaDbApi api) : ArticleAttachmentTests(api), IClassFixture<MariaDbApi>;
