using FluentValidation;

namespace SaasCrm.Service.Portal.Accounts;

internal sealed class InvitePortalAccountRequestValidator : AbstractValidator<InvitePortalAccountRequest>
{
    public InvitePortalAccountRequestValidator()
    {
        RuleFor(x => x.CustomerId).NotEmpty();
        RuleFor(x => x.ContactId).NotEmpty();
        RuleFor(x => x.UserName).MaximumLength(256);
    }
}

internal sealed class AcceptInvitationRequestValidator : AbstractValidator<AcceptInvitationRequest>
{
    public AcceptInvitationRequestValidator()
    {
        RuleFor(x => x.Token).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(256);
    }
}

internal sealed class PortalSignUpRequestValidator : AbstractValidator<PortalSignUpRequest>
{
    public PortalSignUpRequestValidator()
    {
        RuleFor(x => x.Tenant).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(x => x.Phone).NotEmpty().MaximumLength(32);
        RuleFor(x => x.Company).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(256);
    }
}
