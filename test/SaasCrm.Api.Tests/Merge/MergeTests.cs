using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Handover;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers;
using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Records;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Domain;

namespace SaasCrm.Api.Tests.Merge;

public abstract class MergeTests(ApiFixture api)
{
    private const string Url = "/api/customer-merges";

    /// <summary>Survivor S (2 contacts, one primary; 1 follow-up; 1 reminder; budget 100), losers L1 (2 contacts, one primary; 2 follow-ups; 1 reminder; budget 500; other level, phone, tag) and L2 (1 contact).</summary>
    private async Task<(TenantScenario T, Guid S, Guid L1, Guid L2)> ArrangeAsync()
    {
        var t = await TenantScenario.CreateAsync(api, "merge");
        var owner = await t.CreateUserAsync("rep", "sales");
        var ids = await CustomerSeed.InTenantAsync(api, t.Id, async (db, services) =>
        {
            var keys = services.GetRequiredService<CustomerKeyWriter>();
            var field = new CustomFieldDefinition { EntityType = "customer", Name = "budget", LabelEn = "Budget", LabelZh = "预算", FieldType = CustomFieldType.Number };
            db.Add(field);
            Customer New(string name, string level, string phone, string tag)
            {
                var c = new Customer { Name = name, OwnerId = owner, LevelCode = level, Phones = [phone], Tags = [tag], LastFollowUpAt = DateTime.UtcNow.AddDays(-3) };
                keys.AddFor(c);
                db.Add(c);
                return c;
            }
            var s = New("Acme Ltd", "b", "13800138000", "vip");
            var l1 = New("ACME Co., Ltd.", "a", "13900139000", "east");
            l1.Address = "1 Main St";
            var l2 = New("Acme", "b", "+86 138-0013-8000", "vip");
            void Contacts(Customer c, int n, bool primary) { for (var i = 0; i < n; i++) db.Add(new Contact { CustomerId = c.Id, Name = $"{c.Name} contact {i}", IsPrimary = primary && i == 0 }); }
            void FollowUps(Customer c, int n) { for (var i = 0; i < n; i++) db.Add(new FollowUp { CustomerId = c.Id, OwnerId = owner, MethodCode = "phone", Content = "called", At = DateTime.UtcNow.AddDays(-i) }); }
            Contacts(s, 2, true); Contacts(l1, 2, true); Contacts(l2, 1, false);
            FollowUps(s, 1); FollowUps(l1, 2);
            db.Add(new Reminder { OwnerId = owner, CustomerId = s.Id, Subject = "s", DueAt = DateTime.UtcNow.AddDays(1) });
            db.Add(new Reminder { OwnerId = owner, CustomerId = l1.Id, Subject = "l1", DueAt = DateTime.UtcNow.AddDays(1) });
            db.Add(new CustomFieldValue { EntityType = "customer", EntityId = s.Id, FieldId = field.Id, NumberValue = 100 });
            db.Add(new CustomFieldValue { EntityType = "customer", EntityId = l1.Id, FieldId = field.Id, NumberValue = 500 });
            db.Add(new OwnershipRecord { CustomerId = l1.Id, Action = OwnershipAction.Created, ToUserId = owner, At = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (s.Id, l1.Id, l2.Id);
        });
        return (t, ids.Item1, ids.Item2, ids.Item3);
    }

    /// <summary>Children per customer and kind, the thing a merge must never lose.</summary>
    private Task<Dictionary<string, int>> CountsAsync(Guid tenantId, params Guid[] customers) =>
        CustomerSeed.InTenantAsync(api, tenantId, async (db, _) =>
        {
            var result = new Dictionary<string, int>();
            foreach (var id in customers)
            {
                result[$"{id}:contacts"] = await db.Set<Contact>().CountAsync(c => c.CustomerId == id);
                result[$"{id}:primary"] = await db.Set<Contact>().CountAsync(c => c.CustomerId == id && c.IsPrimary);
                result[$"{id}:follow-ups"] = await db.Set<FollowUp>().CountAsync(c => c.CustomerId == id);
                result[$"{id}:reminders"] = await db.Set<Reminder>().CountAsync(c => c.CustomerId == id);
                result[$"{id}:ownership"] = await db.Set<OwnershipRecord>().CountAsync(c => c.CustomerId == id && c.Action != OwnershipAction.Merged && c.Action != OwnershipAction.Unmerged);
                result[$"{id}:custom-values"] = await db.CustomFieldValues.CountAsync(v => v.EntityId == id);
                result[$"{id}:keys"] = await db.Set<CustomerKey>().CountAsync(k => k.CustomerId == id);
            }
            return result;
        });

    private Task<Customer> CustomerAsync(Guid tenantId, Guid id) =>
        CustomerSeed.InTenantAsync(api, tenantId, (db, _) => db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == id));

    private async Task<Dictionary<Guid, string>> StampsAsync(Guid tenantId, params Guid[] ids)
    {
        var stamps = new Dictionary<Guid, string>();
        foreach (var id in ids) stamps[id] = (await CustomerAsync(tenantId, id)).ConcurrencyStamp;
        return stamps;
    }

    [Fact]
    public async Task Preview_shows_differing_fields_united_lists_and_what_would_move()
    {
        var (t, s, l1, l2) = await ArrangeAsync();
        var preview = await t.Admin.PostOk($"{Url}/preview", new { survivorId = s, loserIds = new[] { l1, l2 } });

        var conflicts = preview["conflicts"]!.AsArray();
        var level = conflicts.Single(c => c!["field"]!.GetValue<string>() == "levelCode")!;
        Assert.Equal(s, level["suggestedSourceId"]!.GetValue<Guid>());
        Assert.Equal(new[] { "b", "a", "b" }, level["values"]!.AsArray().Select(v => v!["value"]!.GetValue<string>()));
        var address = conflicts.Single(c => c!["field"]!.GetValue<string>() == "address")!;
        Assert.Equal(l1, address["suggestedSourceId"]!.GetValue<Guid>()); // the survivor has none
        var budget = conflicts.Single(c => c!["field"]!.GetValue<string>() == "customFields.budget")!;
        Assert.True(budget["isCustomField"]!.GetValue<bool>());
        Assert.Equal("预算", budget["labelZh"]!.GetValue<string>());
        Assert.DoesNotContain(conflicts, c => c!["field"]!.GetValue<string>() == "ownerId"); // same owner

        Assert.Equal(new[] { "13800138000", "13900139000" }, preview["united"]!["phones"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(new[] { "vip", "east" }, preview["united"]!["tags"]!.AsArray().Select(p => p!.GetValue<string>()));
        var moves = preview["moves"]!.AsArray().ToDictionary(m => m!["kind"]!.GetValue<string>(), m => m!["count"]!.GetValue<int>());
        Assert.Equal(3, moves["contact"]);
        Assert.Equal(2, moves["follow-up"]);
        Assert.Equal(1, moves["reminder"]);
        Assert.Equal(3, preview["customers"]!.AsArray().Count);
    }

    [Fact]
    public async Task Merge_moves_every_record_and_unmerge_puts_back_exactly_what_came_from_the_losers()
    {
        var (t, s, l1, l2) = await ArrangeAsync();
        var before = await CountsAsync(t.Id, s, l1, l2);

        var merge = await t.Admin.PostOk(Url, new
        {
            survivorId = s, loserIds = new[] { l1, l2 },
            fieldChoices = new Dictionary<string, Guid> { ["levelCode"] = l1, ["customFields.budget"] = l1 },
            concurrencyStamps = await StampsAsync(t.Id, s, l1, l2),
        }, HttpStatusCode.Created);
        var mergeId = merge["id"]!.GetValue<Guid>();
        Assert.True(merge["canUnmerge"]!.GetValue<bool>());

        var after = await CountsAsync(t.Id, s, l1, l2);
        foreach (var kind in new[] { "contacts", "follow-ups", "reminders" })
        {
            Assert.Equal(before[$"{s}:{kind}"] + before[$"{l1}:{kind}"] + before[$"{l2}:{kind}"], after[$"{s}:{kind}"]);
            Assert.Equal(0, after[$"{l1}:{kind}"] + after[$"{l2}:{kind}"]);
        }
        Assert.Equal(1, after[$"{s}:primary"]);
        Assert.Equal(before[$"{l1}:ownership"], after[$"{l1}:ownership"]); // history stays with each customer
        Assert.Equal(0, after[$"{l1}:keys"] + after[$"{l2}:keys"]);
        Assert.Equal(before[$"{l1}:custom-values"], after[$"{l1}:custom-values"]);
        var survivor = await CustomerAsync(t.Id, s);
        Assert.Equal("a", survivor.LevelCode);
        Assert.Equal("1 Main St", survivor.Address);
        Assert.Equal(["13800138000", "13900139000"], survivor.Phones);
        var loser = await CustomerAsync(t.Id, l1);
        Assert.Equal(CustomerStatus.Merged, loser.Status);
        Assert.Equal(s, loser.MergedIntoId);
        Assert.Equal(500m, await BudgetAsync(t.Id, s));
        Assert.Equal(2, await HistoryAsync(t.Id, l1, OwnershipAction.Merged) + await HistoryAsync(t.Id, s, OwnershipAction.Merged));
        Assert.Equal(mergeId, Assert.Single((await t.Admin.GetOk($"{Url}?customerId={l2}"))["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        Assert.Equal(3, merge["moved"]!.AsArray().Single(m => m!["kind"]!.GetValue<string>() == "contact")!["count"]!.GetValue<int>());

        // A merged customer is read-only: editing it, or merging into it, is refused.
        await CustomerSeed.InTenantAsync(api, t.Id, async (_, services) =>
        {
            var ex = await Assert.ThrowsAsync<BusinessException>(() => services.GetRequiredService<CustomerAccess>().GetEditableAsync(l1, CancellationToken.None));
            Assert.Equal((409, "customer.merged"), (ex.Status, ex.Code));
            return true;
        }, asUser: await AdminIdAsync(t));
        await ApiClient.ExpectProblem(await t.Admin.PostAsync($"{Url}/preview", new { survivorId = l1, loserIds = new[] { l2 } }), HttpStatusCode.Conflict, "customer.merged");

        // Work goes on with the survivor after the merge: that follow-up stays with it.
        await CustomerSeed.InTenantAsync(api, t.Id, async db =>
        {
            db.Add(new FollowUp { CustomerId = s, OwnerId = Guid.NewGuid(), MethodCode = "visit", Content = "after the merge", At = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var reverted = await t.Admin.PostOk($"{Url}/{mergeId}/unmerge");
        Assert.Equal("Reverted", reverted["status"]!.GetValue<string>());
        var restored = await CountsAsync(t.Id, s, l1, l2);
        foreach (var (key, count) in before)
            Assert.True(restored[key] == count + (key == $"{s}:follow-ups" ? 1 : 0), $"{key}: {count} before, {restored[key]} after unmerge");
        survivor = await CustomerAsync(t.Id, s);
        Assert.Equal("b", survivor.LevelCode);
        Assert.Null(survivor.Address);
        Assert.Equal(["13800138000"], survivor.Phones);
        Assert.Equal(100m, await BudgetAsync(t.Id, s));
        loser = await CustomerAsync(t.Id, l1);
        Assert.Equal((CustomerStatus.Active, (Guid?)null, "a"), (loser.Status, loser.MergedIntoId, loser.LevelCode));
        Assert.Equal(1, await HistoryAsync(t.Id, l1, OwnershipAction.Unmerged));
        await ApiClient.ExpectProblem(await t.Admin.PostAsync($"{Url}/{mergeId}/unmerge"), HttpStatusCode.Conflict, "merge.already_reverted");
    }

    [Fact]
    public async Task Unmerge_after_the_tenants_period_is_refused()
    {
        var (t, s, l1, l2) = await ArrangeAsync();
        var mergeId = (await t.Admin.PostOk(Url, new { survivorId = s, loserIds = new[] { l1 }, concurrencyStamps = await StampsAsync(t.Id, s, l1) }, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        api.Factory.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        var admin = await t.LoginAsync("admin");
        Assert.False((await admin.GetOk($"{Url}/{mergeId}"))["canUnmerge"]!.GetValue<bool>());
        await ApiClient.ExpectProblem(await admin.PostAsync($"{Url}/{mergeId}/unmerge"), HttpStatusCode.Conflict, "merge.unmerge_expired");
        Assert.Equal(CustomerStatus.Merged, (await CustomerAsync(t.Id, l1)).Status);

        // A tenant with a longer period still may.
        await CustomerSeed.InTenantAsync(api, t.Id, async db => { db.Add(new CustomerSettings { UnmergeDays = 60 }); await db.SaveChangesAsync(); });
        await admin.PostOk($"{Url}/{mergeId}/unmerge");
        Assert.Equal(CustomerStatus.Active, (await CustomerAsync(t.Id, l1)).Status);
        _ = l2;
    }

    [Fact]
    public async Task A_stale_concurrency_stamp_is_a_conflict_and_nothing_moves()
    {
        var (t, s, l1, _) = await ArrangeAsync();
        var before = await CountsAsync(t.Id, s, l1);
        var stamps = await StampsAsync(t.Id, s, l1);
        stamps[l1] = Guid.NewGuid().ToString("N");
        await ApiClient.ExpectProblem(await t.Admin.PostAsync(Url, new { survivorId = s, loserIds = new[] { l1 }, concurrencyStamps = stamps }), HttpStatusCode.Conflict, "concurrency_conflict");
        Assert.Equal(before, await CountsAsync(t.Id, s, l1));
        Assert.Equal(CustomerStatus.Active, (await CustomerAsync(t.Id, l1)).Status);
        Assert.Empty((await t.Admin.GetOk(Url))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_sales_rep_cannot_merge_and_another_tenant_sees_nothing()
    {
        var (t, s, l1, _) = await ArrangeAsync();
        var rep = await t.LoginAsync("rep");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync($"{Url}/preview", new { survivorId = s, loserIds = new[] { l1 } })).StatusCode);
        var mergeId = (await t.Admin.PostOk(Url, new { survivorId = s, loserIds = new[] { l1 }, concurrencyStamps = await StampsAsync(t.Id, s, l1) }, HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var other = await TenantScenario.CreateAsync(api, "merge");
        await ApiClient.ExpectProblem(await other.Admin.GetAsync($"{Url}/{mergeId}"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await other.Admin.PostAsync($"{Url}/{mergeId}/unmerge"), HttpStatusCode.NotFound, "not_found");
        await ApiClient.ExpectProblem(await other.Admin.PostAsync($"{Url}/preview", new { survivorId = s, loserIds = new[] { l1 } }), HttpStatusCode.NotFound, "not_found");
        Assert.Empty((await other.Admin.GetOk(Url))["items"]!.AsArray());
        Assert.Equal(CustomerStatus.Merged, (await CustomerAsync(t.Id, l1)).Status);
    }

    private Task<decimal?> BudgetAsync(Guid tenantId, Guid customerId) =>
        CustomerSeed.InTenantAsync(api, tenantId, (db, _) => db.CustomFieldValues.Where(v => v.EntityId == customerId).Select(v => v.NumberValue).SingleAsync());

    private Task<int> HistoryAsync(Guid tenantId, Guid customerId, OwnershipAction action) =>
        CustomerSeed.InTenantAsync(api, tenantId, (db, _) => db.Set<OwnershipRecord>().CountAsync(r => r.CustomerId == customerId && r.Action == action));

    private Task<Guid> AdminIdAsync(TenantScenario t) =>
        CustomerSeed.InTenantAsync(api, t.Id, (db, _) => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());
}

public sealed class MergeTestsSqlite(SqliteApi api) : MergeTests(api), IClassFixture<SqliteApi>;
public sealed class MergeTestsMariaDb(MariaDbApi api) : MergeTests(api), IClassFixture<MariaDbApi>;
