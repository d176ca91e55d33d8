using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Auditing;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Platform.Permissions;

/// <summary>Replaces the grants of a role or user; every change is written to the security log.</summary>
public sealed class PermissionGrantService(PlatformDbContext db, PermissionDefinitionManager definitions, ICurrentTenant tenant, SecurityLogWriter securityLog)
{
    public async Task<IReadOnlyList<string>> GetAsync(string providerName, Guid providerKey, CancellationToken ct) =>
        await db.PermissionGrants.Where(g => g.ProviderName == providerName && g.ProviderKey == providerKey)
            .Select(g => g.Name).OrderBy(n => n).ToListAsync(ct);

    /// <summary>Adds the changes to the unit of work; the caller saves.</summary>
    public async Task SetAsync(string providerName, Guid providerKey, string subject, IEnumerable<string> permissions, CancellationToken ct)
    {
        var wanted = permissions.Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in wanted)
        {
            var definition = definitions.Find(name);
            if (definition is null || !PermissionDefinitionManager.IsAvailableOn(definition, tenant.Id))
                throw new BusinessException("permission.unknown", $"Unknown permission '{name}'.", 400, "permissions");
        }
        var existing = await db.PermissionGrants.Where(g => g.ProviderName == providerName && g.ProviderKey == providerKey).ToListAsync(ct);
        var removed = existing.Where(g => !wanted.Contains(g.Name)).ToList();
        var added = wanted.Except(existing.Select(g => g.Name)).ToList();
        db.PermissionGrants.RemoveRange(removed);
        db.PermissionGrants.AddRange(added.Select(name => new PermissionGrant { Name = name, ProviderName = providerName, ProviderKey = providerKey }));
        if (removed.Count + added.Count > 0)
        {
            securityLog.Add(SecurityActions.PermissionsChanged, null, null,
                $"{subject}: +[{string.Join(", ", added)}] -[{string.Join(", ", removed.Select(r => r.Name))}]");
        }
    }
}
