using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Api.Tests.Infrastructure;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Api.Tests.Platform;

/// <summary>
/// Generated over the model: every <see cref="IMultiTenant"/> entity, written as tenant A, is invisible to
/// tenant B and cannot be changed by B. A module that adds an entity is covered without writing a test.
/// </summary>
public abstract class GeneratedCrossTenantTests(ApiFixture api)
{
    public static TheoryData<string> MultiTenantEntities()
    {
        var data = new TheoryData<string>();
        foreach (var name in EntityTypes().Select(t => t.ClrType.Name)) data.Add(name);
        return data;
    }

    private static IEnumerable<IEntityType> EntityTypes()
    {
        using var db = ModelOnlyContext();
        return db.Model.GetEntityTypes().Where(t => typeof(IMultiTenant).IsAssignableFrom(t.ClrType)).OrderBy(t => t.ClrType.Name).ToList();
    }

    [Theory]
    [MemberData(nameof(MultiTenantEntities))]
    public async Task Written_as_tenant_A_it_is_invisible_to_and_unchangeable_by_tenant_B(string entityName)
    {
        var scopes = api.Factory.Services.GetRequiredService<ITenantScopeFactory>();
        var tenantA = Guid.CreateVersion7();
        var tenantB = Guid.CreateVersion7();

        object entity;
        object[] key;
        IEntityType entityType;
        await using (var a = scopes.Create(tenantA))
        {
            var db = a.Services.GetRequiredService<PlatformDbContext>();
            entityType = db.Model.GetEntityTypes().Single(t => t.ClrType.Name == entityName);
            entity = NewInstance(entityType);
            db.Add(entity);
            await db.SaveChangesAsync();
            key = entityType.FindPrimaryKey()!.Properties.Select(p => db.Entry(entity).Property(p.Name).CurrentValue!).ToArray();
            Assert.Equal(tenantA, db.Entry(entity).Property(nameof(IMultiTenant.TenantId)).CurrentValue);
        }
        await using (var a = scopes.Create(tenantA))
        {
            Assert.NotNull(await a.Services.GetRequiredService<PlatformDbContext>().FindAsync(entityType.ClrType, key));
        }
        await using (var b = scopes.Create(tenantB))
        {
            var db = b.Services.GetRequiredService<PlatformDbContext>();
            Assert.Null(await db.FindAsync(entityType.ClrType, key));
            // Attaching A's row (as a forged request would) and saving it as B is refused.
            db.Attach(entity).State = EntityState.Modified;
            await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        }
    }

    private static object NewInstance(IEntityType entityType)
    {
        var entity = Activator.CreateInstance(entityType.ClrType, nonPublic: true)!;
        foreach (var property in entityType.GetProperties())
        {
            if (property.PropertyInfo is not { CanWrite: true } info || property.IsPrimaryKey() || property.Name == nameof(IMultiTenant.TenantId)) continue;
            var type = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
            if (info.GetValue(entity) is not null && type != typeof(Guid)) continue;
            object? value = type switch
            {
                _ when type == typeof(string) => Unique(property.GetMaxLength()),
                _ when type == typeof(Guid) => Guid.NewGuid(),
                _ when type == typeof(DateTime) => DateTime.UtcNow,
                _ => null,
            };
            if (value is not null) info.SetValue(entity, value);
        }
        return entity;
    }

    private static string Unique(int? maxLength)
    {
        var text = Guid.NewGuid().ToString("N");
        return maxLength is { } max && max < text.Length ? text[..max] : text;
    }

    private static PlatformDbContext ModelOnlyContext()
    {
        var options = new DbContextOptionsBuilder<SaasCrm.EntityFrameworkCore.SaasCrmDbContext>().UseSqlite("Data Source=:memory:").Options;
        return new SaasCrm.EntityFrameworkCore.SaasCrmDbContext(options, new CurrentTenant(), new DataFilter(), CrmApiFactory.Modules);
    }
}

public sealed class GeneratedCrossTenantTestsSqlite(SqliteApi api) : GeneratedCrossTenantTests(api), IClassFixture<SqliteApi>;
public sealed class GeneratedCrossTenantTestsMariaDb(MariaDbApi api) : GeneratedCrossTenantTests(api), IClassFixture<MariaDbApi>;
