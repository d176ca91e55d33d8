using FluentValidation;

namespace SaasCrm.Platform.Dictionaries;

public sealed record DictionaryTypeDto(Guid Id, string Code, string NameEn, string NameZh, bool IsSystem, string? NumericValueName, int ItemCount, string ConcurrencyStamp);
public sealed record DictionaryItemDto(Guid Id, string TypeCode, string Code, string LabelEn, string LabelZh, int Sort, string? Color, bool IsEnabled, bool IsDefault, decimal? NumericValue, string ConcurrencyStamp);
public sealed record SaveDictionaryTypeRequest(string Code, string NameEn, string NameZh, string? NumericValueName, string? ConcurrencyStamp = null);
public sealed record SaveDictionaryItemRequest(string Code, string LabelEn, string LabelZh, string? Color, bool IsEnabled = true, bool IsDefault = false, decimal? NumericValue = null, string? ConcurrencyStamp = null);
public sealed record ReorderRequest(IReadOnlyList<Guid> ItemIds);

internal static class DictionaryRules
{
    public const string CodePattern = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";
    public const string ColorPattern = "^#[0-9a-fA-F]{6}$";
}

public sealed class SaveDictionaryTypeRequestValidator : AbstractValidator<SaveDictionaryTypeRequest>
{
    public SaveDictionaryTypeRequestValidator()
    {
        RuleFor(x => x.Code).NotEmpty().Matches(DictionaryRules.CodePattern).WithErrorCode("dictionary.code_format")
            .WithMessage("Use letters, digits, '_', '.' or '-' (at most 64), starting with a letter or digit.");
        RuleFor(x => x.NameEn).NotEmpty().MaximumLength(128);
        RuleFor(x => x.NameZh).NotEmpty().MaximumLength(128);
        RuleFor(x => x.NumericValueName).MaximumLength(64);
    }
}

public sealed class SaveDictionaryItemRequestValidator : AbstractValidator<SaveDictionaryItemRequest>
{
    public SaveDictionaryItemRequestValidator()
    {
        RuleFor(x => x.Code).NotEmpty().Matches(DictionaryRules.CodePattern).WithErrorCode("dictionary.code_format")
            .WithMessage("Use letters, digits, '_', '.' or '-' (at most 64), starting with a letter or digit.");
        RuleFor(x => x.LabelEn).NotEmpty().MaximumLength(128);
        RuleFor(x => x.LabelZh).NotEmpty().MaximumLength(128);
        RuleFor(x => x.Color).Matches(DictionaryRules.ColorPattern).WithErrorCode("dictionary.color_format")
            .WithMessage("Use a colour like #1677ff.").When(x => !string.IsNullOrEmpty(x.Color));
    }
}

public sealed class ReorderRequestValidator : AbstractValidator<ReorderRequest>
{
    public ReorderRequestValidator() => RuleFor(x => x.ItemIds).NotEmpty();
}
