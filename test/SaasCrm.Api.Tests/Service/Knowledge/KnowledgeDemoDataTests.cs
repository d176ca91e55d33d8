using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Seeding;
using static SaasCrm.Api.Tests.Service.Knowledge.KnowledgeScenario;

namespace SaasCrm.Api.Tests.Service.Knowledge;

/// <summary>The demo tenant's sample articles: published through the article use cases, so the index finds them in both languages.</summary>
public abstract class KnowledgeDemoDataTests(ApiFixture api)
{
    [Fact]
    public async Task Demo_articles_are_published_in_every_category_and_searchable_in_Chinese_and_English()
    {
        var kb = await CreateAsync(api);
        await using (var scope = api.Factory.Services.GetRequiredService<ITenantScopeFactory>().Create(kb.Tenant.Id, kb.Tenant.Name))
        {
            var seeder = scope.Services.GetServices<IDemoDataSeeder>().Single(s => s.GetType().Name == "KnowledgeDemoData");
            await seeder.SeedAsync("unused", CancellationToken.None);
        }
        await kb.ApplyIndexAsync();

        var all = await kb.Agent.GetOk("/api/knowledge/articles?pageSize=50");
        Assert.Equal(10, all["total"]!.GetValue<int>());
        Assert.All(all["items"]!.AsArray(), a => Assert.Equal("Published", a!["status"]!.GetValue<string>()));
        Assert.Equal(["case", "countermeasure", "faq", "product", "solution", "training"], Categories(all).Keys.Order());

        var chinese = Titles(await kb.Agent.GetOk("/api/knowledge/articles?q=" + Uri.EscapeDataString("空调")));
        Assert.Contains("空调不制冷的常见原因及处理方法", chinese);
        var english = Titles(await kb.Agent.GetOk("/api/knowledge/articles?q=washing"));
        Assert.Equal(["Washing machine error codes E1–E4 explained"], english);
        var tag = Titles(await kb.Agent.GetOk("/api/knowledge/articles?q=" + Uri.EscapeDataString("以旧换新")));
        Assert.Contains("门店以旧换新补贴解决方案", tag);

        // Portal visibility: customers read the customer articles only; the partner article is for partners.
        var customerList = await kb.Customer.GetOk("/api/portal/articles?pageSize=50");
        Assert.Equal(5, customerList["total"]!.GetValue<int>());
        Assert.Empty(Titles(await kb.Customer.GetOk("/api/portal/articles?q=dealer")));
        Assert.Equal(["Installation guide for dealers: wall-mounted air conditioners"], Titles(await kb.Partner.GetOk("/api/portal/articles?q=dealer")));
        Assert.Contains("空调不制冷的常见原因及处理方法", Titles(await kb.Customer.GetOk("/api/portal/articles?q=" + Uri.EscapeDataString("制冷"))));
    }
}

public sealed class KnowledgeDemoDataTestsSqlite(SqliteApi api) : KnowledgeDemoDataTests(api), IClassFixture<SqliteApi>;

public sealed class KnowledgeDemoDataTestsMariaDb(MariaDbApi api) : KnowledgeDemoDataTests(api), IClassFixture<MariaDbApi>;
