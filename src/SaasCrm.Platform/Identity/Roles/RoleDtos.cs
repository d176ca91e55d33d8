using FluentValidation;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Identity.Roles;

public sealed record RoleDto(Guid Id, string Name, DataScope DataScope, bool IsStatic, bool IsAdministrator, int UserCount, string? ConcurrencyStamp);
public sealed record CreateRoleRequest(string Name, DataScope DataScope, IReadOnlyList<string>? Permissions);
public sealed record UpdateRoleRequest(string Name, DataScope DataScope, string ConcurrencyStamp);
public sealed record SetPermissionsRequest(IReadOnlyList<string> Permissions);

public sealed class CreateRoleRequestValidator : AbstractValidator<CreateRoleRequest>
{
    public CreateRoleRequestValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(64);
        RuleFor(x => x.DataScope).IsInEnum();
    }
}

public sealed class UpdateRoleRequestValidator : AbstractValidator<UpdateRoleRequest>
{
    public UpdateRoleRequestValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(64);
        RuleFor(x => x.DataScope).IsInEnum();
        RuleFor(x => x.ConcurrencyStamp).NotEmpty();
    }
}

public sealed class SetPermissionsRequestValidator : AbstractValidator<SetPermissionsRequest>
{
    public SetPermissionsRequestValidator() => RuleFor(x => x.Permissions).NotNull();
}
