using FluentValidation;

namespace SaasCrm.Service.Returns;

/// <summary>Shapes and lengths, plus the fields the entry's kind requires (each missing one named with "return.field_required").</summary>
internal sealed class ReturnEntryValidator : AbstractValidator<ReturnEntryRequest>
{
    public ReturnEntryValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().WithErrorCode("return.kind_invalid");
        RuleFor(x => x.Quantity).InclusiveBetween(1, 100000).When(x => x.Quantity is not null).WithErrorCode("return.quantity_invalid");
        RuleFor(x => x.Amount).GreaterThanOrEqualTo(0).LessThan(1_000_000_000m).When(x => x.Amount is not null).WithErrorCode("return.amount_invalid");
        RuleFor(x => x.Amount).Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithErrorCode("return.amount_precision").WithMessage("Amounts have at most two decimals.");
        RuleFor(x => x.CurrencyCode).Must(c => ReturnCurrencies.All.Contains(c!)).When(x => x.CurrencyCode is not null).WithErrorCode("return.currency_invalid")
            .WithMessage($"The currency is one of {string.Join(", ", ReturnCurrencies.All)}.");
        RuleFor(x => x.CustomerName).MaximumLength(100).WithErrorCode("return.too_long");
        RuleFor(x => x.CustomerPhone).MaximumLength(32).WithErrorCode("return.too_long");
        RuleFor(x => x.Address).MaximumLength(300).WithErrorCode("return.too_long");
        RuleFor(x => x.OrderNumber).MaximumLength(64).WithErrorCode("return.too_long");
        RuleFor(x => x.ProductCode).MaximumLength(64).WithErrorCode("return.too_long");
        RuleFor(x => x.ProductName).MaximumLength(200).WithErrorCode("return.too_long");
        RuleFor(x => x.CoordinationMatter).MaximumLength(1000).WithErrorCode("return.too_long");
        RuleFor(x => x.Remark).MaximumLength(2000).WithErrorCode("return.too_long");
        RuleFor(x => x).Custom((r, context) =>
        {
            if (!Enum.IsDefined(r.Kind)) return;
            foreach (var field in ReturnKindRules.Missing(r))
                context.AddFailure(new FluentValidation.Results.ValidationFailure(field, $"'{field}' is required for a {r.Kind} entry.") { ErrorCode = "return.field_required" });
        });
    }
}

internal sealed class ReturnDecisionValidator : AbstractValidator<ReturnDecisionRequest>
{
    public ReturnDecisionValidator() => RuleFor(x => x.Note).MaximumLength(1000).WithErrorCode("return.note_too_long");
}
