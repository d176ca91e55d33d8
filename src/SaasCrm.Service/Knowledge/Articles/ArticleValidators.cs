using FluentValidation;

namespace SaasCrm.Service.Knowledge.Articles;

internal sealed class SaveArticleValidator : AbstractValidator<SaveArticleRequest>
{
    public const int MaxBodyLength = 200_000;

    public SaveArticleValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithErrorCode("knowledge.title_required").MaximumLength(200).WithErrorCode("knowledge.title_too_long");
        RuleFor(x => x.CategoryCode).NotEmpty().WithErrorCode("knowledge.category_required");
        RuleFor(x => x.Body).MaximumLength(MaxBodyLength).WithErrorCode("knowledge.body_too_long");
        RuleFor(x => x.Visibility).IsInEnum().WithErrorCode("knowledge.visibility_invalid");
        RuleFor(x => x.Tags).Must(t => t is null || (t.Count <= 20 && t.All(s => s.Length <= 50))).WithErrorCode("knowledge.tags_invalid")
            .WithMessage("At most 20 tags of up to 50 characters.");
        RuleFor(x => x.AttachmentFileIds).Must(f => f is null || f.Count <= 20).WithErrorCode("knowledge.too_many_attachments");
    }
}

internal sealed class ConcurrencyRequestValidator : AbstractValidator<ConcurrencyRequest>
{
    public ConcurrencyRequestValidator() => RuleFor(x => x.ConcurrencyStamp).NotEmpty().WithErrorCode("concurrency_stamp_required");
}
