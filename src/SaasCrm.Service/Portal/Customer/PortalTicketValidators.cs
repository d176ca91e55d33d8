using FluentValidation;

namespace SaasCrm.Service.Portal.Customer;

internal sealed class PortalCreateTicketRequestValidator : AbstractValidator<PortalCreateTicketRequest>
{
    public PortalCreateTicketRequestValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
        RuleFor(x => x.CategoryCode).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Description).MaximumLength(4000);
    }
}

internal sealed class PartnerCreateTicketRequestValidator : AbstractValidator<PartnerCreateTicketRequest>
{
    public PartnerCreateTicketRequestValidator()
    {
        RuleFor(x => x.CustomerId).NotEmpty();
        RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
        RuleFor(x => x.CategoryCode).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Description).MaximumLength(4000);
        RuleFor(x => x.ContactName).MaximumLength(100);
        RuleFor(x => x.ContactMobile).MaximumLength(32);
    }
}

internal sealed class PortalReplyRequestValidator : AbstractValidator<PortalReplyRequest>
{
    public PortalReplyRequestValidator() => RuleFor(x => x.Content).NotEmpty().MaximumLength(4000);
}

internal sealed class PortalRateRequestValidator : AbstractValidator<PortalRateRequest>
{
    public PortalRateRequestValidator()
    {
        RuleFor(x => x.Rating).InclusiveBetween(1, 5);
        RuleFor(x => x.Comment).MaximumLength(1000);
    }
}
