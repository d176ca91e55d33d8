using FluentValidation;

namespace SaasCrm.Service.Consultations;

internal sealed class CreateConsultationValidator : AbstractValidator<CreateConsultationRequest>
{
    public CreateConsultationValidator()
    {
        RuleFor(x => x.EnquiryTypeCode).NotEmpty().WithErrorCode("consultation.type_required");
        RuleFor(x => x.Content).NotEmpty().WithErrorCode("consultation.content_required").MaximumLength(4000).WithErrorCode("consultation.content_too_long");
        RuleFor(x => x.Quantity).InclusiveBetween(1, 10000).WithErrorCode("consultation.quantity_invalid");
        RuleFor(x => x.ContactName).MaximumLength(100).WithErrorCode("consultation.contact_too_long");
        RuleFor(x => x.ContactPhone).MaximumLength(32).WithErrorCode("consultation.contact_too_long");
        RuleFor(x => x.Answer).MaximumLength(4000).WithErrorCode("consultation.answer_too_long");
    }
}

internal sealed class UpdateConsultationValidator : AbstractValidator<UpdateConsultationRequest>
{
    public UpdateConsultationValidator()
    {
        RuleFor(x => x.EnquiryTypeCode).NotEmpty().WithErrorCode("consultation.type_required");
        RuleFor(x => x.Content).NotEmpty().WithErrorCode("consultation.content_required").MaximumLength(4000).WithErrorCode("consultation.content_too_long");
        RuleFor(x => x.Quantity).InclusiveBetween(1, 10000).WithErrorCode("consultation.quantity_invalid");
        RuleFor(x => x.ConcurrencyStamp).NotEmpty().WithErrorCode("concurrency_stamp_required");
        RuleFor(x => x.ContactName).MaximumLength(100).WithErrorCode("consultation.contact_too_long");
        RuleFor(x => x.ContactPhone).MaximumLength(32).WithErrorCode("consultation.contact_too_long");
    }
}

internal sealed class AnswerConsultationValidator : AbstractValidator<AnswerConsultationRequest>
{
    public AnswerConsultationValidator() =>
        RuleFor(x => x.Content).NotEmpty().WithErrorCode("consultation.answer_required").MaximumLength(4000).WithErrorCode("consultation.answer_too_long");
}

internal sealed class TransferConsultationValidator : AbstractValidator<TransferConsultationRequest>
{
    public TransferConsultationValidator()
    {
        RuleFor(x => x.DepartmentId).NotEmpty().WithErrorCode("consultation.department_required");
        RuleFor(x => x.Note).MaximumLength(1000).WithErrorCode("consultation.note_too_long");
    }
}

internal sealed class DepartmentAnswerValidator : AbstractValidator<DepartmentAnswerRequest>
{
    public DepartmentAnswerValidator() =>
        RuleFor(x => x.Content).NotEmpty().WithErrorCode("consultation.answer_required").MaximumLength(4000).WithErrorCode("consultation.answer_too_long");
}
