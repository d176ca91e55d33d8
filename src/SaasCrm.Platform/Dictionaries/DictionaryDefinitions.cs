namespace SaasCrm.Platform.Dictionaries;

/// <summary>Each module declares the dictionaries it uses, with the items a new tenant starts with.</summary>
public abstract class DictionaryDefinitionProvider
{
    public abstract void Define(DictionaryDefinitionContext context);
}

public sealed class DictionaryDefinitionContext
{
    private readonly List<DictionaryDefinition> _types = [];
    public IReadOnlyList<DictionaryDefinition> Types => _types;

    public DictionaryDefinition Add(string code, string nameEn, string nameZh, string? numericValueName = null)
    {
        if (_types.Any(t => t.Code == code)) throw new InvalidOperationException($"Dictionary '{code}' is defined twice.");
        var type = new DictionaryDefinition(code, nameEn, nameZh, numericValueName);
        _types.Add(type);
        return type;
    }
}

public sealed class DictionaryDefinition(string code, string nameEn, string nameZh, string? numericValueName)
{
    private readonly List<DictionaryItemDefinition> _items = [];
    public string Code { get; } = code;
    public string NameEn { get; } = nameEn;
    public string NameZh { get; } = nameZh;
    public string? NumericValueName { get; } = numericValueName;
    public IReadOnlyList<DictionaryItemDefinition> Items => _items;

    public DictionaryDefinition Item(string code, string labelEn, string labelZh, decimal? numericValue = null, string? color = null, bool isDefault = false)
    {
        _items.Add(new DictionaryItemDefinition(code, labelEn, labelZh, numericValue, color, isDefault));
        return this;
    }
}

public sealed record DictionaryItemDefinition(string Code, string LabelEn, string LabelZh, decimal? NumericValue, string? Color, bool IsDefault);

/// <summary>Tells whether any record of a module stores a dictionary item (its code then cannot change).</summary>
public interface IDictionaryUsageProbe
{
    Task<bool> IsUsedAsync(string typeCode, string itemCode, CancellationToken cancellationToken);
}
