using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Customers;

/// <summary>
/// Files kept with follow-ups (C3): pictures and documents checked by their bytes, attached only by their uploader,
/// read through the customer (its data scope, its tenant), kept or removed on an edit, and moved with their follow-up
/// in a merge and back in its unmerge.
/// </summary>
public abstract class FollowUpAttachmentTests(ApiFixture api)
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF");

    private static async Task<HttpResponseMessage> UploadAsync(ApiClient client, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.Http.PostAsync("/api/follow-ups/attachments", form);
    }

    private static async Task<Guid> UploadOkAsync(ApiClient client, byte[] content, string fileName) =>
        (await ApiClient.Expect(await UploadAsync(client, content, fileName), HttpStatusCode.Created))["fileId"]!.GetValue<Guid>();

    private static string FileUrl(Guid customerId, Guid followUpId, Guid fileId) => $"/api/customers/{customerId}/follow-ups/{followUpId}/attachments/{fileId}";

    private static IEnumerable<string> Names(JsonNode followUp) => followUp["attachments"]!.AsArray().Select(a => a!["fileName"]!.GetValue<string>());

    [Fact]
    public async Task Visit_photos_and_documents_are_kept_with_the_follow_up_and_read_by_whoever_sees_the_customer()
    {
        var t = await TenantScenario.CreateAsync(api, "fua");
        var dept = await t.CreateDepartmentAsync("East");
        await t.CreateUserAsync("rep", "sales", dept);
        await t.CreateUserAsync("boss", "manager", dept);
        await t.CreateUserAsync("outsider", "sales");
        var rep = await t.LoginAsync("rep");
        var boss = await t.LoginAsync("boss");
        var outsider = await t.LoginAsync("outsider");
        var customer = (await CustomerApi.CreateAsync(rep, "华东机电有限公司"))["id"]!.GetValue<Guid>();
        var now = api.Factory.Clock.GetUtcNow().UtcDateTime;

        var photo = await UploadOkAsync(rep, Png, "门店照片.png");
        var minutes = await UploadOkAsync(rep, Pdf, "meeting minutes.pdf");
        // The bytes decide, not the name; markup and unknown kinds are refused.
        await ApiClient.ExpectProblem(await UploadAsync(rep, Encoding.UTF8.GetBytes("<svg onload=alert(1)>"), "x.png"), HttpStatusCode.BadRequest, "validation_failed");
        await ApiClient.ExpectProblem(await UploadAsync(rep, Encoding.UTF8.GetBytes("<svg/>"), "x.svg"), HttpStatusCode.BadRequest, "validation_failed");

        var created = await rep.PostOk($"/api/customers/{customer}/follow-ups", new
        {
            methodCode = "visit", content = "Visited the store", at = now.AddMinutes(-10), attachmentFileIds = new[] { photo, minutes },
        }, HttpStatusCode.Created);
        var followUp = created["id"]!.GetValue<Guid>();
        Assert.Equal(["meeting minutes.pdf", "门店照片.png"], Names(created).Order(StringComparer.Ordinal));
        var listed = (await boss.GetOk($"/api/customers/{customer}/follow-ups"))["items"]![0]!;
        Assert.Equal(Names(created).Order(StringComparer.Ordinal), Names(listed).Order(StringComparer.Ordinal));
        var on360 = (await boss.GetOk($"/api/customers/{customer}/360"))["followUps"]![0]!;
        Assert.Equal(2, on360["attachments"]!.AsArray().Count);

        // The manager of the department reads the photo as it was uploaded, typed by its content and not sniffable as anything else.
        var download = await boss.GetAsync(FileUrl(customer, followUp, photo));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // A rep of another department does not see the customer, so not its files either, by either address.
        await ApiClient.ExpectProblem(await outsider.GetAsync(FileUrl(customer, followUp, photo)), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await outsider.GetAsync($"/api/files/{photo}"), HttpStatusCode.NotFound, "not_found");
        // Knowing the id of someone else's upload attaches nothing, even to one's own customer.
        var own = (await CustomerApi.CreateAsync(outsider, "Outsider Co"))["id"]!.GetValue<Guid>();
        await ApiClient.ExpectProblem(await outsider.PostAsync($"/api/customers/{own}/follow-ups", new
        {
            methodCode = "phone", content = "x", at = now, attachmentFileIds = new[] { photo },
        }), HttpStatusCode.BadRequest, "validation_failed");
        // A file id under a follow-up it does not belong to is unknown there.
        var other = await rep.PostOk($"/api/customers/{customer}/follow-ups", new { methodCode = "phone", content = "Call", at = now }, HttpStatusCode.Created);
        await ApiClient.ExpectProblem(await rep.GetAsync(FileUrl(customer, other["id"]!.GetValue<Guid>(), photo)), HttpStatusCode.NotFound, "not_found");

        // Another tenant's admin reaches nothing with these ids.
        var b = await TenantScenario.CreateAsync(api, "fub");
        await ApiClient.ExpectProblem(await b.Admin.GetAsync(FileUrl(customer, followUp, photo)), HttpStatusCode.NotFound, "not_found");

        // An edit keeps the listed files and drops the others; leaving the list out keeps them as they are.
        var edited = await rep.PutOk($"/api/customers/{customer}/follow-ups/{followUp}", new
        {
            methodCode = "visit", content = "Visited the store (edited)", at = now.AddMinutes(-10),
            concurrencyStamp = created["concurrencyStamp"]!.GetValue<string>(), attachmentFileIds = new[] { photo },
        });
        Assert.Equal(["门店照片.png"], Names(edited));
        await ApiClient.ExpectProblem(await boss.GetAsync(FileUrl(customer, followUp, minutes)), HttpStatusCode.NotFound, "not_found");
        var again = await rep.PutOk($"/api/customers/{customer}/follow-ups/{followUp}", new
        {
            methodCode = "visit", content = "Visited the store (edited twice)", at = now.AddMinutes(-10), concurrencyStamp = edited["concurrencyStamp"]!.GetValue<string>(),
        });
        Assert.Equal(["门店照片.png"], Names(again));

        // Changing only the files is a change too: the next edit from the stamp before it is refused.
        var more = await UploadOkAsync(rep, Pdf, "quote.pdf");
        var filesOnly = await rep.PutOk($"/api/customers/{customer}/follow-ups/{followUp}", new
        {
            methodCode = "visit", content = "Visited the store (edited twice)", at = now.AddMinutes(-10), concurrencyStamp = again["concurrencyStamp"]!.GetValue<string>(),
            attachmentFileIds = new[] { photo, more },
        });
        Assert.NotEqual(again["concurrencyStamp"]!.GetValue<string>(), filesOnly["concurrencyStamp"]!.GetValue<string>());
        await ApiClient.ExpectProblem(await rep.PutAsync($"/api/customers/{customer}/follow-ups/{followUp}", new
        {
            methodCode = "visit", content = "stale", at = now.AddMinutes(-10), concurrencyStamp = again["concurrencyStamp"]!.GetValue<string>(), attachmentFileIds = new[] { photo },
        }), HttpStatusCode.Conflict, "concurrency_conflict");
    }

    [Fact]
    public async Task A_follow_ups_files_move_with_it_in_a_merge_and_back_in_the_unmerge()
    {
        var t = await TenantScenario.CreateAsync(api, "fum");
        var now = api.Factory.Clock.GetUtcNow().UtcDateTime;
        var survivor = (await CustomerApi.CreateAsync(t.Admin, "Merge Photo Co", phones: ["13811110000"]))["id"]!.GetValue<Guid>();
        var loser = (await CustomerApi.CreateAsync(t.Admin, "Merge Photo Company", phones: ["13811110001"], duplicateReason: "branch"))["id"]!.GetValue<Guid>();
        var photo = await UploadOkAsync(t.Admin, Png, "site.png");
        var followUp = (await t.Admin.PostOk($"/api/customers/{loser}/follow-ups", new
        {
            methodCode = "visit", content = "Site visit", at = now.AddHours(-1), attachmentFileIds = new[] { photo },
        }, HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var preview = await t.Admin.PostOk("/api/customer-merges/preview", new { survivorId = survivor, loserIds = new[] { loser } });
        var moves = preview["moves"]!.AsArray().ToDictionary(m => m!["kind"]!.GetValue<string>(), m => m!["count"]!.GetValue<int>());
        Assert.Equal(1, moves["follow-up-file"]);

        var stamps = new Dictionary<Guid, string>();
        foreach (var id in new[] { survivor, loser }) stamps[id] = (await t.Admin.GetOk($"/api/customers/{id}"))["concurrencyStamp"]!.GetValue<string>();
        var merge = await t.Admin.PostOk("/api/customer-merges", new { survivorId = survivor, loserIds = new[] { loser }, concurrencyStamps = stamps }, HttpStatusCode.Created);
        Assert.Equal(Png, await (await t.Admin.GetAsync(FileUrl(survivor, followUp, photo))).Content.ReadAsByteArrayAsync());

        await t.Admin.PostOk($"/api/customer-merges/{merge["id"]}/unmerge");
        Assert.Equal(HttpStatusCode.OK, (await t.Admin.GetAsync(FileUrl(loser, followUp, photo))).StatusCode);
        await ApiClient.ExpectProblem(await t.Admin.GetAsync(FileUrl(survivor, followUp, photo)), HttpStatusCode.NotFound, "not_found");
    }
}

public sealed class FollowUpAttachmentTestsSqlite(SqliteApi api) : FollowUpAttachmentTests(api), IClassFixture<SqliteApi>;
public sealed class FollowUpAttachmentTestsMariaDb(MariaDbApi api) : FollowUpAttachmentTests(api), IClassFixture<MariaDbApi>;
