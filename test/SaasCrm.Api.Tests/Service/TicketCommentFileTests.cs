using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Service;

/// <summary>
/// Staff comments with files: an agent uploads, comments with the files, and everyone who sees the ticket downloads
/// them through the ticket (not only the uploader); staff outside the data scope, other tenants and other tickets get 404.
/// </summary>
public abstract class TicketCommentFileTests(ApiFixture api)
{
    private static Guid Id(JsonNode node, string field = "id") => node[field]!.GetValue<Guid>();

    private static async Task<HttpResponseMessage> GetAsync(ApiClient client, string url) => await client.GetAsync(url);

    [Fact]
    public async Task Comment_files_are_listed_with_their_comment_and_downloaded_by_whoever_sees_the_ticket()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var ticket = await desk.Admin.PostOk("/api/tickets", new
        {
            customerId = desk.CustomerId, title = "压缩机异响", categoryCode = "repair", priorityCode = "normal", departmentId = desk.ServiceDept,
        }, HttpStatusCode.Created);
        var id = Id(ticket);
        var other = Id(await desk.Admin.PostOk("/api/tickets", new { customerId = desk.CustomerId, title = "Other", categoryCode = "repair", priorityCode = "normal" },
            HttpStatusCode.Created));

        var agent1 = await desk.LoginAsync(api, "agent1");
        var bytes = Encoding.UTF8.GetBytes("部件,数量\n压缩机,1\n");
        var file = await agent1.UploadOk("/api/tickets/attachments", bytes, "维修清单.csv");
        var comment = await agent1.PostOk($"/api/tickets/{id}/comments", new { content = "更换清单见附件", isInternal = true, attachmentFileIds = new[] { file } },
            HttpStatusCode.Created);

        var view = await agent1.GetOk($"/api/tickets/{id}");
        var listed = Assert.Single(view["attachments"]!.AsArray())!;
        Assert.Equal(file, Id(listed, "fileId"));
        Assert.Equal(Id(comment), Id(listed, "commentId"));
        Assert.Equal("维修清单.csv", listed["fileName"]!.GetValue<string>());
        Assert.Equal(bytes.Length, listed["size"]!.GetValue<long>());

        // A colleague of the ticket's team downloads the agent's file through the ticket, bytes and name intact.
        var agent2 = await desk.LoginAsync(api, "agent2");
        var url = $"/api/tickets/{id}/attachments/{file}";
        var response = await GetAsync(agent2, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("维修清单.csv", response.Content.Headers.ContentDisposition?.FileNameStar);

        // Outside the data scope, through another ticket, an unknown file, another tenant: 404.
        var rep = await desk.LoginAsync(api, "rep");
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(rep, url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(desk.Admin, $"/api/tickets/{other}/attachments/{file}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(desk.Admin, $"/api/tickets/{id}/attachments/{Guid.NewGuid()}")).StatusCode);
        var stranger = await ServiceDesk.CreateAsync(api);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(stranger.Admin, url)).StatusCode);

    }
}

public sealed class TicketCommentFileTestsSqlite(SqliteApi api) : TicketCommentFileTests(api), IClassFixture<SqliteApi>;

public sealed class TicketCommentFileTestsMariaDb(MariaDbApi api) : TicketCommentFileTests(api), IClassFixture<MariaDbApi>;
