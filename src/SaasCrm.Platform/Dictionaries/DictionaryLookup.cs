using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Platform.Dictionaries;

public sealed record DictionaryItemInfo(string Code, string LabelEn, string LabelZh, bool IsEnabled, bool IsDefault, decimal? NumericValue, string? Color);

/// <summary>
/// The one API every module uses to validate and display dictionary values. Items are cached per tenant
/// and type for a short time; changes on this node invalidate at once.
/// </summary>
public interface IDictionaryLookup
{
    Task<IReadOnlyList<DictionaryItemInfo>> ItemsAsync(string typeCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// Refuses (400 on <paramref name="field"/>) a code that is unknown, or disabled unless it is the record's
    /// current value: old records keep showing a disabled item, new choices cannot pick it.
    /// </summary>
    Task EnsureSelectableAsync(string typeCode, string? code, string field, string? currentCode = null, CancellationToken cancellationToken = default);

    void Invalidate(string typeCode);
}

public sealed class DictionaryLookup(PlatformDbContext db, ICurrentTenant tenant, IMemoryCache cache) : IDictionaryLookup
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<DictionaryItemInfo>> ItemsAsync(string typeCode, CancellationToken cancellationToken = default) =>
        await cache.GetOrCreateAsync(Key(typeCode), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Ttl;
            return (IReadOnlyList<DictionaryItemInfo>)await db.DictionaryItems.AsNoTracking()
                .Where(i => db.DictionaryTypes.Any(t => t.Id == i.TypeId && t.Code == typeCode))
                .OrderBy(i => i.Sort).ThenBy(i => i.Code)
                .Select(i => new DictionaryItemInfo(i.Code, i.LabelEn, i.LabelZh, i.IsEnabled, i.IsDefault, i.NumericValue, i.Color))
                .ToListAsync(cancellationToken);
        }) ?? [];

    public async Task EnsureSelectableAsync(string typeCode, string? code, string field, string? currentCode = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(code) || code == currentCode) return;
        var item = (await ItemsAsync(typeCode, cancellationToken)).FirstOrDefault(i => i.Code == code);
        if (item is null)
            throw RequestValidationException.For(field, "dictionary.unknown_item", $"'{code}' is not a value of {typeCode}.");
        if (!item.IsEnabled)
            throw RequestValidationException.For(field, "dictionary.item_disabled", $"'{item.LabelEn}' is disabled and can no longer be chosen.");
    }

    public void Invalidate(string typeCode) => cache.Remove(Key(typeCode));

    private (string, Guid?, string) Key(string typeCode) => ("dictionary", tenant.Id, typeCode);
}
