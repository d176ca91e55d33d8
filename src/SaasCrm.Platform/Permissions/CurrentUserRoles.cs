using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Permissions;

public sealed record UserRoleInfo(Guid Id, bool IsAdministrator, DataScope DataScope);

/// <summary>The current user's roles, read once per request and shared by the permission check and the data scope.</summary>
public sealed class CurrentUserRoles(PlatformDbContext db, ICurrentUser currentUser)
{
    private IReadOnlyList<UserRoleInfo>? _roles;

    public async Task<IReadOnlyList<UserRoleInfo>> GetAsync(CancellationToken cancellationToken)
    {
        if (_roles is not null) return _roles;
        if (currentUser.Id is not { } userId) return _roles = [];
        return _roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new UserRoleInfo(r.Id, r.IsAdministrator, r.DataScope))
            .ToListAsync(cancellationToken);
    }
}
