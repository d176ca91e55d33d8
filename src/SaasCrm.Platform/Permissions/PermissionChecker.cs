using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Editions;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Permissions;

public interface IPermissionChecker
{
    Task<bool> IsGrantedAsync(string permission, CancellationToken cancellationToken = default);
    Task<IReadOnlySet<string>> GetGrantedAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Grants of the current user (own grants plus those of their roles), read from the database once per
/// request so a role change applies to the very next request. Administrator roles hold every permission
/// of their side, including those defined later.
/// </summary>
public sealed class PermissionChecker(
    PlatformDbContext db,
    ICurrentUser currentUser,
    ICurrentTenant currentTenant,
    CurrentUserRoles currentRoles,
    PermissionDefinitionManager definitions,
    EditionCache editions) : IPermissionChecker
{
    private IReadOnlySet<string>? _granted;

    public async Task<bool> IsGrantedAsync(string permission, CancellationToken cancellationToken = default) =>
        (await GetGrantedAsync(cancellationToken)).Contains(permission);

    public async Task<IReadOnlySet<string>> GetGrantedAsync(CancellationToken cancellationToken = default)
    {
        if (_granted is not null) return _granted;
        if (currentUser.Id is not { } userId || currentUser.TenantId != currentTenant.Id)
        {
            return _granted = new HashSet<string>();
        }
        var roles = await currentRoles.GetAsync(cancellationToken);
        // A module the tenant's edition does not include grants nothing, whatever the roles say.
        var edition = await editions.ForCurrentTenantAsync(cancellationToken);
        var available = definitions.All
            .Where(p => PermissionDefinitionManager.IsAvailableOn(p, currentTenant.Id))
            .Where(p => p.Module is null || edition is null || edition.EnabledModules.Contains(p.Module))
            .Select(p => p.Name);
        if (roles.Any(r => r.IsAdministrator))
        {
            return _granted = available.ToHashSet();
        }
        var roleIds = roles.Select(r => r.Id).ToList();
        var names = await db.PermissionGrants
            .Where(g => (g.ProviderName == PermissionGrant.RoleProvider && roleIds.Contains(g.ProviderKey))
                        || (g.ProviderName == PermissionGrant.UserProvider && g.ProviderKey == userId))
            .Select(g => g.Name)
            .Distinct()
            .ToListAsync(cancellationToken);
        return _granted = available.Intersect(names).ToHashSet();
    }
}
