using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;

namespace SaasCrm.Platform.Permissions;

/// <summary>
/// Grants each permission to its default roles once per tenant. Run on tenant creation and at start-up, so a
/// module added later reaches existing tenants; a default an admin later removed is never re-added.
/// </summary>
public sealed class PermissionSeeder(PlatformDbContext db, PermissionDefinitionManager definitions)
{
    /// <summary>Adds grants for the current tenant to the unit of work; the caller saves.</summary>
    public async Task SeedDefaultsAsync(CancellationToken cancellationToken)
    {
        var seeded = (await db.PermissionSeeds.Select(s => s.Name).ToListAsync(cancellationToken)).ToHashSet();
        var pending = definitions.All.Where(p => p.DefaultRoles.Count > 0 && !seeded.Contains(p.Name)).ToList();
        if (pending.Count == 0) return;
        var roleNames = pending.SelectMany(p => p.DefaultRoles).Select(r => r.ToUpperInvariant()).Distinct().ToList();
        var roles = await db.Roles.Where(r => roleNames.Contains(r.NormalizedName!)).ToDictionaryAsync(r => r.NormalizedName!, r => r.Id, cancellationToken);
        foreach (var permission in pending)
        {
            foreach (var role in permission.DefaultRoles)
            {
                if (roles.TryGetValue(role.ToUpperInvariant(), out var roleId))
                {
                    db.PermissionGrants.Add(new PermissionGrant { Name = permission.Name, ProviderName = PermissionGrant.RoleProvider, ProviderKey = roleId });
                }
            }
            db.PermissionSeeds.Add(new PermissionSeed { Name = permission.Name });
        }
    }
}
