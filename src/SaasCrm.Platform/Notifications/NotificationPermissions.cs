using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Notifications;

public static class NotificationPermissions
{
    /// <summary>Own bell, popups and channel preferences: granted to every seeded tenant role.</summary>
    public const string Default = "Notifications";
}

internal sealed class NotificationPermissionDefinitionProvider : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup("Notifications", new LocalizedText("Notifications", "消息通知"));
        group.Add(NotificationPermissions.Default, new("My notifications and their channels", "我的消息通知及接收方式"), MultiTenancySides.Tenant,
            SeededRoles.Sales, SeededRoles.Service, SeededRoles.Manager);
    }
}
