using FluentValidation;

namespace SaasCrm.Platform.Departments;

public sealed record DepartmentDto(Guid Id, Guid? ParentId, string Code, string Name, Guid? HeadUserId, string? HeadUserName, int MemberCount, string ConcurrencyStamp);
public sealed record CreateDepartmentRequest(string Name, Guid? ParentId);
public sealed record UpdateDepartmentRequest(string Name, string ConcurrencyStamp);
public sealed record MoveDepartmentRequest(Guid? ParentId, string ConcurrencyStamp);
public sealed record SetHeadRequest(Guid? UserId);
public sealed record MembersRequest(IReadOnlyList<Guid> UserIds);
public sealed record MemberDto(Guid UserId, string UserName, string Name, bool IsHead);

public sealed class CreateDepartmentRequestValidator : AbstractValidator<CreateDepartmentRequest>
{
    public CreateDepartmentRequestValidator() => RuleFor(x => x.Name).NotEmpty().MaximumLength(128);
}

public sealed class UpdateDepartmentRequestValidator : AbstractValidator<UpdateDepartmentRequest>
{
    public UpdateDepartmentRequestValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(128);
        RuleFor(x => x.ConcurrencyStamp).NotEmpty();
    }
}

public sealed class MoveDepartmentRequestValidator : AbstractValidator<MoveDepartmentRequest>
{
    public MoveDepartmentRequestValidator() => RuleFor(x => x.ConcurrencyStamp).NotEmpty();
}

public sealed class MembersRequestValidator : AbstractValidator<MembersRequest>
{
    public MembersRequestValidator() => RuleFor(x => x.UserIds).NotEmpty();
}
