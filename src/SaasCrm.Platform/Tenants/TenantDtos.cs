using FluentValidation;

namespace SaasCrm.Platform.Tenants;

public sealed record TenantDto(Guid Id, string Name, string DisplayName, bool IsActive, string? SuspensionReason, DateTime? SuspendedAt,
    bool HasOwnDatabase, Guid? EditionId, DateTime CreatedAt, string ConcurrencyStamp, TenantUsageDto? Usage = null);
public sealed record TenantUsageDto(int Users);
public sealed record CreateTenantRequest(string Name, string DisplayName, string AdminUserName, string AdminPassword, string? AdminEmail, string? ConnectionString = null, Guid? EditionId = null);
public sealed record UpdateTenantRequest(string DisplayName, string ConcurrencyStamp, Guid? EditionId = null);
public sealed record SuspendTenantRequest(string Reason);

public sealed class CreateTenantRequestValidator : AbstractValidator<CreateTenantRequest>
{
    private static readonly HashSet<string> Reserved = ["www", "api", "admin", "host", "portal", "app", "static", "assets", "mail"];

    public CreateTenantRequestValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(64)
            .Matches("^[a-z0-9][a-z0-9-]{1,62}$").WithErrorCode("tenant.name_format")
            .WithMessage("Use 2–63 lowercase letters, digits or hyphens, starting with a letter or digit (it becomes the login name and subdomain).")
            .Must(n => !Reserved.Contains(n)).WithErrorCode("tenant.name_reserved").WithMessage("This name is reserved.");
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(128);
        RuleFor(x => x.AdminUserName).NotEmpty().MaximumLength(64);
        RuleFor(x => x.AdminPassword).NotEmpty().MaximumLength(128);
        RuleFor(x => x.AdminEmail).EmailAddress().MaximumLength(256).When(x => !string.IsNullOrEmpty(x.AdminEmail));
        RuleFor(x => x.ConnectionString).MaximumLength(1000);
    }
}

public sealed class UpdateTenantRequestValidator : AbstractValidator<UpdateTenantRequest>
{
    public UpdateTenantRequestValidator()
    {
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(128);
        RuleFor(x => x.ConcurrencyStamp).NotEmpty();
    }
}

public sealed class SuspendTenantRequestValidator : AbstractValidator<SuspendTenantRequest>
{
    public SuspendTenantRequestValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
}
