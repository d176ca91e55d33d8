using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers;

public static class CustomerPermissions
{
    public const string GroupName = "Customers";
    public const string Default = "Customers.Customers";
    public const string Create = "Customers.Customers.Create";
    public const string Edit = "Customers.Customers.Edit";
    public const string Delete = "Customers.Customers.Delete";
    /// <summary>Assign owners and service reps, bulk actions on others' customers.</summary>
    public const string Assign = "Customers.Customers.Assign";
    public const string Import = "Customers.Customers.Import";
    public const string Export = "Customers.Customers.Export";
    public const string Merge = "Customers.Customers.Merge";
    public const string Handover = "Customers.Handover";
    public const string Pool = "Customers.Pool";
    public const string PoolManage = "Customers.Pool.Manage";
    public const string FollowUps = "Customers.FollowUps";
    public const string Reminders = "Customers.Reminders";
    /// <summary>Tenant-wide customer rules: unmerge period, check-in distance.</summary>
    public const string Settings = "Customers.Settings";
}

internal sealed class CustomerPermissionDefinitions : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(CustomerPermissions.GroupName, new LocalizedText("Customers", "客户"), module: "Customers");
        const string sales = SeededRoles.Sales, service = SeededRoles.Service, manager = SeededRoles.Manager;
        var customers = group.Add(CustomerPermissions.Default, new LocalizedText("Customers", "客户"), MultiTenancySides.Tenant, sales, service, manager);
        customers.AddChild(CustomerPermissions.Create, new LocalizedText("Create", "新建"), sales, service, manager);
        customers.AddChild(CustomerPermissions.Edit, new LocalizedText("Edit", "编辑"), sales, service, manager);
        customers.AddChild(CustomerPermissions.Delete, new LocalizedText("Delete", "删除"), manager);
        customers.AddChild(CustomerPermissions.Assign, new LocalizedText("Assign owners", "分配负责人"), manager);
        customers.AddChild(CustomerPermissions.Import, new LocalizedText("Import", "导入"), manager);
        customers.AddChild(CustomerPermissions.Export, new LocalizedText("Export", "导出"), sales, manager);
        customers.AddChild(CustomerPermissions.Merge, new LocalizedText("Merge and unmerge", "合并与撤销合并"), manager);
        group.Add(CustomerPermissions.Handover, new LocalizedText("Customer handover", "客户交接"), MultiTenancySides.Tenant, manager);
        var pool = group.Add(CustomerPermissions.Pool, new LocalizedText("Public pool", "公海"), MultiTenancySides.Tenant, sales, service, manager);
        pool.AddChild(CustomerPermissions.PoolManage, new LocalizedText("Pool rules", "公海规则"), manager);
        group.Add(CustomerPermissions.FollowUps, new LocalizedText("Follow-ups", "跟进记录"), MultiTenancySides.Tenant, sales, service, manager);
        group.Add(CustomerPermissions.Reminders, new LocalizedText("Reminders", "预约提醒"), MultiTenancySides.Tenant, sales, service, manager);
        group.Add(CustomerPermissions.Settings, new LocalizedText("Customer settings", "客户设置"), MultiTenancySides.Tenant);
    }
}
