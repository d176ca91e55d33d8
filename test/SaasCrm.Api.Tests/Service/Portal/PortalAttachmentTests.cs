using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Service.Portal;

/// <summary>
/// Portal downloads: a customer's account and the partner serving that customer download the files of the ticket
/// and of its public comments, never those of internal notes, other customers or other tenants; article files
/// only of articles the account may read. Staff are refused on these endpoints.
/// </summary>
public abstract class PortalAttachmentTests(ApiFixture api)
{
    private const string PortalPassword = "Portal#2026x";

    private static Guid Id(JsonNode node, string field = "id") => node[field]!.GetValue<Guid>();

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes("name,value\n" + text + ",1\n");

    private async Task<(ApiClient Client, Guid Customer)> PortalCustomerAsync(ServiceDesk desk, string name)
    {
        var email = $"{name}.{Guid.NewGuid():N}@example.com";
        var c = await desk.Admin.PostOk("/api/customers", new
        {
            kind = "Company", name = name + " " + desk.Tenant.Name, phones = Array.Empty<string>(), emails = Array.Empty<string>(), tags = Array.Empty<string>(),
            contacts = new[] { new { name = "联系人 " + name, email, mobile = "13800000000", isPrimary = true } },
        }, HttpStatusCode.Created);
        var contacts = await desk.Admin.GetOk($"/api/customers/{Id(c)}/contacts");
        var contact = Id((contacts is JsonArray a ? a : contacts["items"]!.AsArray())[0]!);
        var invitation = await desk.Admin.PostOk("/api/portal-admin/accounts/invitations", new { customerId = Id(c), contactId = contact });
        var token = Uri.UnescapeDataString(invitation["acceptUrl"]!.GetValue<string>().Split("token=")[1]);
        await api.Anonymous().PostOk("/api/portal/invitations/accept", new { token, password = PortalPassword });
        return (await ServiceTestHost.LoginAsync(api, desk.Tenant, email, PortalPassword), Id(c));
    }

    [Fact]
    public async Task Portal_accounts_download_ticket_and_public_comment_files_only_of_their_own_customers()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var (portalA, customerA) = await PortalCustomerAsync(desk, "甲公司");
        var (portalB, customerB) = await PortalCustomerAsync(desk, "乙公司");

        var ticketBytes = Csv("工单附件");
        var publicBytes = Csv("public reply file");
        var internalBytes = Csv("internal note file");
        var ticketFile = await desk.Admin.UploadOk("/api/tickets/attachments", ticketBytes, "报价单.csv");
        var publicFile = await desk.Admin.UploadOk("/api/tickets/attachments", publicBytes, "reply.csv");
        var internalFile = await desk.Admin.UploadOk("/api/tickets/attachments", internalBytes, "internal.csv");
        var ticket = await desk.Admin.PostOk("/api/tickets", new
        {
            customerId = customerA, title = "Air conditioner broken", categoryCode = "repair", priorityCode = "normal", attachmentFileIds = new[] { ticketFile },
        }, HttpStatusCode.Created);
        var id = Id(ticket);
        await desk.Admin.PostOk($"/api/tickets/{id}/comments", new { content = "Please fill in this sheet", attachmentFileIds = new[] { publicFile } }, HttpStatusCode.Created);
        await desk.Admin.PostOk($"/api/tickets/{id}/comments", new { content = "Supplier price list", isInternal = true, attachmentFileIds = new[] { internalFile } }, HttpStatusCode.Created);
        var otherTicket = Id(await desk.Admin.PostOk("/api/tickets", new { customerId = customerB, title = "B's ticket", categoryCode = "repair", priorityCode = "normal" },
            HttpStatusCode.Created));

        // Staff see all three, each with the comment it came with.
        var staffView = await desk.Admin.GetOk($"/api/tickets/{id}");
        Assert.Equal(3, staffView["attachments"]!.AsArray().Count);
        Assert.Single(staffView["attachments"]!.AsArray(), a => a!["commentId"] is null);

        // The customer sees the ticket's file and the public comment's file, not the internal note's.
        var view = await portalA.GetOk($"/api/portal/tickets/{id}");
        var listed = view["attachments"]!.AsArray().Select(a => Id(a!, "fileId")).ToList();
        Assert.Equal([ticketFile, publicFile], listed);
        Assert.Equal("报价单.csv", view["attachments"]![0]!["fileName"]!.GetValue<string>());
        var publicComment = view["comments"]!.AsArray().Single(c => c!["content"]!.GetValue<string>() == "Please fill in this sheet");
        Assert.Equal(Id(publicComment!), Id(view["attachments"]![1]!, "commentId"));

        var url = $"/api/portal/tickets/{id}/attachments";
        Assert.Equal(ticketBytes, await portalA.GetBytesOk($"{url}/{ticketFile}"));
        Assert.Equal(publicBytes, await portalA.GetBytesOk($"{url}/{publicFile}"));
        await portalA.ExpectStatus($"{url}/{internalFile}", HttpStatusCode.NotFound);
        await portalA.ExpectStatus($"{url}/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        // A file of one ticket is not reachable through another ticket, nor by another customer.
        await portalB.ExpectStatus($"/api/portal/tickets/{otherTicket}/attachments/{ticketFile}", HttpStatusCode.NotFound);
        await portalB.ExpectStatus($"{url}/{ticketFile}", HttpStatusCode.NotFound);
        // The platform's staff download stays closed to portal accounts.
        await portalA.ExpectStatus($"/api/files/{ticketFile}", HttpStatusCode.Forbidden);
        // Staff are refused on the portal endpoint.
        await desk.Admin.ExpectStatus($"{url}/{ticketFile}", HttpStatusCode.Forbidden);

        // A partner serving customer A downloads the same public files, not the internal one; unassigned: 404.
        var partner = await desk.Admin.PostOk("/api/portal-admin/partners", new { name = "华东经销商", type = "Dealer", modules = new[] { "tickets" } }, HttpStatusCode.Created);
        await desk.Admin.PutOk($"/api/portal-admin/partners/{Id(partner)}/customers", new { customerIds = new[] { customerA } });
        var userName = $"dealer{Guid.NewGuid():N}"[..20];
        await desk.Admin.PostOk($"/api/portal-admin/partners/{Id(partner)}/users", new { userName, name = "赵经理", password = PortalPassword }, HttpStatusCode.Created);
        var dealer = await ServiceTestHost.LoginAsync(api, desk.Tenant, userName, PortalPassword);
        var partnerUrl = $"/api/portal/partner/tickets/{id}/attachments";
        Assert.Equal(2, (await dealer.GetOk($"/api/portal/partner/tickets/{id}"))["attachments"]!.AsArray().Count);
        Assert.Equal(publicBytes, await dealer.GetBytesOk($"{partnerUrl}/{publicFile}"));
        await dealer.ExpectStatus($"{partnerUrl}/{internalFile}", HttpStatusCode.NotFound);
        await dealer.ExpectStatus($"/api/portal/partner/tickets/{otherTicket}/attachments/{ticketFile}", HttpStatusCode.NotFound);
        await dealer.ExpectStatus($"{url}/{ticketFile}", HttpStatusCode.Forbidden); // the customer endpoint is not the partner's
        await desk.Admin.PutOk($"/api/portal-admin/partners/{Id(partner)}/customers", new { customerIds = Array.Empty<Guid>() });
        await dealer.ExpectStatus($"{partnerUrl}/{ticketFile}", HttpStatusCode.NotFound);

        // Another tenant's customer account finds nothing.
        var other = await ServiceDesk.CreateAsync(api);
        var (portalC, _) = await PortalCustomerAsync(other, "丙公司");
        await portalC.ExpectStatus($"{url}/{ticketFile}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Portal_accounts_download_files_only_of_articles_they_may_read()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var (customer, _) = await PortalCustomerAsync(desk, "读者公司");
        var partner = await desk.Admin.PostOk("/api/portal-admin/partners", new { name = "知识伙伴", type = "Dealer", modules = new[] { "knowledge" } }, HttpStatusCode.Created);
        var userName = $"kbp{Guid.NewGuid():N}"[..20];
        await desk.Admin.PostOk($"/api/portal-admin/partners/{Id(partner)}/users", new { userName, name = "伙伴", password = PortalPassword }, HttpStatusCode.Created);
        var dealer = await ServiceTestHost.LoginAsync(api, desk.Tenant, userName, PortalPassword);

        async Task<(Guid Article, Guid File, byte[] Bytes)> ArticleAsync(string title, string visibility, bool publish = true)
        {
            var bytes = Csv(title);
            var file = await desk.Admin.UploadOk("/api/knowledge/articles/attachments", bytes, title + ".csv");
            var a = await desk.Admin.PostOk("/api/knowledge/articles", new
            {
                title, body = "<p>" + title + "</p>", categoryCode = "faq", tags = Array.Empty<string>(), visibility, attachmentFileIds = new[] { file },
            }, HttpStatusCode.Created);
            if (publish) await desk.Admin.PostOk($"/api/knowledge/articles/{Id(a)}/publish", new { concurrencyStamp = a["concurrencyStamp"]!.GetValue<string>() });
            return (Id(a), file, bytes);
        }

        var forCustomers = await ArticleAsync("Customer guide", "Customers");
        var forPartners = await ArticleAsync("Partner guide", "Partners");
        var internalOne = await ArticleAsync("Internal guide", "Internal");
        var draft = await ArticleAsync("Draft guide", "Customers", publish: false);
        string Url((Guid Article, Guid File, byte[] Bytes) a, Guid? through = null) => $"/api/portal/articles/{through ?? a.Article}/attachments/{a.File}";

        var read = await customer.GetOk($"/api/portal/articles/{forCustomers.Article}");
        Assert.Equal(forCustomers.File, Id(read["attachments"]![0]!, "fileId"));
        Assert.Equal(forCustomers.Bytes, await customer.GetBytesOk(Url(forCustomers)));
        await customer.ExpectStatus(Url(forPartners), HttpStatusCode.NotFound);
        await customer.ExpectStatus(Url(internalOne), HttpStatusCode.NotFound);
        await customer.ExpectStatus(Url(draft), HttpStatusCode.NotFound);
        // An internal article's file through a readable article: not that article's file.
        await customer.ExpectStatus(Url(internalOne, forCustomers.Article), HttpStatusCode.NotFound);

        Assert.Equal(forPartners.Bytes, await dealer.GetBytesOk(Url(forPartners)));
        Assert.Equal(forCustomers.Bytes, await dealer.GetBytesOk(Url(forCustomers)));
        await dealer.ExpectStatus(Url(internalOne), HttpStatusCode.NotFound);

        await desk.Admin.ExpectStatus(Url(forCustomers), HttpStatusCode.Forbidden);
        var other = await ServiceDesk.CreateAsync(api);
        var (stranger, _) = await PortalCustomerAsync(other, "外租户");
        await stranger.ExpectStatus(Url(forCustomers), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Partners_reach_articles_and_their_files_only_while_granted_the_knowledge_module()
    {
        var desk = await ServiceDesk.CreateAsync(api);
        var (customer, _) = await PortalCustomerAsync(desk, "客户读者");
        var bytes = Csv("安装指南");
        var file = await desk.Admin.UploadOk("/api/knowledge/articles/attachments", bytes, "安装指南.csv");
        var article = await desk.Admin.PostOk("/api/knowledge/articles", new
        {
            title = "Installation guide", body = "<p>Installation guide</p>", categoryCode = "faq", tags = Array.Empty<string>(), visibility = "Customers",
            attachmentFileIds = new[] { file },
        }, HttpStatusCode.Created);
        await desk.Admin.PostOk($"/api/knowledge/articles/{Id(article)}/publish", new { concurrencyStamp = article["concurrencyStamp"]!.GetValue<string>() });

        // A partner granted tickets only: every article endpoint refuses, as the ticket endpoints do without the tickets module.
        var partner = await desk.Admin.PostOk("/api/portal-admin/partners", new { name = "无知识库伙伴", type = "Dealer", modules = new[] { "tickets" } }, HttpStatusCode.Created);
        var userName = $"nokb{Guid.NewGuid():N}"[..20];
        await desk.Admin.PostOk($"/api/portal-admin/partners/{Id(partner)}/users", new { userName, name = "伙伴", password = PortalPassword }, HttpStatusCode.Created);
        var dealer = await ServiceTestHost.LoginAsync(api, desk.Tenant, userName, PortalPassword);
        var download = $"/api/portal/articles/{Id(article)}/attachments/{file}";
        foreach (var url in new[] { "/api/portal/articles?q=Installation", $"/api/portal/articles/{Id(article)}", download })
            await ApiClient.ExpectProblem(await dealer.GetAsync(url), HttpStatusCode.Forbidden, "portal.module_not_granted");
        await ApiClient.ExpectProblem(await dealer.PostAsync($"/api/portal/articles/{Id(article)}/helpful", new { helpful = true }), HttpStatusCode.Forbidden,
            "portal.module_not_granted");
        Assert.Equal(0, (await desk.Admin.GetOk($"/api/knowledge/articles/{Id(article)}"))["helpfulYes"]!.GetValue<int>());

        // Granted: the partner reads the article and downloads its file; taken away again: refused at once.
        var current = await desk.Admin.GetOk($"/api/portal-admin/partners/{Id(partner)}");
        var granted = await desk.Admin.PutOk($"/api/portal-admin/partners/{Id(partner)}", new
        {
            name = "无知识库伙伴", type = "Dealer", modules = new[] { "tickets", "knowledge" }, concurrencyStamp = current["concurrencyStamp"]!.GetValue<string>(),
        });
        Assert.Equal("Installation guide", (await dealer.GetOk($"/api/portal/articles/{Id(article)}"))["title"]!.GetValue<string>());
        Assert.Equal(bytes, await dealer.GetBytesOk(download));
        await desk.Admin.PutOk($"/api/portal-admin/partners/{Id(partner)}", new
        {
            name = "无知识库伙伴", type = "Dealer", modules = new[] { "tickets" }, concurrencyStamp = granted["concurrencyStamp"]!.GetValue<string>(),
        });
        await ApiClient.ExpectProblem(await dealer.GetAsync(download), HttpStatusCode.Forbidden, "portal.module_not_granted");

        // Customer accounts are not partners: unaffected.
        Assert.Equal(bytes, await customer.GetBytesOk(download));
    }
}

public sealed class PortalAttachmentTestsSqlite(SqliteApi api) : PortalAttachmentTests(api), IClassFixture<SqliteApi>;

public sealed class PortalAttachmentTestsMariaDb(MariaDbApi api) : PortalAttachmentTests(api), IClassFixture<MariaDbApi>;
