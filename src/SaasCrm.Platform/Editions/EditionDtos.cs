using FluentValidation;

namespace SaasCrm.Platform.Editions;

public sealed record EditionDto(Guid Id, string Name, int? MaxUsers, int? MaxCustomers, IReadOnlyList<string> EnabledModules, int TenantCount, string ConcurrencyStamp);
public sealed record SaveEditionRequest(string Name, int? MaxUsers, int? MaxCustomers, IReadOnlyList<string>? EnabledModules, string? ConcurrencyStamp = null);
public sealed record ModuleDto(string Name);

public sealed class SaveEditionRequestValidator : AbstractValidator<SaveEditionRequest>
{
    public SaveEditionRequestValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(64);
        RuleFor(x => x.MaxUsers).GreaterThan(0).When(x => x.MaxUsers is not null);
        RuleFor(x => x.MaxCustomers).GreaterThan(0).When(x => x.MaxCustomers is not null);
    }
}
