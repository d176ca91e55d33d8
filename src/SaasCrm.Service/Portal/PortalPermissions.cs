using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.Portal;

public static class PortalPermissions
{
    public const string GroupName = "Portal";
    /// <summary>See customer portal accounts, invite contacts, approve sign-ups, disable and enable accounts.</summary>
    public const string Accounts = "Portal.Accounts";
    /// <summary>Change the tenant's portal settings (self sign-up).</summary>
    public const string Settings = "Portal.Settings";
    /// <summary>Manage partner organisations: modules, assigned customers and users.</summary>
    public const string Partners = "Portal.Partners";
}

internal sealed class PortalPermissionDefinitions : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(PortalPermissions.GroupName, new LocalizedText("Customer and partner portals", "客户与伙伴门户"), module: "Service");
        var accounts = group.Add(PortalPermissions.Accounts, new LocalizedText("Portal accounts", "门户账号"), MultiTenancySides.Tenant, SeededRoles.Service, SeededRoles.Manager);
        accounts.AddChild(PortalPermissions.Settings, new LocalizedText("Portal settings", "门户设置"), SeededRoles.Manager);
        group.Add(PortalPermissions.Partners, new LocalizedText("Partner organisations", "合作伙伴"), MultiTenancySides.Tenant, SeededRoles.Manager);
    }
}
