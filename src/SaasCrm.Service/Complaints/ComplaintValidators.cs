using FluentValidation;

namespace SaasCrm.Service.Complaints;

internal sealed class CreateComplaintValidator : AbstractValidator<CreateComplaintRequest>
{
    public CreateComplaintValidator()
    {
        RuleFor(x => x.CustomerId).NotEmpty().WithErrorCode("complaint.customer_required");
        RuleFor(x => x.Title).NotEmpty().WithErrorCode("complaint.title_required").MaximumLength(200).WithErrorCode("complaint.title_too_long");
        RuleFor(x => x.Content).NotEmpty().WithErrorCode("complaint.content_required").MaximumLength(4000).WithErrorCode("complaint.content_too_long");
        RuleFor(x => x.TypeCode).NotEmpty().WithErrorCode("complaint.type_required");
        RuleFor(x => x.SeverityCode).NotEmpty().WithErrorCode("complaint.severity_required");
        RuleFor(x => x.ContactName).MaximumLength(100).WithErrorCode("complaint.contact_too_long");
        RuleFor(x => x.ContactMobile).MaximumLength(32).WithErrorCode("complaint.contact_too_long");
        RuleFor(x => x.ContactEmail).MaximumLength(256).EmailAddress().When(x => !string.IsNullOrEmpty(x.ContactEmail)).WithErrorCode("complaint.contact_email_invalid");
    }
}

internal sealed class UpdateComplaintValidator : AbstractValidator<UpdateComplaintRequest>
{
    public UpdateComplaintValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithErrorCode("complaint.title_required").MaximumLength(200).WithErrorCode("complaint.title_too_long");
        RuleFor(x => x.Content).NotEmpty().WithErrorCode("complaint.content_required").MaximumLength(4000).WithErrorCode("complaint.content_too_long");
        RuleFor(x => x.TypeCode).NotEmpty().WithErrorCode("complaint.type_required");
        RuleFor(x => x.SeverityCode).NotEmpty().WithErrorCode("complaint.severity_required");
        RuleFor(x => x.ConcurrencyStamp).NotEmpty().WithErrorCode("concurrency_stamp_required");
        RuleFor(x => x.ContactEmail).MaximumLength(256).EmailAddress().When(x => !string.IsNullOrEmpty(x.ContactEmail)).WithErrorCode("complaint.contact_email_invalid");
    }
}

internal sealed class TransferComplaintValidator : AbstractValidator<TransferComplaintRequest>
{
    public TransferComplaintValidator()
    {
        RuleFor(x => x.DepartmentId).NotEmpty().WithErrorCode("complaint.department_required");
        RuleFor(x => x.Note).MaximumLength(2000).WithErrorCode("complaint.note_too_long");
    }
}

internal sealed class ReplyComplaintValidator : AbstractValidator<ReplyComplaintRequest>
{
    public ReplyComplaintValidator() =>
        RuleFor(x => x.Content).NotEmpty().WithErrorCode("complaint.reply_required").MaximumLength(4000).WithErrorCode("complaint.reply_too_long");
}

internal sealed class RecordReturnVisitValidator : AbstractValidator<RecordReturnVisitRequest>
{
    public RecordReturnVisitValidator()
    {
        RuleFor(x => x.Rating).InclusiveBetween(1, 5).WithErrorCode("rating.out_of_range");
        RuleFor(x => x.Comment).MaximumLength(1000).WithErrorCode("rating.comment_too_long");
    }
}

internal sealed class ChangeComplaintStatusValidator : AbstractValidator<ChangeComplaintStatusRequest>
{
    public ChangeComplaintStatusValidator()
    {
        RuleFor(x => x.Status).IsInEnum().WithErrorCode("complaint.status_unknown");
        RuleFor(x => x.Note).MaximumLength(1000).WithErrorCode("complaint.note_too_long");
    }
}
