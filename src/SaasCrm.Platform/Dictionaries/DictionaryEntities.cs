using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Dictionaries;

/// <summary>A tenant's lookup list (P7): customer source, industry, complaint type, ... System types come from code.</summary>
public sealed class DictionaryType : AuditedEntity
{
    public string Code { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameZh { get; set; } = "";
    /// <summary>Declared by a module: cannot be deleted or re-coded.</summary>
    public bool IsSystem { get; set; }
    /// <summary>What an item's number means when the type uses one (e.g. "Win probability %"), else null.</summary>
    public string? NumericValueName { get; set; }
}

/// <summary>One value of a dictionary. A disabled item stays displayed on old records but cannot be chosen anew.</summary>
public sealed class DictionaryItem : AuditedEntity
{
    public Guid TypeId { get; set; }
    /// <summary>What records store. Immutable once a record uses it.</summary>
    public string Code { get; set; } = "";
    public string LabelEn { get; set; } = "";
    public string LabelZh { get; set; } = "";
    public int Sort { get; set; }
    public string? Color { get; set; }
    public bool IsEnabled { get; set; } = true;
    public bool IsDefault { get; set; }
    public decimal? NumericValue { get; set; }
}
