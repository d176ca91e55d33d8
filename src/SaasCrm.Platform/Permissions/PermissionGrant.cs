using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Permissions;

/// <summary>A permission granted to a role ("R") or a user ("U") inside one tenant (or the host).</summary>
public sealed class PermissionGrant : Entity, IMultiTenant
{
    public const string RoleProvider = "R";
    public const string UserProvider = "U";

    public Guid? TenantId { get; private set; }
    public string Name { get; set; } = "";
    public string ProviderName { get; set; } = "";
    public Guid ProviderKey { get; set; }
}

/// <summary>Remembers which permissions already got their default role grants in a tenant, so a grant an admin removed is not re-added.</summary>
public sealed class PermissionSeed : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Name { get; set; } = "";
}
