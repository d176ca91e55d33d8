using FluentValidation;

namespace SaasCrm.Customers.FollowUps;

internal sealed class CreateFollowUpRequestValidator : AbstractValidator<CreateFollowUpRequest>
{
    public CreateFollowUpRequestValidator(TimeProvider clock)
    {
        RuleFor(x => x.MethodCode).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Content).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.Result).MaximumLength(1000);
        RuleFor(x => x.At).Must(at => at <= clock.GetUtcNow().UtcDateTime.AddHours(1))
            .WithErrorCode("follow_up.in_future").WithMessage("A follow-up records a contact that happened; schedule future ones as the next follow-up.");
        RuleFor(x => x.CheckIn!.Latitude).InclusiveBetween(-90, 90).When(x => x.CheckIn is not null);
        RuleFor(x => x.CheckIn!.Longitude).InclusiveBetween(-180, 180).When(x => x.CheckIn is not null);
        RuleFor(x => x.CheckIn!.Address).MaximumLength(500).When(x => x.CheckIn is not null);
        RuleFor(x => x.CheckIn!.PhotoNote).MaximumLength(1000).When(x => x.CheckIn is not null);
        RuleFor(x => x.NextFollowUp!.DueAt).Must(due => due > clock.GetUtcNow().UtcDateTime)
            .When(x => x.NextFollowUp is not null).WithErrorCode("reminder.in_past").WithMessage("The next follow-up must be in the future.");
        RuleFor(x => x.NextFollowUp!.Subject).MaximumLength(200).When(x => x.NextFollowUp is not null);
        RuleFor(x => x.AttachmentFileIds).Must(f => f is null || f.Count <= FollowUpService.MaxAttachments)
            .WithErrorCode("follow_up.too_many_attachments").WithMessage($"At most {FollowUpService.MaxAttachments} files per follow-up.");
    }
}

internal sealed class UpdateFollowUpRequestValidator : AbstractValidator<UpdateFollowUpRequest>
{
    public UpdateFollowUpRequestValidator()
    {
        RuleFor(x => x.MethodCode).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Content).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.Result).MaximumLength(1000);
        RuleFor(x => x.ConcurrencyStamp).NotEmpty();
        RuleFor(x => x.AttachmentFileIds).Must(f => f is null || f.Count <= FollowUpService.MaxAttachments)
            .WithErrorCode("follow_up.too_many_attachments").WithMessage($"At most {FollowUpService.MaxAttachments} files per follow-up.");
    }
}
