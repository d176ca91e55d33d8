using SaasCrm.Search.Analysis;
using SaasCrm.Search.Engines;
using SaasCrm.Search.Engines.Lucene;

namespace SaasCrm.Search.Tests;

public sealed class LuceneEngineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("saascrm-lucene-").FullName;
    private readonly LuceneSearchIndex _index;
    private readonly Guid _tenant = Guid.NewGuid();

    public LuceneEngineTests() => _index = new LuceneSearchIndex(_folder);

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_folder, true);
    }

    internal static SearchDocument Customer(string name, string? remark = null, string[]? identifiers = null, long version = 1, Guid? id = null, string? owner = null) =>
        new("customer", id ?? Guid.NewGuid(), name, new Dictionary<string, string?> { ["remark"] = remark }, identifiers ?? [],
            new Dictionary<string, string?> { ["owner"] = owner, ["level"] = "a" }, null, version);

    private async Task<List<string>> Titles(string q, SearchScope? scope = null, Dictionary<string, string>? filters = null, Guid? tenant = null)
    {
        var result = await _index.SearchAsync(tenant ?? _tenant, new SearchIndexQuery(QueryPlan.Parse(q), "customer", scope ?? SearchScope.All, filters ?? [], 0, 20), default);
        return result.Hits.Select(h => h.Title).ToList();
    }

    [Fact]
    public async Task An_idle_tenant_index_is_closed_and_opens_again_on_its_next_use()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var index = new LuceneSearchIndex(Path.Combine(_folder, "idle"), clock);
        var (quiet, busy) = (Guid.NewGuid(), Guid.NewGuid());
        await index.ApplyAsync(quiet, [Customer("Quiet Holdings")], [], default);
        await index.ApplyAsync(busy, [Customer("Busy Traders")], [], default);
        Assert.Equal(2, index.OpenTenants);

        clock.Advance(TimeSpan.FromMinutes(9));
        await index.SearchAsync(busy, new SearchIndexQuery(QueryPlan.Parse("busy"), "customer", SearchScope.All, new Dictionary<string, string>(), 0, 5), default);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, index.CloseIdle(TimeSpan.FromMinutes(10)));
        Assert.Equal(1, index.OpenTenants);

        var found = await index.SearchAsync(quiet, new SearchIndexQuery(QueryPlan.Parse("quiet"), "customer", SearchScope.All, new Dictionary<string, string>(), 0, 5), default);
        Assert.Equal(["Quiet Holdings"], found.Hits.Select(h => h.Title));
        Assert.Equal(2, index.OpenTenants);
    }

    [Fact]
    public async Task The_name_outranks_the_same_word_in_the_remark()
    {
        await _index.ApplyAsync(_tenant, [Customer("Globex Ltd", remark: "partner of acme"), Customer("Acme Corporation"), Customer("Initech", remark: "acme acme")], [], default);
        var titles = await Titles("acme");
        Assert.Equal("Acme Corporation", titles[0]);
        Assert.Equal(3, titles.Count);
        Assert.Contains("Globex Ltd", titles);
    }

    [Fact]
    public async Task An_exact_name_outranks_a_longer_one()
    {
        await _index.ApplyAsync(_tenant, [Customer("华为技术有限公司"), Customer("华为")], [], default);
        Assert.Equal("华为", (await Titles("华为"))[0]);
    }

    [Fact]
    public async Task Finds_by_surname_prefix_typo_phone_and_email()
    {
        await _index.ApplyAsync(_tenant, [
            Customer("王小明"), Customer("深圳华为技术有限公司", identifiers: ["0755-2878 0808", "info@huawei.com"]), Customer("Microsoft China"),
        ], [], default);
        Assert.Equal(["王小明"], await Titles("王"));
        Assert.Equal(["Microsoft China"], await Titles("micro"));
        Assert.Equal(["Microsoft China"], await Titles("microsfot"));
        Assert.Equal(["深圳华为技术有限公司"], await Titles("28780"));
        Assert.Equal(["深圳华为技术有限公司"], await Titles("info@huawei"));
        Assert.Equal(["深圳华为技术有限公司"], await Titles("华为 技术"));
        Assert.Empty(await Titles("华为 微软"));
    }

    [Fact]
    public async Task An_older_version_never_overwrites_a_newer_one_and_deletes_remove()
    {
        var id = Guid.NewGuid();
        await _index.ApplyAsync(_tenant, [Customer("New Name", id: id, version: 5)], [], default);
        await _index.ApplyAsync(_tenant, [Customer("Old Name", id: id, version: 4)], [], default);
        Assert.Equal(["New Name"], await Titles("name"));
        await _index.ApplyAsync(_tenant, [], [new DocumentKey("customer", id)], default);
        Assert.Empty(await Titles("name"));
    }

    [Fact]
    public async Task Documents_of_one_batch_keep_their_own_keys_filters_and_identifiers()
    {
        // Indexed fields are reused from one document to the next within a batch: no value may leak into the next one.
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        SearchDocument[] batch =
        [
            Customer("Batch Alpha", identifiers: ["0755-1111 2222"], owner: "u1", id: first),
            Customer("Batch Beta", owner: null, id: second),
            Customer("Batch Gamma", identifiers: ["sales@gamma.example"], owner: "u3", id: third),
        ];
        await _index.ApplyAsync(_tenant, batch, [], default);
        Assert.Equal(3, (await Titles("batch")).Count);
        Assert.Equal(["Batch Alpha"], await Titles("batch", filters: new() { ["owner"] = "u1" }));
        Assert.Equal(["Batch Gamma"], await Titles("batch", filters: new() { ["owner"] = "u3" }));
        Assert.Equal(["Batch Alpha"], await Titles("11112222"));
        Assert.Equal(["Batch Gamma"], await Titles("sales@gamma"));

        // Each key still names its own document: replacing the second touches neither neighbour.
        await _index.ApplyAsync(_tenant, [Customer("Batch Delta", owner: "u1", version: 2, id: second)], [], default);
        Assert.Equal(["Batch Alpha", "Batch Delta", "Batch Gamma"], (await Titles("batch")).Order());
        Assert.Equal(["Batch Alpha", "Batch Delta"], (await Titles("batch", filters: new() { ["owner"] = "u1" })).Order());

        // The rebuild path builds its documents the same way.
        await using (var build = await _index.BeginRebuildAsync(_tenant, default))
        {
            await build.AddAsync(batch, default);
            await build.SwapAsync(default);
        }
        Assert.Equal(["Batch Alpha"], await Titles("batch", filters: new() { ["owner"] = "u1" }));
        Assert.Equal(["Batch Gamma"], await Titles("sales@gamma"));
        Assert.Empty(await Titles("delta"));
    }

    [Fact]
    public async Task Scope_and_filters_narrow_and_other_tenants_see_nothing()
    {
        await _index.ApplyAsync(_tenant, [Customer("Acme One", owner: "u1"), Customer("Acme Two", owner: "u2")], [], default);
        var scope = SearchScope.AnyOfFields(new Dictionary<string, IReadOnlyCollection<string>> { ["owner"] = ["u1"] });
        Assert.Equal(["Acme One"], await Titles("acme", scope));
        Assert.Empty(await Titles("acme", SearchScope.Nothing));
        Assert.Equal(["Acme Two"], await Titles("acme", filters: new() { ["owner"] = "u2" }));
        Assert.Empty(await Titles("acme", tenant: Guid.NewGuid()));
    }

    [Fact]
    public async Task Scope_and_filters_apply_together()
    {
        SearchDocument Doc(string name, string owner, string level) =>
            new("customer", Guid.NewGuid(), name, new Dictionary<string, string?>(), [], new Dictionary<string, string?> { ["owner"] = owner, ["level"] = level }, null, 1);
        await _index.ApplyAsync(_tenant, [Doc("Scope Mine A", "u1", "a"), Doc("Scope Mine B", "u1", "b"), Doc("Scope Theirs A", "u2", "a")], [], default);
        var mine = SearchScope.AnyOfFields(new Dictionary<string, IReadOnlyCollection<string>> { ["owner"] = ["u1"] });
        Assert.Equal(["Scope Mine A"], await Titles("scope", mine, new() { ["level"] = "a" }));
        Assert.Empty(await Titles("scope", mine, new() { ["owner"] = "u2" }));
    }

    [Fact]
    public async Task No_call_reaches_an_index_without_a_tenant()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _index.ApplyAsync(Guid.Empty, [Customer("Nobody's")], [], default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Titles("nobody", tenant: Guid.Empty));
    }

    [Fact]
    public async Task A_rebuild_swaps_in_a_new_index_while_the_old_one_answers()
    {
        await _index.ApplyAsync(_tenant, [Customer("Before Rebuild")], [], default);
        await using (var build = await _index.BeginRebuildAsync(_tenant, default))
        {
            await build.AddAsync([Customer("After Rebuild")], default);
            Assert.Equal(["Before Rebuild"], await Titles("rebuild"));
            await build.SwapAsync(default);
        }
        Assert.Equal(["After Rebuild"], await Titles("rebuild"));
        await _index.DeleteTenantAsync(_tenant, default);
        Assert.Empty(await Titles("rebuild"));
        Assert.DoesNotContain(_tenant, await _index.ListTenantsAsync(default));
    }
}
