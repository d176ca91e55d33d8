using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.Knowledge;

public static class KnowledgePermissions
{
    /// <summary>Read and search published articles (any visibility), answer "was this helpful", see related articles on tickets.</summary>
    public const string Read = "Service.Knowledge";
    /// <summary>Write, publish and restore articles, see drafts, turn resolved tickets into articles.</summary>
    public const string Manage = "Service.Knowledge.Manage";
}

internal sealed class KnowledgePermissionDefinitions : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup("Service.KnowledgeBase", new LocalizedText("Knowledge base", "知识库"), module: "Service");
        const string sales = SeededRoles.Sales, service = SeededRoles.Service, manager = SeededRoles.Manager;
        var read = group.Add(KnowledgePermissions.Read, new LocalizedText("Knowledge base", "知识库"), MultiTenancySides.Tenant, sales, service, manager);
        read.AddChild(KnowledgePermissions.Manage, new LocalizedText("Write and publish articles", "编写与发布文章"), service, manager);
    }
}
