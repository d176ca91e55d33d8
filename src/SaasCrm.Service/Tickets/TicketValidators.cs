using FluentValidation;

namespace SaasCrm.Service.Tickets;

internal sealed class CreateTicketValidator : AbstractValidator<CreateTicketRequest>
{
    public CreateTicketValidator()
    {
        RuleFor(x => x.CustomerId).NotEmpty().WithErrorCode("ticket.customer_required");
        RuleFor(x => x.Title).NotEmpty().WithErrorCode("ticket.title_required").MaximumLength(200).WithErrorCode("ticket.title_too_long");
        RuleFor(x => x.CategoryCode).NotEmpty().WithErrorCode("ticket.category_required");
        RuleFor(x => x.PriorityCode).NotEmpty().WithErrorCode("ticket.priority_required");
        RuleFor(x => x.Description).MaximumLength(4000).WithErrorCode("ticket.description_too_long");
        RuleFor(x => x.ContactName).MaximumLength(100).WithErrorCode("ticket.contact_too_long");
        RuleFor(x => x.ContactMobile).MaximumLength(32).WithErrorCode("ticket.contact_too_long");
        RuleFor(x => x.ContactEmail).MaximumLength(256).EmailAddress().When(x => !string.IsNullOrEmpty(x.ContactEmail)).WithErrorCode("ticket.contact_email_invalid");
        RuleFor(x => x.RelatedRecordType).Must(RelatedRecord.IsKnown).WithErrorCode("ticket.related_type_unknown")
            .WithMessage("Related record type must be 'order' or 'contract'.");
        RuleFor(x => x.RelatedRecordId).NotEmpty().When(x => x.RelatedRecordType is not null).WithErrorCode("ticket.related_id_required");
        RuleFor(x => x.AttachmentFileIds).Must(f => f is null || f.Count <= 20).WithErrorCode("ticket.too_many_attachments");
    }
}

internal sealed class UpdateTicketValidator : AbstractValidator<UpdateTicketRequest>
{
    public UpdateTicketValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithErrorCode("ticket.title_required").MaximumLength(200).WithErrorCode("ticket.title_too_long");
        RuleFor(x => x.CategoryCode).NotEmpty().WithErrorCode("ticket.category_required");
        RuleFor(x => x.PriorityCode).NotEmpty().WithErrorCode("ticket.priority_required");
        RuleFor(x => x.ConcurrencyStamp).NotEmpty().WithErrorCode("concurrency_stamp_required");
        RuleFor(x => x.Description).MaximumLength(4000).WithErrorCode("ticket.description_too_long");
        RuleFor(x => x.ContactName).MaximumLength(100).WithErrorCode("ticket.contact_too_long");
        RuleFor(x => x.ContactMobile).MaximumLength(32).WithErrorCode("ticket.contact_too_long");
        RuleFor(x => x.ContactEmail).MaximumLength(256).EmailAddress().When(x => !string.IsNullOrEmpty(x.ContactEmail)).WithErrorCode("ticket.contact_email_invalid");
        RuleFor(x => x.RelatedRecordType).Must(RelatedRecord.IsKnown).WithErrorCode("ticket.related_type_unknown");
        RuleFor(x => x.RelatedRecordId).NotEmpty().When(x => x.RelatedRecordType is not null).WithErrorCode("ticket.related_id_required");
    }
}

internal sealed class ChangeTicketStatusValidator : AbstractValidator<ChangeTicketStatusRequest>
{
    public ChangeTicketStatusValidator()
    {
        RuleFor(x => x.Status).IsInEnum().WithErrorCode("ticket.status_unknown");
        RuleFor(x => x.Note).MaximumLength(1000).WithErrorCode("ticket.note_too_long");
    }
}

internal sealed class AddTicketCommentValidator : AbstractValidator<AddTicketCommentRequest>
{
    public AddTicketCommentValidator()
    {
        RuleFor(x => x.Content).NotEmpty().WithErrorCode("ticket.comment_required").MaximumLength(4000).WithErrorCode("ticket.comment_too_long");
        RuleFor(x => x.AttachmentFileIds).Must(f => f is null || f.Count <= 20).WithErrorCode("ticket.too_many_attachments");
        RuleFor(x => x.IsInternal).Equal(false).When(x => x.FromCustomer).WithErrorCode("ticket.customer_comment_public")
            .WithMessage("A customer's reply cannot be internal.");
    }
}

internal sealed class RateTicketValidator : AbstractValidator<RateTicketRequest>
{
    public RateTicketValidator()
    {
        RuleFor(x => x.Rating).InclusiveBetween(1, 5).WithErrorCode("rating.out_of_range");
        RuleFor(x => x.Comment).MaximumLength(1000).WithErrorCode("rating.comment_too_long");
    }
}

/// <summary>A ticket may point at an order or a contract until the sales module links them for real.</summary>
internal static class RelatedRecord
{
    public static readonly string[] Types = ["order", "contract"];
    public static bool IsKnown(string? type) => type is null || Types.Contains(type);
}
