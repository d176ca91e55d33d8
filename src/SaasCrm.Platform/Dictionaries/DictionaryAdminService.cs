using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Dictionaries;

/// <summary>The tenant admin's dictionary editor.</summary>
public sealed class DictionaryAdminService(PlatformDbContext db, IDictionaryLookup lookup, IEnumerable<IDictionaryUsageProbe> probes)
{
    public async Task<IReadOnlyList<DictionaryTypeDto>> TypesAsync(CancellationToken ct) =>
        await db.DictionaryTypes.AsNoTracking().OrderBy(t => t.Code)
            .Select(t => new DictionaryTypeDto(t.Id, t.Code, t.NameEn, t.NameZh, t.IsSystem, t.NumericValueName,
                db.DictionaryItems.Count(i => i.TypeId == t.Id), t.ConcurrencyStamp))
            .ToListAsync(ct);

    public async Task<DictionaryTypeDto> CreateTypeAsync(SaveDictionaryTypeRequest request, CancellationToken ct)
    {
        if (await db.DictionaryTypes.AnyAsync(t => t.Code == request.Code, ct))
            throw new BusinessException("dictionary.code_taken", $"A dictionary with code '{request.Code}' already exists.", 409, "code");
        var type = new DictionaryType { Code = request.Code, NameEn = request.NameEn.Trim(), NameZh = request.NameZh.Trim(), NumericValueName = request.NumericValueName };
        db.DictionaryTypes.Add(type);
        await db.SaveChangesAsync(ct);
        return (await TypesAsync(ct)).Single(t => t.Id == type.Id);
    }

    public async Task<DictionaryTypeDto> UpdateTypeAsync(Guid id, SaveDictionaryTypeRequest request, CancellationToken ct)
    {
        var type = await db.DictionaryTypes.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new EntityNotFoundException("Dictionary", id);
        db.Entry(type).Property(t => t.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp ?? "";
        if (request.Code != type.Code)
            throw new BusinessException("dictionary.code_immutable", "A dictionary's code cannot change.", 400, "code");
        type.NameEn = request.NameEn.Trim();
        type.NameZh = request.NameZh.Trim();
        type.NumericValueName = request.NumericValueName;
        await db.SaveChangesAsync(ct);
        return (await TypesAsync(ct)).Single(t => t.Id == id);
    }

    public async Task<IReadOnlyList<DictionaryItemDto>> ItemsAsync(string typeCode, bool includeDisabled, CancellationToken ct)
    {
        var type = await FindTypeAsync(typeCode, ct);
        return await db.DictionaryItems.AsNoTracking()
            .Where(i => i.TypeId == type.Id && (includeDisabled || i.IsEnabled))
            .OrderBy(i => i.Sort).ThenBy(i => i.Code)
            .Select(i => new DictionaryItemDto(i.Id, type.Code, i.Code, i.LabelEn, i.LabelZh, i.Sort, i.Color, i.IsEnabled, i.IsDefault, i.NumericValue, i.ConcurrencyStamp))
            .ToListAsync(ct);
    }

    public async Task<DictionaryItemDto> CreateItemAsync(string typeCode, SaveDictionaryItemRequest request, CancellationToken ct)
    {
        var type = await FindTypeAsync(typeCode, ct);
        await EnsureCodeFreeAsync(type.Id, request.Code, null, ct);
        var sort = await db.DictionaryItems.Where(i => i.TypeId == type.Id).Select(i => (int?)i.Sort).MaxAsync(ct) ?? 0;
        var item = new DictionaryItem { TypeId = type.Id, Sort = sort + 10 };
        Apply(item, request);
        db.DictionaryItems.Add(item);
        await ClearOtherDefaultsAsync(item, ct);
        await db.SaveChangesAsync(ct);
        lookup.Invalidate(type.Code);
        return (await ItemsAsync(type.Code, true, ct)).Single(i => i.Id == item.Id);
    }

    public async Task<DictionaryItemDto> UpdateItemAsync(Guid id, SaveDictionaryItemRequest request, CancellationToken ct)
    {
        var item = await db.DictionaryItems.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new EntityNotFoundException("DictionaryItem", id);
        var type = await db.DictionaryTypes.FirstAsync(t => t.Id == item.TypeId, ct);
        db.Entry(item).Property(i => i.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp ?? "";
        if (request.Code != item.Code)
        {
            if (await IsUsedAsync(type.Code, item.Code, ct))
                throw new BusinessException("dictionary.code_in_use", "Records use this item, so its code cannot change. Change its labels instead.", 409, "code");
            await EnsureCodeFreeAsync(type.Id, request.Code, item.Id, ct);
        }
        Apply(item, request);
        await ClearOtherDefaultsAsync(item, ct);
        await db.SaveChangesAsync(ct);
        lookup.Invalidate(type.Code);
        return (await ItemsAsync(type.Code, true, ct)).Single(i => i.Id == id);
    }

    /// <summary>Sort order as listed; items not listed keep their place after the listed ones.</summary>
    public async Task ReorderAsync(string typeCode, IReadOnlyList<Guid> itemIds, CancellationToken ct)
    {
        var type = await FindTypeAsync(typeCode, ct);
        var items = await db.DictionaryItems.Where(i => i.TypeId == type.Id).OrderBy(i => i.Sort).ToListAsync(ct);
        if (itemIds.Any(id => items.All(i => i.Id != id)))
            throw new BusinessException("dictionary.item_not_found", "One or more items do not belong to this dictionary.", 400, "itemIds");
        var ordered = itemIds.Select(id => items.First(i => i.Id == id)).Concat(items.Where(i => !itemIds.Contains(i.Id)));
        var sort = 0;
        foreach (var item in ordered) item.Sort = sort += 10;
        await db.SaveChangesAsync(ct);
        lookup.Invalidate(type.Code);
    }

    public async Task DeleteItemAsync(Guid id, CancellationToken ct)
    {
        var item = await db.DictionaryItems.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new EntityNotFoundException("DictionaryItem", id);
        var type = await db.DictionaryTypes.FirstAsync(t => t.Id == item.TypeId, ct);
        if (await IsUsedAsync(type.Code, item.Code, ct))
            throw new BusinessException("dictionary.item_in_use", "Records use this item: disable it instead of deleting it.", 409);
        db.DictionaryItems.Remove(item);
        await db.SaveChangesAsync(ct);
        lookup.Invalidate(type.Code);
    }

    private async Task<bool> IsUsedAsync(string typeCode, string code, CancellationToken ct)
    {
        foreach (var probe in probes)
        {
            if (await probe.IsUsedAsync(typeCode, code, ct)) return true;
        }
        return false;
    }

    private async Task EnsureCodeFreeAsync(Guid typeId, string code, Guid? exceptId, CancellationToken ct)
    {
        if (await db.DictionaryItems.AnyAsync(i => i.TypeId == typeId && i.Code == code && i.Id != exceptId, ct))
            throw new BusinessException("dictionary.code_taken", $"An item with code '{code}' already exists.", 409, "code");
    }

    private async Task ClearOtherDefaultsAsync(DictionaryItem item, CancellationToken ct)
    {
        if (!item.IsDefault) return;
        foreach (var other in await db.DictionaryItems.Where(i => i.TypeId == item.TypeId && i.Id != item.Id && i.IsDefault).ToListAsync(ct))
        {
            other.IsDefault = false;
        }
    }

    private static void Apply(DictionaryItem item, SaveDictionaryItemRequest request)
    {
        item.Code = request.Code;
        item.LabelEn = request.LabelEn.Trim();
        item.LabelZh = request.LabelZh.Trim();
        item.Color = string.IsNullOrEmpty(request.Color) ? null : request.Color;
        item.IsEnabled = request.IsEnabled;
        item.IsDefault = request.IsDefault && request.IsEnabled;
        item.NumericValue = request.NumericValue;
    }

    private async Task<DictionaryType> FindTypeAsync(string code, CancellationToken ct) =>
        await db.DictionaryTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct) ?? throw new EntityNotFoundException("Dictionary", code);
}
