using FluentValidation;

namespace SaasCrm.Service.Portal.Partners;

internal sealed class SavePartnerRequestValidator : AbstractValidator<SavePartnerRequest>
{
    public SavePartnerRequestValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.Modules).NotNull();
        RuleForEach(x => x.Modules).Must(m => Domain.PartnerModules.Available.Contains(m))
            .WithErrorCode("portal.module_unavailable").WithMessage("Unknown module, or one that is not available yet (leads needs the sales module).");
        RuleFor(x => x.ContactName).MaximumLength(100);
        RuleFor(x => x.Phone).MaximumLength(32);
        RuleFor(x => x.Email).MaximumLength(256);
    }
}

internal sealed class CreatePartnerUserRequestValidator : AbstractValidator<CreatePartnerUserRequest>
{
    public CreatePartnerUserRequestValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(256);
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(256);
        RuleFor(x => x.Email).MaximumLength(256);
        RuleFor(x => x.Phone).MaximumLength(32);
    }
}

internal sealed class SetPartnerCustomersRequestValidator : AbstractValidator<SetPartnerCustomersRequest>
{
    public SetPartnerCustomersRequestValidator() => RuleFor(x => x.CustomerIds).NotNull().Must(l => l.Count <= 5000);
}
