using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Auditing;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;

namespace SaasCrm.Api.Tests.Platform;

/// <summary>The platform's bulk insert keeps the guarantees of tracked inserts: tenant, audit fields, change log, value conversions, transactions.</summary>
public abstract class BulkInsertTests(ApiFixture api)
{
    private IServiceProvider Services => api.Factory.Services;

    private IDisposable ActAs(Guid userId) => Services.GetRequiredService<ICurrentUser>().Change(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(PlatformClaims.UserId, userId.ToString())], "test")));

    private static void SetTenant(IMultiTenant entity, Guid? tenantId) =>
        // Private setter of the declaring class: what a careless caller could still do with reflection or a mapper.
        entity.GetType().GetProperty(nameof(IMultiTenant.TenantId))!.DeclaringType!.GetProperty(nameof(IMultiTenant.TenantId))!.SetValue(entity, tenantId);

    private static Customer NewCustomer(string name) => new()
    {
        Kind = CustomerKind.Person, Name = name, NormalizedName = name, Status = CustomerStatus.Active,
        Phones = ["13800000001", "010-5555"], Emails = ["a@example.com"], Tags = ["vip", "华东"],
        ConcurrencyStamp = "", CreatedAt = new DateTime(2000, 1, 1), CreatedBy = Guid.NewGuid(),
    };

    [Fact]
    public async Task Rows_get_the_current_tenant_audit_fields_stamp_and_round_trip_lists_and_enums()
    {
        var tenant = await TenantScenario.CreateAsync(api, "bulk");
        var other = await TenantScenario.CreateAsync(api, "bulk");
        var userId = await tenant.CreateUserAsync("bulker", "sales");
        var customers = Enumerable.Range(0, 1500).Select(i => NewCustomer($"批量客户{i}")).ToList(); // more than one statement on both providers
        // Nullable columns alternate between null and values (the provider's parameters are reused per column), and text keeps quotes and backslashes.
        var ownerId = Guid.NewGuid();
        for (var i = 0; i < customers.Count; i++)
        {
            customers[i].LevelCode = i % 2 == 0 ? null : $"level{i % 3}";
            customers[i].OwnerId = i % 3 == 0 ? null : ownerId;
            customers[i].LastFollowUpAt = i % 4 == 0 ? null : new DateTime(2026, 1, 1, 8, 30, 0, DateTimeKind.Utc).AddMinutes(i);
            customers[i].Remark = i % 5 == 0 ? null : $"O'Brien \\ 备注 {i}";
        }
        foreach (var c in customers) SetTenant(c, other.Id); // the caller's tenant is never trusted

        await using (var scope = Services.GetRequiredService<ITenantScopeFactory>().Create(tenant.Id))
        using (ActAs(userId))
        {
            var written = await scope.Services.GetRequiredService<BulkInsert>().InsertAsync(customers);
            Assert.True(written >= 1500 * 2, $"customers plus their change-log rows, got {written}");
        }

        await using var read = Services.GetRequiredService<ITenantScopeFactory>().Create(tenant.Id);
        var db = read.Services.GetRequiredService<PlatformDbContext>();
        var ids = customers.Select(c => c.Id).ToList();
        var stored = await db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync();
        Assert.Equal(1500, stored.Count);
        var byId = customers.ToDictionary(c => c.Id);
        Assert.All(stored, c =>
        {
            var sent = byId[c.Id];
            Assert.Equal(sent.Name, c.Name);
            Assert.Equal(sent.LevelCode, c.LevelCode);
            Assert.Equal(sent.OwnerId, c.OwnerId);
            Assert.Equal(sent.LastFollowUpAt, c.LastFollowUpAt);
            Assert.Equal(sent.Remark, c.Remark);
        });
        var now = api.Factory.Clock.GetUtcNow().UtcDateTime;
        Assert.All(stored, c =>
        {
            Assert.Equal(tenant.Id, c.TenantId);
            Assert.Equal(userId, c.CreatedBy);
            Assert.Equal(now, c.CreatedAt, TimeSpan.FromMilliseconds(1));
            Assert.Null(c.ModifiedAt);
            Assert.Equal(32, c.ConcurrencyStamp.Length);
            Assert.Equal(["13800000001", "010-5555"], c.Phones);
            Assert.Equal(["vip", "华东"], c.Tags);
            Assert.Equal(CustomerKind.Person, c.Kind);
            Assert.False(c.IsDeleted);
        });
        Assert.Equal(1500, stored.Select(c => c.ConcurrencyStamp).Distinct().Count());

        // One "Created" entry per record, field by field outside a brief-log scope, written by the same insert.
        var first = ids[0].ToString();
        var change = await db.Set<EntityChange>().AsNoTracking().Include(c => c.PropertyChanges).SingleAsync(c => c.EntityType == nameof(Customer) && c.EntityId == first);
        Assert.Equal(EntityChangeType.Created, change.ChangeType);
        Assert.Equal(userId, change.UserId);
        Assert.Equal(tenant.Id, change.TenantId);
        var fields = change.PropertyChanges.ToDictionary(p => p.PropertyName, p => p.NewValue);
        Assert.Equal("批量客户0", fields[nameof(Customer.Name)]);
        Assert.Equal("13800000001, 010-5555", fields[nameof(Customer.Phones)]);
        Assert.Equal("Person", fields[nameof(Customer.Kind)]);
        Assert.DoesNotContain(nameof(Customer.ConcurrencyStamp), fields.Keys);
        Assert.DoesNotContain(nameof(Customer.TenantId), fields.Keys);
        Assert.Equal(1500, await db.Set<EntityChange>().CountAsync(c => c.EntityType == nameof(Customer) && c.ChangeType == EntityChangeType.Created && c.UserId == userId));

        // The other tenant sees none of them, even with its id put on the objects.
        await using (var otherScope = Services.GetRequiredService<ITenantScopeFactory>().Create(other.Id))
            Assert.Equal(0, await otherScope.Services.GetRequiredService<PlatformDbContext>().Set<Customer>().CountAsync(c => ids.Contains(c.Id)));
    }

    [Fact]
    public async Task Inside_a_brief_log_scope_entries_name_only_the_given_properties()
    {
        var tenant = await TenantScenario.CreateAsync(api, "bulk");
        var customer = NewCustomer("简要日志");
        await using (var scope = Services.GetRequiredService<ITenantScopeFactory>().Create(tenant.Id))
        {
            var db = scope.Services.GetRequiredService<PlatformDbContext>();
            using var brief = db.LogCreatesBriefly(nameof(Customer.Name), nameof(Customer.ImportBatchId));
            await scope.Services.GetRequiredService<BulkInsert>().InsertAsync([customer]);
        }
        await using var read = Services.GetRequiredService<ITenantScopeFactory>().Create(tenant.Id);
        var change = await read.Services.GetRequiredService<PlatformDbContext>().Set<EntityChange>().AsNoTracking().Include(c => c.PropertyChanges)
            .SingleAsync(c => c.EntityId == customer.Id.ToString());
        Assert.Equal([nameof(Customer.Name)], change.PropertyChanges.Select(p => p.PropertyName)); // ImportBatchId is null: left out
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_neither_rows_nor_change_log()
    {
        var tenant = await TenantScenario.CreateAsync(api, "bulk");
        var customers = Enumerable.Range(0, 50).Select(i => NewCustomer($"回滚{i}")).ToList();
        var records = customers.Select(c => new OwnershipRecord { CustomerId = c.Id, Action = OwnershipAction.Created, At = DateTime.UtcNow }).ToList();
        await using (var scope = Services.GetRequiredService<ITenantScopeFactory>().Create(tenant.Id))
        {
            var db = scope.Services.GetRequiredService<PlatformDbContext>();
            var bulk = scope.Services.GetRequiredService<BulkInsert>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await bulk.InsertAsync(customers);
            await bulk.InsertAsync(records);
            Assert.Equal(50, await db.Set<OwnershipRecord>().CountAsync(r => r.TenantId == tenant.Id)); // visible inside the transaction
            await transaction.RollbackAsync();
        }
        await using var read = Services.GetRequiredService<ITenantScopeFactory>().Create(tenant.Id);
        var check = read.Services.GetRequiredService<PlatformDbContext>();
        var ids = customers.Select(c => c.Id).ToList();
        var idTexts = ids.Select(i => i.ToString()).ToList();
        Assert.Equal(0, await check.Set<Customer>().CountAsync(c => ids.Contains(c.Id)));
        Assert.Equal(0, await check.Set<OwnershipRecord>().CountAsync(r => ids.Contains(r.CustomerId)));
        Assert.Equal(0, await check.Set<EntityChange>().CountAsync(c => idTexts.Contains(c.EntityId)));
    }
}

public sealed class BulkInsertTestsSqlite(SqliteApi api) : BulkInsertTests(api), IClassFixture<SqliteApi>;
public sealed class BulkInsertTestsMariaDb(MariaDbApi api) : BulkInsertTests(api), IClassFixture<MariaDbApi>;
