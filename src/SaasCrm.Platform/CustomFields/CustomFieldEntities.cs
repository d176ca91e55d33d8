using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.CustomFields;

public enum CustomFieldType { Text = 1, LongText, Number, Date, Boolean, Dictionary, MultiSelect, User }

/// <summary>A field a tenant admin added to a record type (P8).</summary>
public sealed class CustomFieldDefinition : AuditedEntity
{
    /// <summary>Registered record type, e.g. "customer".</summary>
    public string EntityType { get; set; } = "";
    /// <summary>Key in API payloads ("budget"); immutable.</summary>
    public string Name { get; set; } = "";
    public string LabelEn { get; set; } = "";
    public string LabelZh { get; set; } = "";
    public CustomFieldType FieldType { get; set; }
    /// <summary>Decimal places allowed for numbers.</summary>
    public int? Precision { get; set; }
    /// <summary>The dictionary a Dictionary or MultiSelect field draws from.</summary>
    public string? DictionaryTypeCode { get; set; }
    public bool IsRequired { get; set; }
    /// <summary>Default as JSON (e.g. <c>"web"</c>, <c>12.5</c>, <c>["a","b"]</c>), applied on create when the field is not given.</summary>
    public string? DefaultValue { get; set; }
    public int Sort { get; set; }
    public string? HelpEn { get; set; }
    public string? HelpZh { get; set; }
    /// <summary>Hidden from forms and lists; values are kept.</summary>
    public bool IsHidden { get; set; }
}

/// <summary>
/// One stored value (a multi-select stores one row per chosen item). Typed columns keep filtering and
/// sorting in SQL, indexed, on every provider.
/// </summary>
public sealed class CustomFieldValue : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string EntityType { get; set; } = "";
    public Guid EntityId { get; set; }
    public Guid FieldId { get; set; }
    public string? TextValue { get; set; }
    public decimal? NumberValue { get; set; }
    public DateTime? DateValue { get; set; }
}
