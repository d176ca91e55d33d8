using FluentValidation;

namespace SaasCrm.Platform.CustomFields;

public sealed record CustomFieldDto(Guid Id, string EntityType, string Name, string LabelEn, string LabelZh, CustomFieldType FieldType,
    int? Precision, string? DictionaryTypeCode, bool IsRequired, string? DefaultValue, int Sort, string? HelpEn, string? HelpZh, bool IsHidden,
    string ConcurrencyStamp);

public sealed record SaveCustomFieldRequest(string EntityType, string Name, string LabelEn, string LabelZh, CustomFieldType FieldType,
    int? Precision = null, string? DictionaryTypeCode = null, bool IsRequired = false, string? DefaultValue = null,
    string? HelpEn = null, string? HelpZh = null, bool IsHidden = false, string? ConcurrencyStamp = null);

public sealed record ReorderFieldsRequest(string EntityType, IReadOnlyList<Guid> FieldIds);

public sealed class SaveCustomFieldRequestValidator : AbstractValidator<SaveCustomFieldRequest>
{
    public SaveCustomFieldRequestValidator()
    {
        RuleFor(x => x.EntityType).NotEmpty();
        RuleFor(x => x.Name).NotEmpty().Matches("^[a-z][a-zA-Z0-9_]{0,49}$").WithErrorCode("custom_field.name_format")
            .WithMessage("Start with a lowercase letter; then letters, digits or '_' (at most 50).");
        RuleFor(x => x.LabelEn).NotEmpty().MaximumLength(128);
        RuleFor(x => x.LabelZh).NotEmpty().MaximumLength(128);
        RuleFor(x => x.FieldType).IsInEnum();
        RuleFor(x => x.Precision).InclusiveBetween(0, 6).When(x => x.Precision is not null);
        RuleFor(x => x.DictionaryTypeCode).NotEmpty().WithErrorCode("custom_field.dictionary_required")
            .WithMessage("Choose the dictionary this field draws from.")
            .When(x => x.FieldType is CustomFieldType.Dictionary or CustomFieldType.MultiSelect);
        RuleFor(x => x.HelpEn).MaximumLength(500);
        RuleFor(x => x.HelpZh).MaximumLength(500);
        RuleFor(x => x.DefaultValue).MaximumLength(1000);
    }
}

public sealed class ReorderFieldsRequestValidator : AbstractValidator<ReorderFieldsRequest>
{
    public ReorderFieldsRequestValidator()
    {
        RuleFor(x => x.EntityType).NotEmpty();
        RuleFor(x => x.FieldIds).NotEmpty();
    }
}
