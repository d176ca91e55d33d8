using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Search;
using SaasCrm.Search.Engines.Lucene;
using SaasCrm.Search.Indexing;

namespace SaasCrm.Api.Tests.Search;

/// <summary>Full-text search over HTTP: Chinese and English corpus, tenant isolation, data scope, and the index log applied by nodes.</summary>
public abstract class SearchTests(ApiFixture api)
{
    private SearchIndexApplier Applier => api.Factory.Services.GetRequiredService<SearchIndexApplier>();

    /// <summary>Writes customers as the customer API does: the row and its index operation in one unit of work.</summary>
    private async Task<Guid> SeedAsync(TenantScenario t, string name, Guid? ownerId = null, string[]? phones = null, string[]? emails = null,
        string? remark = null, string? levelCode = null, (string Name, string? Mobile)[]? contacts = null)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(t.Id, t.Name);
        var db = scope.Services.GetRequiredService<PlatformDbContext>();
        var customer = new Customer { Name = name, NormalizedName = name, OwnerId = ownerId, Phones = [.. phones ?? []], Emails = [.. emails ?? []], Remark = remark, LevelCode = levelCode };
        db.Add(customer);
        var contactIds = new List<Guid>();
        foreach (var (contactName, mobile) in contacts ?? [])
        {
            var contact = new Contact { CustomerId = customer.Id, Name = contactName, Mobile = mobile };
            db.Add(contact);
            contactIds.Add(contact.Id);
        }
        var queue = scope.Services.GetRequiredService<ISearchIndexQueue>();
        queue.Enqueue("customer", [customer.Id]);
        queue.Enqueue("contact", contactIds);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    private async Task RenameAsync(TenantScenario t, Guid id, string name)
    {
        await using var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(t.Id, t.Name);
        var db = scope.Services.GetRequiredService<PlatformDbContext>();
        var customer = await db.Set<Customer>().SingleAsync(c => c.Id == id);
        customer.Name = name;
        api.Factory.Clock.Advance(TimeSpan.FromSeconds(1)); // a later change carries a later version
        scope.Services.GetRequiredService<ISearchIndexQueue>().Enqueue("customer", [id]);
        await db.SaveChangesAsync();
    }

    private static async Task<List<string>> TitlesAsync(ApiClient client, string q, string type = "customer", string extra = "")
    {
        var body = await client.GetOk($"/api/search?q={Uri.EscapeDataString(q)}&types={type}&pageSize=50{extra}");
        var group = body["groups"]!.AsArray().Single(g => g!["type"]!.GetValue<string>() == type)!;
        return group["hits"]!.AsArray().Select(h => Plain(h!["title"]!.GetValue<string>())).ToList();
    }

    private static string Plain(string html) => WebUtility.HtmlDecode(html.Replace("<em>", "").Replace("</em>", ""));

    private async Task<(TenantScenario T, Dictionary<string, Guid> Ids)> CorpusAsync()
    {
        var t = await TenantScenario.CreateAsync(api, "search");
        var ids = new Dictionary<string, Guid>
        {
            ["huawei"] = await SeedAsync(t, "深圳华为技术有限公司", phones: ["0755-2878 0808"], emails: ["info@huawei.com"], remark: "通信设备 key account",
                contacts: [("张伟", "13812345678")]),
            ["wang"] = await SeedAsync(t, "王小明", phones: ["+86 139 0000 1111"]),
            ["wangfu"] = await SeedAsync(t, "王府井百货集团"),
            ["alibaba"] = await SeedAsync(t, "阿里巴巴（中国）有限公司", emails: ["bd@alibaba-inc.com"]),
            ["microsoft"] = await SeedAsync(t, "Microsoft China Co., Ltd.", emails: ["sales@microsoft.com"], levelCode: "a"),
            ["acme"] = await SeedAsync(t, "Acme Trading", remark: "<b>VIP</b> & partner", levelCode: "b"),
            ["globex"] = await SeedAsync(t, "Globex Corporation", remark: "introduced by Acme"),
        };
        await Applier.ApplyAllAsync();
        return (t, ids);
    }

    [Fact]
    public async Task Finds_chinese_and_english_customers_by_name_part_surname_phone_email_and_typo()
    {
        var (t, _) = await CorpusAsync();
        Assert.Equal(["深圳华为技术有限公司"], await TitlesAsync(t.Admin, "深圳华为技术有限公司"));
        Assert.Equal(["深圳华为技术有限公司"], await TitlesAsync(t.Admin, "华为")); // a word inside a longer name
        Assert.Equal(["阿里巴巴（中国）有限公司"], await TitlesAsync(t.Admin, "阿里"));
        Assert.Equal(["王小明", "王府井百货集团"], (await TitlesAsync(t.Admin, "王")).Order(StringComparer.Ordinal).ToList()); // a single surname character
        Assert.Equal(["王小明"], await TitlesAsync(t.Admin, "1390000"));
        Assert.Equal(["深圳华为技术有限公司"], await TitlesAsync(t.Admin, "2878")); // phone fragment across a space
        Assert.Equal(["深圳华为技术有限公司"], await TitlesAsync(t.Admin, "info@huawei.com"));
        Assert.Equal(["阿里巴巴（中国）有限公司"], await TitlesAsync(t.Admin, "alibaba-inc"));
        Assert.Equal(["Microsoft China Co., Ltd."], await TitlesAsync(t.Admin, "micro")); // prefix while typing
        Assert.Equal(["Microsoft China Co., Ltd."], await TitlesAsync(t.Admin, "Mircosoft")); // typo
        Assert.Equal(["Acme Trading", "Globex Corporation"], await TitlesAsync(t.Admin, "acme")); // the name ranks above the remark
        Assert.Empty(await TitlesAsync(t.Admin, "华为 microsoft"));
    }

    [Fact]
    public async Task Answers_groups_with_counts_highlights_links_and_filters()
    {
        var (t, ids) = await CorpusAsync();
        var body = await t.Admin.GetOk("/api/search?q=" + Uri.EscapeDataString("华为"));
        var groups = body["groups"]!.AsArray();
        var customers = groups.Single(g => g!["type"]!.GetValue<string>() == "customer")!;
        Assert.Equal(1, customers["total"]!.GetValue<int>());
        Assert.Equal("客户", customers["label"]!["zh"]!.GetValue<string>());
        var hit = customers["hits"]![0]!;
        Assert.Equal("深圳<em>华为</em>技术有限公司", hit["title"]!.GetValue<string>());
        Assert.Equal($"/customers/{ids["huawei"]}", hit["link"]!.GetValue<string>());
        var contacts = groups.Single(g => g!["type"]!.GetValue<string>() == "contact")!;
        Assert.Equal(0, contacts["total"]!.GetValue<int>());

        var contact = (await t.Admin.GetOk("/api/search?q=13812345&types=contact"))["groups"]![0]!["hits"]![0]!;
        Assert.Equal("张伟", contact["title"]!.GetValue<string>());
        Assert.Equal("深圳华为技术有限公司", contact["subtitle"]!.GetValue<string>());
        Assert.Contains(contact["highlights"]!.AsArray(), h => h!["fragment"]!.GetValue<string>() == "<em>13812345</em>678");

        var remark = (await t.Admin.GetOk("/api/search?q=vip&types=customer"))["groups"]![0]!["hits"]![0]!["highlights"]!.AsArray();
        Assert.Contains(remark, h => h!["field"]!.GetValue<string>() == "remark" && h["fragment"]!.GetValue<string>() == "&lt;b&gt;<em>VIP</em>&lt;/b&gt; &amp; partner");

        Assert.Equal(["Microsoft China Co., Ltd."], await TitlesAsync(t.Admin, "co", extra: "&level=a"));
        var problem = await ApiClient.ExpectProblem(await t.Admin.GetAsync("/api/search?q=%20"), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("search.query_required", problem.ToJsonString());
    }

    [Fact]
    public async Task Never_finds_another_tenants_customers()
    {
        var (t, _) = await CorpusAsync();
        var other = await TenantScenario.CreateAsync(api, "search-other");
        await SeedAsync(other, "华为终端有限公司");
        await Applier.ApplyAllAsync();
        Assert.Equal(["华为终端有限公司"], await TitlesAsync(other.Admin, "华为"));
        Assert.Equal(["深圳华为技术有限公司"], await TitlesAsync(t.Admin, "华为"));
    }

    [Fact]
    public async Task A_sales_rep_finds_only_what_the_data_scope_shows()
    {
        var t = await TenantScenario.CreateAsync(api, "search-scope");
        var alice = await t.CreateUserAsync("alice", "sales");
        var bob = await t.CreateUserAsync("bob", "sales");
        await SeedAsync(t, "Umbrella Alice", ownerId: alice, contacts: [("Umbrella Contact A", null)]);
        await SeedAsync(t, "Umbrella Bob", ownerId: bob, contacts: [("Umbrella Contact B", null)]);
        await Applier.ApplyAllAsync();
        var aliceClient = await t.LoginAsync("alice");
        Assert.Equal(["Umbrella Alice"], await TitlesAsync(aliceClient, "umbrella"));
        Assert.Equal(["Umbrella Contact A"], await TitlesAsync(aliceClient, "umbrella", "contact"));
        Assert.Equal(2, (await TitlesAsync(t.Admin, "umbrella")).Count);
    }

    [Fact]
    public async Task An_update_is_searchable_once_the_log_is_applied()
    {
        var t = await TenantScenario.CreateAsync(api, "search-update");
        var id = await SeedAsync(t, "Initech");
        await Applier.ApplyAllAsync();
        await RenameAsync(t, id, "Initrode 英特达");
        Assert.Equal(["Initech"], await TitlesAsync(t.Admin, "initech")); // not applied yet
        await Applier.ApplyAllAsync();
        Assert.Empty(await TitlesAsync(t.Admin, "initech"));
        Assert.Equal(["Initrode 英特达"], await TitlesAsync(t.Admin, "英特"));
    }

    [Fact]
    public async Task A_crash_between_commit_and_indexing_loses_nothing_and_nodes_converge()
    {
        var t = await TenantScenario.CreateAsync(api, "search-nodes");
        await Applier.ApplyAllAsync();
        var id = await SeedAsync(t, "Soylent Corp"); // committed, this node has not applied it ("crashed")

        var folder = Directory.CreateTempSubdirectory("saascrm-node-b-").FullName;
        using var nodeBIndex = new LuceneSearchIndex(folder);
        var nodeB = ActivatorUtilities.CreateInstance<SearchIndexApplier>(api.Factory.Services, new SearchNode("node-b-" + Guid.NewGuid().ToString("N")[..6], nodeBIndex));
        await nodeB.ApplyAllAsync();
        Assert.Equal(["Soylent Corp"], await NodeTitlesAsync(nodeBIndex, t.Id, "soylent"));

        await RenameAsync(t, id, "Soylent Green");
        await nodeB.ApplyAllAsync();
        await Applier.ApplyAllAsync(); // this node catches up from its own position
        Assert.Equal(["Soylent Green"], await NodeTitlesAsync(nodeBIndex, t.Id, "soylent"));
        Assert.Equal(["Soylent Green"], await TitlesAsync(t.Admin, "soylent"));

        // Deleted rows replicate like updates: the source has nothing, so the document goes.
        await using (var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(t.Id, t.Name))
        {
            var db = scope.Services.GetRequiredService<PlatformDbContext>();
            db.Remove(await db.Set<Customer>().SingleAsync(c => c.Id == id));
            scope.Services.GetRequiredService<ISearchIndexQueue>().Enqueue("customer", [id]);
            await db.SaveChangesAsync();
        }
        await nodeB.ApplyAllAsync();
        await Applier.ApplyAllAsync();
        Assert.Empty(await NodeTitlesAsync(nodeBIndex, t.Id, "soylent"));
        Assert.Empty(await TitlesAsync(t.Admin, "soylent"));
    }

    [Fact]
    public async Task A_crash_after_indexing_but_before_the_position_is_saved_reapplies_without_duplicates()
    {
        var t = await TenantScenario.CreateAsync(api, "search-reapply");
        var id = await SeedAsync(t, "Initech Alpha");
        var folder = Directory.CreateTempSubdirectory("saascrm-node-c-").FullName;
        using var nodeIndex = new LuceneSearchIndex(folder);
        var node = new SearchNode("node-c-" + Guid.NewGuid().ToString("N")[..6], nodeIndex);
        var applier = ActivatorUtilities.CreateInstance<SearchIndexApplier>(api.Factory.Services, node);
        await applier.ApplyAllAsync();
        await RenameAsync(t, id, "Initech Beta");
        await applier.ApplyAllAsync();

        // The index has both operations; the node's position goes back to before them, as if neither save had happened.
        await using (var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(null, null))
        {
            var db = scope.Services.GetRequiredService<PlatformDbContext>();
            Assert.Equal(1, await db.Set<SearchIndexPosition>().Where(p => p.TenantId == t.Id && p.NodeId == node.NodeId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.LastSequence, 0L)));
        }
        await applier.ApplyAllAsync(); // applies both again

        Assert.Equal(["Initech Beta"], await NodeTitlesAsync(nodeIndex, t.Id, "initech"));
        await using (var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(null, null))
        {
            var db = scope.Services.GetRequiredService<PlatformDbContext>();
            var position = await db.Set<SearchIndexPosition>().SingleAsync(p => p.TenantId == t.Id && p.NodeId == node.NodeId);
            Assert.True(position.LastSequence > 0, "the position moves forward again");
        }
    }

    [Fact]
    public async Task A_rebuild_runs_as_a_job_and_a_deleted_tenant_loses_its_index()
    {
        var t = await TenantScenario.CreateAsync(api, "search-rebuild");
        await SeedAsync(t, "Hooli XYZ");
        await Applier.ApplyAllAsync();
        var accepted = await t.Admin.PostOk("/api/search/index/rebuild", null, HttpStatusCode.Accepted);
        Assert.Equal(1, accepted["generation"]!.GetValue<int>());
        await api.RunJobsAsync();
        var status = (await t.Admin.GetOk("/api/search/index")).AsArray();
        var mine = status.Single(s => s!["nodeId"]!.GetValue<string>() == Applier.Node.NodeId)!;
        Assert.Equal(1, mine["generation"]!.GetValue<int>());
        Assert.Equal(1, mine["rebuildDone"]!.GetValue<int>());
        Assert.Equal(0, mine["pending"]!.GetValue<int>());
        Assert.Equal(["Hooli XYZ"], await TitlesAsync(t.Admin, "hooli"));

        var host = await api.HostAdminAsync();
        Assert.Contains(await Applier.Node.Index.ListTenantsAsync(default), x => x == t.Id);
        await ApiClient.Expect(await host.DeleteAsync($"/api/host/tenants/{t.Id}?confirmName={t.Name}"), HttpStatusCode.NoContent);
        await Applier.ApplyAllAsync();
        Assert.DoesNotContain(await Applier.Node.Index.ListTenantsAsync(default), x => x == t.Id);
    }

    [Fact]
    public async Task Health_reports_the_lag()
    {
        var body = await api.Anonymous().GetOk("/health");
        Assert.NotNull(body["checks"]!["search"]);
    }

    private static async Task<List<string>> NodeTitlesAsync(LuceneSearchIndex index, Guid tenant, string q) =>
        (await index.SearchAsync(tenant, new SaasCrm.Search.Engines.SearchIndexQuery(SaasCrm.Search.Analysis.QueryPlan.Parse(q), "customer", SearchScope.All,
            new Dictionary<string, string>(), 0, 10), default)).Hits.Select(h => h.Title).ToList();
}

public sealed class SearchTestsSqlite(SqliteApi api) : SearchTests(api), IClassFixture<SqliteApi>;
public sealed class SearchTestsMariaDb(MariaDbApi api) : SearchTests(api), IClassFixture<MariaDbApi>;
