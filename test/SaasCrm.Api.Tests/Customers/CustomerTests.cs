using System.Net;
using SaasCrm.Api.Tests.Infrastructure;

namespace SaasCrm.Api.Tests.Customers;

/// <summary>Customers (C1, C5, C11): create with contacts, duplicate check, visibility, list paging, edits, assignment.</summary>
public abstract class CustomerTests(ApiFixture api)
{
    private async Task<(TenantScenario Tenant, ApiClient Rep1, ApiClient Rep2, ApiClient Manager, Guid Rep1Id, Guid Rep2Id)> ArrangeAsync()
    {
        var tenant = await TenantScenario.CreateAsync(api, "cust");
        var sales = await tenant.CreateDepartmentAsync("Sales");
        var east = await tenant.CreateDepartmentAsync("East", sales);
        var west = await tenant.CreateDepartmentAsync("West", sales);
        await tenant.CreateUserAsync("manager", "manager", sales);
        var rep1 = await tenant.CreateUserAsync("rep1", "sales", east);
        var rep2 = await tenant.CreateUserAsync("rep2", "sales", west);
        return (tenant, await tenant.LoginAsync("rep1"), await tenant.LoginAsync("rep2"), await tenant.LoginAsync("manager"), rep1, rep2);
    }

    [Fact]
    public async Task A_rep_creates_a_customer_with_contacts_and_owns_it()
    {
        var (_, rep1, _, _, rep1Id, _) = await ArrangeAsync();
        var created = await CustomerApi.CreateAsync(rep1, "深圳华为技术有限公司", phones: ["+86 138-0013-8000"], emails: ["Info@Huawei.example"], level: "a",
            tags: ["vip", "5g"], contacts: [new { name = "张伟", mobile = "13900000000" }, new { name = "李娜", email = "lina@huawei.example" }]);
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal(rep1Id, created["ownerId"]!.GetValue<Guid>());
        Assert.Equal("rep1", created["ownerName"]!.GetValue<string>());

        var contacts = (await rep1.GetOk($"/api/customers/{id}/contacts")).AsArray();
        Assert.Equal(2, contacts.Count);
        Assert.Equal("张伟", contacts.Single(c => c!["isPrimary"]!.GetValue<bool>())!["name"]!.GetValue<string>());

        var history = (await rep1.GetOk($"/api/customers/{id}/ownership")).AsArray();
        Assert.Equal("Created", history.Single()!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_duplicate_by_name_phone_or_email_is_shown_with_its_owner_and_needs_a_reason()
    {
        var (_, rep1, rep2, _, _, _) = await ArrangeAsync();
        await CustomerApi.CreateAsync(rep1, "Acme Co., Ltd.", phones: ["021-5555 1234"], emails: ["sales@acme.example"]);

        foreach (var (name, phone, email, matched) in new[]
                 {
                     ("ＡＣＭＥ 有限公司", "", "", "name"), ("Other Name", "02155551234", "", "phone"), ("Third", "", "SALES@acme.example", "email"),
                 })
        {
            var response = await rep2.PostAsync("/api/customers", new
            {
                kind = "Company", name, phones = phone == "" ? Array.Empty<string>() : [phone], emails = email == "" ? Array.Empty<string>() : [email],
            });
            var problem = await ApiClient.ExpectProblem(response, HttpStatusCode.Conflict, "customer.duplicate");
            var match = problem["matches"]!.AsArray().Single()!;
            Assert.Equal("Acme Co., Ltd.", match["name"]!.GetValue<string>());
            Assert.Equal("rep1", match["ownerName"]!.GetValue<string>());
            Assert.False(match["canOpen"]!.GetValue<bool>()); // rep2 may not open rep1's customer, but sees it exists
            Assert.Contains(matched, match["matchedOn"]!.AsArray().Select(m => m!.GetValue<string>()));
        }

        var typing = (await rep2.GetOk("/api/customers/duplicates?name=acme%20company%20limited")).AsArray();
        Assert.Single(typing);

        await CustomerApi.CreateAsync(rep2, "ACME 有限公司", duplicateReason: "Different branch in Beijing");
        Assert.Single(await CustomerApi.ListNamesAsync(rep2));
    }

    [Fact]
    public async Task Reps_see_their_own_customers_and_managers_their_departments()
    {
        var (_, rep1, rep2, manager, _, _) = await ArrangeAsync();
        var mine = await CustomerApi.CreateIdAsync(rep1, "Rep1 Customer");
        await CustomerApi.CreateIdAsync(rep2, "Rep2 Customer");

        Assert.Equal(["Rep1 Customer"], await CustomerApi.ListNamesAsync(rep1));
        Assert.Equal(["Rep1 Customer", "Rep2 Customer"], (await CustomerApi.ListNamesAsync(manager)).Order());
        await ApiClient.Expect(await rep2.GetAsync($"/api/customers/{mine}"), HttpStatusCode.NotFound);
        await ApiClient.Expect(await rep2.GetAsync($"/api/customers/{mine}/contacts"), HttpStatusCode.NotFound);
        await rep1.GetOk($"/api/customers/{mine}");
    }

    [Fact]
    public async Task Keyset_pages_cover_every_customer_once_in_every_sort_order()
    {
        var (tenant, _, _, _, _, _) = await ArrangeAsync();
        var names = Enumerable.Range(1, 23).Select(i => $"Customer {i:00}").ToList();
        foreach (var name in names)
        {
            await CustomerApi.CreateAsync(tenant.Admin, name, level: name.EndsWith('1') ? "a" : null, tags: name.EndsWith('3') ? ["hot"] : null);
            api.Factory.Clock.Advance(TimeSpan.FromSeconds(name.EndsWith('5') ? 0 : 1)); // some share a creation time
        }

        foreach (var sort in new[] { "name", "-name", "createdAt", "-createdAt", "lastFollowUpAt", "-nextFollowUpAt" })
        {
            var seen = new List<string>();
            string? cursor = null;
            do
            {
                var page = await tenant.Admin.GetOk($"/api/customers?pageSize=5&sort={sort}{(cursor is null ? "" : "&cursor=" + cursor)}");
                if (cursor is null) Assert.Equal(23, page["total"]!.GetValue<int>());
                else Assert.Null(page["total"]); // the count belongs to the first page
                seen.AddRange(page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
                cursor = page["nextCursor"]?.GetValue<string>();
            } while (cursor is not null);
            Assert.Equal(names.Order(), seen.Order());
            if (sort == "name") Assert.Equal(names, seen);
            if (sort == "-name") Assert.Equal(names.AsEnumerable().Reverse(), seen);
        }

        Assert.Equal(["Customer 01", "Customer 11", "Customer 21"], await CustomerApi.ListNamesAsync(tenant.Admin, "&level=a&sort=name"));
        Assert.Equal(["Customer 03", "Customer 13", "Customer 23"], await CustomerApi.ListNamesAsync(tenant.Admin, "&tag=hot&sort=name"));
        Assert.Equal(["Customer 20", "Customer 21"], await CustomerApi.ListNamesAsync(tenant.Admin, "&name=customer%202&sort=name").ContinueWith(t => t.Result.Take(2).ToList()));
        var offsetPage = await tenant.Admin.GetOk("/api/customers?pageSize=5&sort=name&offset=20");
        Assert.Equal(["Customer 21", "Customer 22", "Customer 23"], offsetPage["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        await ApiClient.ExpectProblem(await tenant.Admin.GetAsync("/api/customers?sort=password"), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Pages_merge_every_way_a_customer_is_visible_in_order_and_each_customer_once()
    {
        var (_, rep1, rep2, manager, rep1Id, _) = await ArrangeAsync();
        var rep1Names = new List<string>();
        var rep2Ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            rep1Names.Add($"R1 {i}");
            var own = await CustomerApi.CreateIdAsync(rep1, $"R1 {i}");
            if (i == 0) await manager.PutOk($"/api/customers/{own}/service-rep", new { serviceRepId = rep1Id }); // owner and service rep: one row
            rep2Ids.Add(await CustomerApi.CreateIdAsync(rep2, $"R2 {i}"));
            api.Factory.Clock.Advance(TimeSpan.FromSeconds(i % 2)); // some share a creation time
        }
        await manager.PutOk($"/api/customers/{rep2Ids[3]}/service-rep", new { serviceRepId = rep1Id });
        await CustomerApi.CreateIdAsync(manager, "M 0");

        async Task<(List<string> Names, int Total)> PagesAsync(ApiClient client, string sort, string filter = "")
        {
            var names = new List<string>();
            int? total = null;
            string? cursor = null;
            do
            {
                var page = await client.GetOk($"/api/customers?pageSize=2&sort={sort}{filter}{(cursor is null ? "" : "&cursor=" + cursor)}");
                total ??= page["total"]!.GetValue<int>();
                names.AddRange(page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
                cursor = page["nextCursor"]?.GetValue<string>();
            } while (cursor is not null);
            return (names, total.Value);
        }

        var rep1Sees = rep1Names.Append("R2 3").Order(StringComparer.Ordinal).ToList();
        var rep1ByName = await PagesAsync(rep1, "name");
        Assert.Equal(rep1Sees, rep1ByName.Names);
        Assert.Equal(6, rep1ByName.Total);
        Assert.Equal(rep1Sees.AsEnumerable().Reverse(), (await PagesAsync(rep1, "-name")).Names);
        var rep1ByDate = await PagesAsync(rep1, "-createdAt");
        Assert.Equal(rep1Sees, rep1ByDate.Names.Order(StringComparer.Ordinal));

        var managerSees = rep1Names.Concat(Enumerable.Range(0, 5).Select(i => $"R2 {i}")).Append("M 0").Order(StringComparer.Ordinal).ToList();
        var managerByName = await PagesAsync(manager, "name");
        Assert.Equal(managerSees, managerByName.Names);
        Assert.Equal(11, managerByName.Total);
        var managerByDate = await PagesAsync(manager, "createdAt");
        Assert.Equal(managerSees, managerByDate.Names.Order(StringComparer.Ordinal));
        Assert.Equal("M 0", managerByDate.Names[^1]); // created last

        // A name prefix is paged and counted slice by slice too: the owner's, the service rep's, a department's.
        var rep1R2 = await PagesAsync(rep1, "name", "&name=r2");
        Assert.Equal(["R2 3"], rep1R2.Names);
        Assert.Equal(1, rep1R2.Total);
        var managerR1 = await PagesAsync(manager, "-name", "&name=r1");
        Assert.Equal(rep1Names.AsEnumerable().Reverse(), managerR1.Names);
        Assert.Equal(5, managerR1.Total);
        Assert.Equal(rep1Names, (await PagesAsync(manager, "createdAt", "&name=r1")).Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_edit_with_a_stale_stamp_is_refused_and_bad_input_names_the_field()
    {
        var (_, rep1, _, _, _, _) = await ArrangeAsync();
        var created = await CustomerApi.CreateAsync(rep1, "Stale Co");
        var id = created["id"]!.GetValue<Guid>();
        var stamp = created["concurrencyStamp"]!.GetValue<string>();
        var updated = await rep1.PutOk($"/api/customers/{id}", new { kind = "Company", name = "Stale Co 2", phones = new[] { "13700000000" }, concurrencyStamp = stamp });
        Assert.Equal("Stale Co 2", updated["name"]!.GetValue<string>());
        await ApiClient.ExpectProblem(await rep1.PutAsync($"/api/customers/{id}", new { kind = "Company", name = "Stale Co 3", concurrencyStamp = stamp }),
            HttpStatusCode.Conflict, "concurrency_conflict");

        var bad = await ApiClient.ExpectProblem(await rep1.PostAsync("/api/customers", new { kind = "Company", name = "", emails = new[] { "not-an-email" } }),
            HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(bad["errors"]!["name"]);
        Assert.NotNull(bad["errors"]!["emails[0]"]);
        await ApiClient.ExpectProblem(await rep1.PostAsync("/api/customers", new { kind = "Company", name = "X", levelCode = "zzz" }),
            HttpStatusCode.BadRequest, "validation_failed");

        // The phone changed: the old number no longer matches, the new one does.
        Assert.Single((await rep1.GetOk("/api/customers/duplicates?phone=13700000000")).AsArray());
    }

    [Fact]
    public async Task Managers_assign_owners_and_service_reps_and_reps_cannot()
    {
        var (_, rep1, rep2, manager, rep1Id, rep2Id) = await ArrangeAsync();
        var id = await CustomerApi.CreateIdAsync(rep1, "Assign Me");
        await ApiClient.Expect(await rep1.PostAsync($"/api/customers/{id}/assign", new { ownerId = rep2Id }), HttpStatusCode.Forbidden);

        var assigned = await manager.PostOk($"/api/customers/{id}/assign", new { ownerId = rep2Id, reason = "Territory change" });
        Assert.Equal(rep2Id, assigned["ownerId"]!.GetValue<Guid>());
        await ApiClient.Expect(await rep1.GetAsync($"/api/customers/{id}"), HttpStatusCode.NotFound);
        await rep2.GetOk($"/api/customers/{id}");

        // rep1 becomes the dedicated service rep and sees it again, in "my service customers".
        await manager.PutOk($"/api/customers/{id}/service-rep", new { serviceRepId = rep1Id });
        Assert.Equal(["Assign Me"], await CustomerApi.ListNamesAsync(rep1, "&scope=service"));
        Assert.Empty(await CustomerApi.ListNamesAsync(rep1, "&scope=mine"));

        var history = (await rep2.GetOk($"/api/customers/{id}/ownership")).AsArray();
        Assert.Contains(history, h => h!["action"]!.GetValue<string>() == "Assigned" && h["reason"]!.GetValue<string>() == "Territory change");
    }

    [Fact]
    public async Task Another_tenant_never_sees_a_customer()
    {
        var (tenant, rep1, _, _, _, _) = await ArrangeAsync();
        var id = await CustomerApi.CreateIdAsync(rep1, "Isolated Ltd", "13811112222");
        var other = await TenantScenario.CreateAsync(api, "other");
        await ApiClient.Expect(await other.Admin.GetAsync($"/api/customers/{id}"), HttpStatusCode.NotFound);
        Assert.Empty(await CustomerApi.ListNamesAsync(other.Admin));
        Assert.Empty((await other.Admin.GetOk("/api/customers/duplicates?name=Isolated&phone=13811112222")).AsArray());
        await ApiClient.Expect(await other.Admin.PutAsync($"/api/customers/{id}", new { kind = "Company", name = "Hijack", concurrencyStamp = "x" }), HttpStatusCode.NotFound);
        Assert.Single(await CustomerApi.ListNamesAsync(tenant.Admin));
    }
}

public sealed class CustomerTestsSqlite(SqliteApi api) : CustomerTests(api), IClassFixture<SqliteApi>;
public sealed class CustomerTestsMariaDb(MariaDbApi api) : CustomerTests(api), IClassFixture<MariaDbApi>;
