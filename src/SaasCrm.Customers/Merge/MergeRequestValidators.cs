using FluentValidation;

namespace SaasCrm.Customers.Merge;

internal static class MergeLimits
{
    public const int MaxLosers = 20;
}

internal sealed class MergePreviewRequestValidator : AbstractValidator<MergePreviewRequest>
{
    public MergePreviewRequestValidator()
    {
        RuleFor(r => r.SurvivorId).NotEmpty();
        RuleFor(r => r.LoserIds).NotEmpty().Must(ids => ids.Count <= MergeLimits.MaxLosers).WithErrorCode("merge.too_many")
            .WithMessage($"At most {MergeLimits.MaxLosers} customers can be merged into one.");
        RuleFor(r => r.LoserIds).Must((r, ids) => ids.Distinct().Count() == ids.Count && !ids.Contains(r.SurvivorId))
            .WithErrorCode("merge.invalid_losers").WithMessage("Losers must be distinct customers other than the survivor.").When(r => r.LoserIds is not null);
    }
}

internal sealed class MergeRequestValidator : AbstractValidator<MergeRequest>
{
    public MergeRequestValidator()
    {
        RuleFor(r => r.SurvivorId).NotEmpty();
        RuleFor(r => r.LoserIds).NotEmpty().Must(ids => ids.Count <= MergeLimits.MaxLosers).WithErrorCode("merge.too_many")
            .WithMessage($"At most {MergeLimits.MaxLosers} customers can be merged into one.");
        RuleFor(r => r.LoserIds).Must((r, ids) => ids.Distinct().Count() == ids.Count && !ids.Contains(r.SurvivorId))
            .WithErrorCode("merge.invalid_losers").WithMessage("Losers must be distinct customers other than the survivor.").When(r => r.LoserIds is not null);
        RuleFor(r => r.ConcurrencyStamps).NotNull()
            .Must((r, stamps) => r.LoserIds is null || r.LoserIds.Append(r.SurvivorId).All(id => stamps.ContainsKey(id)))
            .WithErrorCode("merge.stamp_missing").WithMessage("Every merged customer needs the concurrency stamp that was read.");
        RuleForEach(r => r.FieldChoices).Must((r, choice) => choice.Value == r.SurvivorId || (r.LoserIds?.Contains(choice.Value) ?? false))
            .WithErrorCode("merge.invalid_choice").WithMessage("A field can only come from one of the merged customers.")
            .OverridePropertyName("fieldChoices").When(r => r.FieldChoices is not null);
        RuleForEach(r => r.FieldChoices).Must(choice => choice.Key.StartsWith(MergeFields.CustomFieldPrefix, StringComparison.Ordinal) || MergeFields.Find(choice.Key) is not null)
            .WithErrorCode("merge.unknown_field").WithMessage("There is no such field to choose.")
            .OverridePropertyName("fieldChoices").When(r => r.FieldChoices is not null);
    }
}
