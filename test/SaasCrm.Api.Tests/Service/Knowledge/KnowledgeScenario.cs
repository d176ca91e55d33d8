using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Search.Indexing;

namespace SaasCrm.Api.Tests.Service.Knowledge;

/// <summary>A tenant for knowledge tests: an agent who writes articles, a sales rep who only reads, a customer's and a partner's portal account.</summary>
public sealed class KnowledgeScenario
{
    public required ApiFixture Api { get; init; }
    public required TenantScenario Tenant { get; init; }
    public ApiClient Admin => Tenant.Admin;
    public required ApiClient Agent { get; init; }
    public required Guid AgentId { get; init; }
    public required ApiClient Rep { get; init; }
    public required ApiClient Customer { get; init; }
    public required ApiClient Partner { get; init; }

    public static async Task<KnowledgeScenario> CreateAsync(ApiFixture api)
    {
        var t = await TenantScenario.CreateAsync(api, "kb");
        var agentId = await t.CreateUserAsync("agent", "service");
        await t.CreateUserAsync("rep", "sales");
        await CreatePortalAccountAsync(api, t, "portal-customer", UserKind.Customer);
        // A partner's users read the knowledge base only while their organisation is granted the knowledge module.
        var partner = await t.Admin.PostOk("/api/portal-admin/partners", new { name = "知识库伙伴", type = "Dealer", modules = new[] { "knowledge" } }, HttpStatusCode.Created);
        await t.Admin.PostOk($"/api/portal-admin/partners/{Id(partner)}/users", new { userName = "portal-partner", name = "伙伴", password = CrmApiFactory.Password }, HttpStatusCode.Created);
        return new KnowledgeScenario
        {
            Api = api, Tenant = t, AgentId = agentId, Agent = await t.LoginAsync("agent"), Rep = await t.LoginAsync("rep"),
            Customer = await t.LoginAsync("portal-customer"), Partner = await t.LoginAsync("portal-partner"),
        };
    }

    /// <summary>A portal account as the portal's sign-up will make one: an AppUser of that kind in the tenant, no roles.</summary>
    public static async Task CreatePortalAccountAsync(ApiFixture api, TenantScenario t, string userName, UserKind kind)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(t.Id, t.Name);
        var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = userName, Name = userName, Email = $"{userName}@example.com", Kind = kind }, CrmApiFactory.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public Task ApplyIndexAsync() => Api.Factory.Services.GetRequiredService<SearchIndexApplier>().ApplyAllAsync();

    public static object Article(string title, string body, string category = "faq", string visibility = "Internal", string[]? tags = null, string? concurrencyStamp = null) =>
        new { title, body, categoryCode = category, tags = tags ?? [], visibility, attachmentFileIds = Array.Empty<Guid>(), concurrencyStamp };

    public async Task<JsonNode> CreateAsync(string title, string body, string category = "faq", string visibility = "Internal", bool publish = false, string[]? tags = null)
    {
        var article = await Agent.PostOk("/api/knowledge/articles", Article(title, body, category, visibility, tags), HttpStatusCode.Created);
        if (publish) article = await Agent.PostOk($"/api/knowledge/articles/{Id(article)}/publish", new { concurrencyStamp = Stamp(article) });
        return article;
    }

    public static Guid Id(JsonNode node) => node["id"]!.GetValue<Guid>();
    public static string Stamp(JsonNode node) => node["concurrencyStamp"]!.GetValue<string>();
    public static string Plain(string html) => WebUtility.HtmlDecode(html.Replace("<em>", "").Replace("</em>", ""));

    public static List<string> Titles(JsonNode page) => page["items"]!.AsArray().Select(i => Plain(i!["title"]!.GetValue<string>())).ToList();

    public static Dictionary<string, long> Categories(JsonNode page) =>
        page["categories"]!.AsArray().ToDictionary(c => c!["code"]!.GetValue<string>(), c => c!["count"]!.GetValue<long>());
}
