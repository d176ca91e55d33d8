using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows;

public static class WorkflowPermissions
{
    public const string GroupName = "Workflows";
    public const string Definitions = "Workflows.Definitions";
    public const string DefinitionsManage = "Workflows.Definitions.Manage";
    public const string Instances = "Workflows.Instances";
    public const string InstancesManage = "Workflows.Instances.Manage";
    public const string Calendars = "Workflows.Calendars";
    public const string Agents = "Workflows.Agents";
    public const string Tasks = "Workflows.Tasks";
}

internal sealed class WorkflowPermissionDefinitions : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(WorkflowPermissions.GroupName, new LocalizedText("Workflows", "工作流"), module: "Workflows");
        const string sales = SeededRoles.Sales, service = SeededRoles.Service, manager = SeededRoles.Manager;
        var definitions = group.Add(WorkflowPermissions.Definitions, new LocalizedText("Workflow definitions", "流程定义"), MultiTenancySides.Tenant, manager);
        definitions.AddChild(WorkflowPermissions.DefinitionsManage, new LocalizedText("Design and publish", "设计与发布"));
        var instances = group.Add(WorkflowPermissions.Instances, new LocalizedText("Workflow instances", "流程实例"), MultiTenancySides.Tenant, service, manager);
        instances.AddChild(WorkflowPermissions.InstancesManage, new LocalizedText("Migrate, cancel, resolve incidents", "迁移、取消、处理故障"));
        group.Add(WorkflowPermissions.Calendars, new LocalizedText("Business calendars", "工作日历"), MultiTenancySides.Tenant);
        group.Add(WorkflowPermissions.Agents, new LocalizedText("Agents and availability", "坐席与可用状态"), MultiTenancySides.Tenant, manager);
        group.Add(WorkflowPermissions.Tasks, new LocalizedText("Workflow tasks", "流程任务"), MultiTenancySides.Tenant, sales, service, manager);
    }
}
