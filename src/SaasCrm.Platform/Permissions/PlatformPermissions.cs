namespace SaasCrm.Platform.Permissions;

/// <summary>Permission names of the platform. Modules declare theirs the same way in their own provider.</summary>
public static class PlatformPermissions
{
    public static class Tenants
    {
        public const string Default = "Host.Tenants";
        public const string Manage = "Host.Tenants.Manage";
    }

    public static class Editions
    {
        public const string Default = "Host.Editions";
        public const string Manage = "Host.Editions.Manage";
    }

    public static class Jobs
    {
        public const string Default = "Host.Jobs";
        public const string Manage = "Host.Jobs.Manage";
    }

    public static class Users
    {
        public const string Default = "Identity.Users";
        public const string Manage = "Identity.Users.Manage";
        public const string Lookup = "Identity.UserLookup";
    }

    public static class Roles
    {
        public const string Default = "Identity.Roles";
        public const string Manage = "Identity.Roles.Manage";
    }

    public static class Departments
    {
        public const string Default = "Departments";
        public const string Manage = "Departments.Manage";
    }

    public static class Dictionaries
    {
        public const string Default = "Dictionaries";
        public const string Manage = "Dictionaries.Manage";
    }

    public static class CustomFields
    {
        public const string Default = "CustomFields";
        public const string Manage = "CustomFields.Manage";
    }

    public static class Audit
    {
        public const string EntityChanges = "Audit.EntityChanges";
        public const string SecurityLogs = "Audit.SecurityLogs";
    }

    public static class TenantJobs
    {
        public const string Default = "Jobs";
        public const string Manage = "Jobs.Manage";
    }
}

public static class SeededRoles
{
    public const string Admin = "admin";
    public const string Sales = "sales";
    public const string Service = "service";
    public const string Manager = "manager";
}

public sealed class PlatformPermissionDefinitionProvider : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context)
    {
        var host = context.AddGroup("Host", new LocalizedText("SaaS operation", "SaaS 运营"));
        host.Add(PlatformPermissions.Tenants.Default, new("Tenants", "租户"), MultiTenancySides.Host)
            .AddChild(PlatformPermissions.Tenants.Manage, new("Create, edit, suspend and delete tenants", "创建、编辑、停用和删除租户"));
        host.Add(PlatformPermissions.Editions.Default, new("Editions", "版本"), MultiTenancySides.Host)
            .AddChild(PlatformPermissions.Editions.Manage, new("Create and edit editions", "创建和编辑版本"));
        host.Add(PlatformPermissions.Jobs.Default, new("Background jobs (all tenants)", "后台任务（全部租户）"), MultiTenancySides.Host)
            .AddChild(PlatformPermissions.Jobs.Manage, new("Retry or cancel jobs", "重试或取消任务"));

        var identity = context.AddGroup("Identity", new LocalizedText("Users and roles", "用户与角色"));
        identity.Add(PlatformPermissions.Users.Default, new("Users", "用户"), MultiTenancySides.Both, SeededRoles.Manager)
            .AddChild(PlatformPermissions.Users.Manage, new("Create, edit, lock users and reset passwords", "创建、编辑、锁定用户与重置密码"));
        identity.Add(PlatformPermissions.Users.Lookup, new("Pick users by name (owners, heads, user fields)", "按姓名选择用户（负责人、部门负责人、用户字段）"),
            MultiTenancySides.Tenant, SeededRoles.Sales, SeededRoles.Service, SeededRoles.Manager);
        identity.Add(PlatformPermissions.Roles.Default, new("Roles", "角色"), MultiTenancySides.Both)
            .AddChild(PlatformPermissions.Roles.Manage, new("Create and edit roles and their permissions", "创建和编辑角色及其权限"));

        var organization = context.AddGroup("Organization", new LocalizedText("Organization", "组织架构"));
        organization.Add(PlatformPermissions.Departments.Default, new("Departments", "部门"), MultiTenancySides.Tenant,
                SeededRoles.Sales, SeededRoles.Service, SeededRoles.Manager)
            .AddChild(PlatformPermissions.Departments.Manage, new("Create, move and edit departments and members", "创建、移动和编辑部门及成员"));

        var lowCode = context.AddGroup("Configuration", new LocalizedText("Configuration", "配置"));
        lowCode.Add(PlatformPermissions.Dictionaries.Default, new("Data dictionaries", "数据字典"), MultiTenancySides.Tenant,
                SeededRoles.Sales, SeededRoles.Service, SeededRoles.Manager)
            .AddChild(PlatformPermissions.Dictionaries.Manage, new("Edit dictionaries", "编辑数据字典"));
        lowCode.Add(PlatformPermissions.CustomFields.Default, new("Custom fields", "自定义字段"), MultiTenancySides.Tenant,
                SeededRoles.Sales, SeededRoles.Service, SeededRoles.Manager)
            .AddChild(PlatformPermissions.CustomFields.Manage, new("Define custom fields", "定义自定义字段"));

        var audit = context.AddGroup("Audit", new LocalizedText("Audit", "审计"));
        audit.Add(PlatformPermissions.Audit.EntityChanges, new("Change history of records", "数据变更历史"), MultiTenancySides.Both, SeededRoles.Manager);
        audit.Add(PlatformPermissions.Audit.SecurityLogs, new("Sign-in and permission logs", "登录与权限日志"), MultiTenancySides.Both);

        var jobs = context.AddGroup("Jobs", new LocalizedText("Background jobs", "后台任务"));
        jobs.Add(PlatformPermissions.TenantJobs.Default, new("Background jobs and incidents", "后台任务与异常"), MultiTenancySides.Tenant)
            .AddChild(PlatformPermissions.TenantJobs.Manage, new("Retry or cancel failed jobs", "重试或取消失败任务"));
    }
}
