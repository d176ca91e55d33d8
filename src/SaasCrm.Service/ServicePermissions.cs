using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service;

public static class ServicePermissions
{
    public const string GroupName = "Service";
    /// <summary>See tickets in one's data scope and team queue, create them, comment, grab from the queue, work on one's own.</summary>
    public const string Tickets = "Service.Tickets";
    /// <summary>Edit and change the status of tickets one may see but is not assigned to.</summary>
    public const string TicketsManage = "Service.Tickets.Manage";
    /// <summary>Assign tickets to others.</summary>
    public const string TicketsAssign = "Service.Tickets.Assign";
    public const string Complaints = "Service.Complaints";
    /// <summary>Transfer, edit, close and reopen complaints; record return visits.</summary>
    public const string ComplaintsManage = "Service.Complaints.Manage";
    public const string ComplaintsStatistics = "Service.Complaints.Statistics";
}

internal sealed class ServicePermissionDefinitions : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(ServicePermissions.GroupName, new LocalizedText("Service desk", "客户服务"), module: "Service");
        const string sales = SeededRoles.Sales, service = SeededRoles.Service, manager = SeededRoles.Manager;
        var tickets = group.Add(ServicePermissions.Tickets, new LocalizedText("Tickets", "工单"), MultiTenancySides.Tenant, sales, service, manager);
        tickets.AddChild(ServicePermissions.TicketsManage, new LocalizedText("Manage others' tickets", "管理他人工单"), service, manager);
        tickets.AddChild(ServicePermissions.TicketsAssign, new LocalizedText("Assign tickets", "分派工单"), manager);
        var complaints = group.Add(ServicePermissions.Complaints, new LocalizedText("Complaints", "客诉"), MultiTenancySides.Tenant, sales, service, manager);
        complaints.AddChild(ServicePermissions.ComplaintsManage, new LocalizedText("Transfer, return visits and closing", "转交、回访与结案"), service, manager);
        complaints.AddChild(ServicePermissions.ComplaintsStatistics, new LocalizedText("Complaint statistics", "客诉统计"), service, manager);
    }
}
