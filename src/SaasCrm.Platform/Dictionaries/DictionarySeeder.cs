using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Seeding;

namespace SaasCrm.Platform.Dictionaries;

/// <summary>
/// Creates the dictionaries modules declare, with their default items, in a new tenant; at start-up it adds
/// types that modules declared since (existing types are the tenant's to edit and are left alone).
/// </summary>
public sealed class DictionarySeeder(PlatformDbContext db, IEnumerable<DictionaryDefinitionProvider> providers) : ITenantDataSeeder
{
    public int Order => 10;

    public Task SeedAsync(TenantSeedContext context, CancellationToken cancellationToken) => SeedMissingAsync(cancellationToken);

    public async Task SeedMissingAsync(CancellationToken cancellationToken)
    {
        var definitions = new DictionaryDefinitionContext();
        foreach (var provider in providers) provider.Define(definitions);
        var existing = (await db.DictionaryTypes.Select(t => t.Code).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var definition in definitions.Types.Where(d => !existing.Contains(d.Code)))
        {
            var type = new DictionaryType
            {
                Code = definition.Code,
                NameEn = definition.NameEn,
                NameZh = definition.NameZh,
                NumericValueName = definition.NumericValueName,
                IsSystem = true,
            };
            db.DictionaryTypes.Add(type);
            var sort = 0;
            foreach (var item in definition.Items)
            {
                db.DictionaryItems.Add(new DictionaryItem
                {
                    TypeId = type.Id,
                    Code = item.Code,
                    LabelEn = item.LabelEn,
                    LabelZh = item.LabelZh,
                    Sort = sort += 10,
                    Color = item.Color,
                    IsDefault = item.IsDefault,
                    NumericValue = item.NumericValue,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
