namespace SaasCrm.Platform.Identity.Users;

public sealed record NamedRef(Guid Id, string Name);

public sealed record UserDto(
    Guid Id,
    string UserName,
    string Name,
    string? Email,
    string? PhoneNumber,
    bool IsActive,
    bool IsLockedOut,
    DateTimeOffset? LockoutEnd,
    IReadOnlyList<NamedRef> Roles,
    IReadOnlyList<NamedRef> Departments,
    string? ConcurrencyStamp,
    DateTime CreatedAt);

public sealed record CreateUserRequest(
    string UserName,
    string Name,
    string? Email,
    string? PhoneNumber,
    string Password,
    bool IsActive = true,
    IReadOnlyList<Guid>? RoleIds = null,
    IReadOnlyList<Guid>? DepartmentIds = null);

public sealed record UpdateUserRequest(
    string Name,
    string? Email,
    string? PhoneNumber,
    bool IsActive,
    IReadOnlyList<Guid>? RoleIds,
    IReadOnlyList<Guid>? DepartmentIds,
    string ConcurrencyStamp);

public sealed record ResetPasswordRequest(string NewPassword);
