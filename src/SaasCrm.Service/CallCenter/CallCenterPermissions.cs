using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.CallCenter;

public static class CallCenterPermissions
{
    public const string GroupName = "CallCenter";
    /// <summary>Call logs in one's data scope (by agent), click-to-call, screen pops.</summary>
    public const string Calls = "Service.CallCenter";
    /// <summary>Telephony API keys and the agent-extension map.</summary>
    public const string Settings = "Service.CallCenter.Settings";
}

internal sealed class CallCenterPermissionDefinitions : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(CallCenterPermissions.GroupName, new LocalizedText("Call center", "呼叫中心"), module: "Service");
        var calls = group.Add(CallCenterPermissions.Calls, new LocalizedText("Calls", "通话记录与外呼"), MultiTenancySides.Tenant, SeededRoles.Sales, SeededRoles.Service, SeededRoles.Manager);
        // Administrators hold every permission; no seeded role manages keys.
        calls.AddChild(CallCenterPermissions.Settings, new LocalizedText("Telephony keys and extensions", "话务接口密钥与分机"));
    }
}
