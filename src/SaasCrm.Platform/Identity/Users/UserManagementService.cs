using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Auditing;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Editions;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Identity.Users;

/// <summary>The tenant admin's user administration; one transaction per use case.</summary>
public sealed class UserManagementService(
    PlatformDbContext db,
    UserManager<AppUser> users,
    SessionValidator sessions,
    SecurityLogWriter securityLog,
    IEditionLimitChecker limits,
    TimeProvider clock)
{
    public async Task<PagedResult<UserDto>> ListAsync(string? filter, bool? isActive, Guid? departmentId, Guid? roleId, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking().Where(u => u.Kind == UserKind.Staff);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var f = filter.Trim();
            query = query.Where(u => u.UserName!.Contains(f) || u.Name.Contains(f) || (u.Email != null && u.Email.Contains(f)) || (u.PhoneNumber != null && u.PhoneNumber.Contains(f)));
        }
        if (isActive is { } active) query = query.Where(u => u.IsActive == active);
        if (departmentId is { } dept) query = query.Where(u => db.UserDepartments.Any(ud => ud.UserId == u.Id && ud.DepartmentId == dept));
        if (roleId is { } role) query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == role));
        query = query.OrderBy(sort, "userName", new Dictionary<string, System.Linq.Expressions.Expression<Func<AppUser, object?>>>
        {
            ["userName"] = u => u.UserName,
            ["name"] = u => u.Name,
            ["email"] = u => u.Email,
            ["createdAt"] = u => u.CreatedAt,
        });
        var paged = await query.ToPageAsync(page, pageSize, ct);
        var dtos = await ToDtosAsync(paged.Items, ct);
        return new PagedResult<UserDto>(dtos, paged.Total, paged.TotalIsLowerBound, paged.Page, paged.PageSize);
    }

    /// <summary>Active users by user name or display name, for pickers.</summary>
    public async Task<IReadOnlyList<NamedRef>> LookupAsync(string? filter, int? max, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking().Where(u => u.IsActive && u.Kind == UserKind.Staff);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var f = filter.Trim();
            query = query.Where(u => u.UserName!.Contains(f) || u.Name.Contains(f));
        }
        return await query.OrderBy(u => u.Name).Take(Math.Clamp(max ?? 20, 1, 100))
            .Select(u => new NamedRef(u.Id, u.Name == "" ? u.UserName! : u.Name)).ToListAsync(ct);
    }

    public async Task<UserDto> GetAsync(Guid id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.Kind == UserKind.Staff, ct) ?? throw new EntityNotFoundException("User", id);
        return (await ToDtosAsync([user], ct))[0];
    }

    public async Task<UserDto> CreateAsync(CreateUserRequest request, CancellationToken ct)
    {
        await limits.EnsureCanAddAsync(EditionLimits.Users, c => db.Users.CountAsync(u => u.Kind == UserKind.Staff, c), ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser
        {
            UserName = request.UserName.Trim(),
            Name = request.Name.Trim(),
            Email = NullIfEmpty(request.Email),
            PhoneNumber = NullIfEmpty(request.PhoneNumber),
            IsActive = request.IsActive,
            LockoutEnabled = true,
        };
        (await users.CreateAsync(user, request.Password)).ThrowIfFailed();
        await SetRolesAsync(user, request.RoleIds ?? [], ct);
        await SetDepartmentsAsync(user.Id, request.DepartmentIds ?? [], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetAsync(user.Id, ct);
    }

    public async Task<UserDto> UpdateAsync(Guid id, UpdateUserRequest request, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var wasActive = user.IsActive;
        user.Name = request.Name.Trim();
        user.Email = NullIfEmpty(request.Email);
        user.NormalizedEmail = user.Email?.ToUpperInvariant();
        user.PhoneNumber = NullIfEmpty(request.PhoneNumber);
        user.IsActive = request.IsActive;
        if (wasActive && !user.IsActive) await EndSessionsAsync(user, "disabled", ct);
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (request.RoleIds is not null) await SetRolesAsync(user, request.RoleIds, ct);
        if (request.DepartmentIds is not null) await SetDepartmentsAsync(user.Id, request.DepartmentIds, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        sessions.Invalidate(user.Id);
        return await GetAsync(user.Id, ct);
    }

    public async Task LockAsync(Guid id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        user.LockoutEnd = DateTimeOffset.MaxValue;
        await EndSessionsAsync(user, "locked", ct);
        securityLog.Add(SecurityActions.UserLocked, user.Id, user.UserName, null);
        await db.SaveChangesAsync(ct);
        sessions.Invalidate(user.Id);
    }

    public async Task UnlockAsync(Guid id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        securityLog.Add(SecurityActions.UserUnlocked, user.Id, user.UserName, null);
        await db.SaveChangesAsync(ct);
        sessions.Invalidate(user.Id);
    }

    public async Task ResetPasswordAsync(Guid id, string newPassword, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var validator in users.PasswordValidators)
        {
            (await validator.ValidateAsync(users, user, newPassword)).ThrowIfFailed("newPassword");
        }
        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
        await EndSessionsAsync(user, "password_reset", ct);
        securityLog.Add(SecurityActions.PasswordReset, user.Id, user.UserName, null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        sessions.Invalidate(user.Id);
    }

    public async Task DeleteAsync(Guid id, Guid? currentUserId, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user.Id == currentUserId) throw new BusinessException("user.cannot_delete_self", "You cannot delete your own account.");
        await EndSessionsAsync(user, "deleted", ct);
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
        sessions.Invalidate(user.Id);
    }

    private async Task<AppUser> FindAsync(Guid id, CancellationToken ct) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.Kind == UserKind.Staff, ct) ?? throw new EntityNotFoundException("User", id);

    /// <summary>New security stamp (outstanding access tokens stop working) and every refresh token revoked.</summary>
    private async Task EndSessionsAsync(AppUser user, string reason, CancellationToken ct)
    {
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await TokenService.RevokeAllAsync(db, clock, user.Id, reason, ct);
    }

    private async Task SetRolesAsync(AppUser user, IReadOnlyCollection<Guid> roleIds, CancellationToken ct)
    {
        var wanted = roleIds.Distinct().ToList();
        var found = await db.Roles.Where(r => wanted.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        if (found.Count != wanted.Count) throw RequestValidationException.For("roleIds", "role.not_found", "One or more roles do not exist.");
        var current = await db.UserRoles.Where(ur => ur.UserId == user.Id).ToListAsync(ct);
        var removed = current.Where(ur => !wanted.Contains(ur.RoleId)).ToList();
        var added = wanted.Where(id => current.All(ur => ur.RoleId != id)).ToList();
        db.UserRoles.RemoveRange(removed);
        db.UserRoles.AddRange(added.Select(id => new IdentityUserRole<Guid> { UserId = user.Id, RoleId = id }));
        if (removed.Count + added.Count > 0)
        {
            securityLog.Add(SecurityActions.RolesChanged, null, null,
                $"{user.UserName}: roles now [{string.Join(", ", found.Select(r => r.Name))}]");
        }
    }

    private async Task SetDepartmentsAsync(Guid userId, IReadOnlyCollection<Guid> departmentIds, CancellationToken ct)
    {
        var wanted = departmentIds.Distinct().ToList();
        var found = await db.Departments.CountAsync(d => wanted.Contains(d.Id), ct);
        if (found != wanted.Count) throw RequestValidationException.For("departmentIds", "department.not_found", "One or more departments do not exist.");
        var current = await db.UserDepartments.Where(ud => ud.UserId == userId).ToListAsync(ct);
        db.UserDepartments.RemoveRange(current.Where(ud => !wanted.Contains(ud.DepartmentId)));
        db.UserDepartments.AddRange(wanted.Where(id => current.All(ud => ud.DepartmentId != id))
            .Select(id => new Departments.UserDepartment { UserId = userId, DepartmentId = id }));
    }

    private async Task<List<UserDto>> ToDtosAsync(IReadOnlyList<AppUser> list, CancellationToken ct)
    {
        var ids = list.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Id, r.Name })
            .ToListAsync(ct);
        var departments = await db.UserDepartments.Where(ud => ids.Contains(ud.UserId))
            .Join(db.Departments, ud => ud.DepartmentId, d => d.Id, (ud, d) => new { ud.UserId, d.Id, d.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return list.Select(u => new UserDto(
            u.Id, u.UserName!, u.Name, u.Email, u.PhoneNumber, u.IsActive,
            u.LockoutEnd is { } end && end > now, u.LockoutEnd,
            roles.Where(r => r.UserId == u.Id).Select(r => new NamedRef(r.Id, r.Name!)).OrderBy(r => r.Name).ToList(),
            departments.Where(d => d.UserId == u.Id).Select(d => new NamedRef(d.Id, d.Name)).OrderBy(d => d.Name).ToList(),
            u.ConcurrencyStamp, u.CreatedAt)).ToList();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
