using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.Reports;

public static class ReportPermissions
{
    public const string GroupName = "ServiceReports";
    /// <summary>Open the service reports page; each report also needs its own permission.</summary>
    public const string Reports = "Service.Reports";
    public const string Tickets = "Service.Reports.Tickets";
    public const string Complaints = "Service.Reports.Complaints";
}

internal sealed class ReportPermissionDefinitions : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(ReportPermissions.GroupName, new LocalizedText("Service reports", "服务报表"), module: "Service");
        const string service = SeededRoles.Service, manager = SeededRoles.Manager;
        var reports = group.Add(ReportPermissions.Reports, new LocalizedText("Service reports", "服务报表"), MultiTenancySides.Tenant, service, manager);
        reports.AddChild(ReportPermissions.Tickets, new LocalizedText("Ticket report", "工单报表"), service, manager);
        reports.AddChild(ReportPermissions.Complaints, new LocalizedText("Complaint report", "客诉报表"), service, manager);
    }
}
