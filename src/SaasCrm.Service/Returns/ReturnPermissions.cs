using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.Returns;

public static class ReturnPermissions
{
    /// <summary>Record return and compensation entries, see one's own and one's department's, approve those one is the approver of.</summary>
    public const string Default = "Service.Returns";
    /// <summary>Edit, submit and complete entries others recorded.</summary>
    public const string Manage = "Service.Returns.Manage";
    /// <summary>Approve or reject any visible entry, also when the workflow named someone else or nobody.</summary>
    public const string Approve = "Service.Returns.Approve";
    public const string Statistics = "Service.Returns.Statistics";
}

internal sealed class ReturnPermissionDefinitions : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context)
    {
        // A group of its own: the "Service" group is defined once by the module and cannot be extended from here.
        var group = context.AddGroup("ServiceReturns", new LocalizedText("Returns and compensation", "退换货与补偿"), module: "Service");
        const string sales = SeededRoles.Sales, service = SeededRoles.Service, manager = SeededRoles.Manager;
        var returns = group.Add(ReturnPermissions.Default, new LocalizedText("Returns and compensation", "退换货与补偿"), MultiTenancySides.Tenant, sales, service, manager);
        returns.AddChild(ReturnPermissions.Manage, new LocalizedText("Manage others' entries", "管理他人登记"), service, manager);
        returns.AddChild(ReturnPermissions.Approve, new LocalizedText("Approve any entry", "审批所有登记"), manager);
        returns.AddChild(ReturnPermissions.Statistics, new LocalizedText("Return statistics", "退换货统计"), service, manager);
    }
}

internal sealed class ReturnDictionaries : DictionaryDefinitionProvider
{
    /// <summary>Seeded with the service dictionaries.</summary>
    public const string ReturnReason = "return-reason";
    public const string PickupMethod = "return-pickup-method";
    public const string Result = "return-result";
    public const string CompensationReason = "compensation-reason";

    public override void Define(DictionaryDefinitionContext context)
    {
        context.Add(PickupMethod, "Pickup method", "提货方式")
            .Item("store", "Picked up in store", "门店自提", isDefault: true).Item("delivery", "Home delivery", "送货上门").Item("courier", "Courier", "快递");
        context.Add(Result, "Return result", "退换货结果")
            .Item("refunded", "Refunded", "已退货退款", isDefault: true).Item("exchanged", "Exchanged", "已换货").Item("repaired", "Repaired", "已维修")
            .Item("declined", "Declined", "不予退换");
        context.Add(CompensationReason, "Compensation reason", "补差原因")
            .Item("price-drop", "Price dropped after purchase", "购买后降价", isDefault: true).Item("promotion", "Missed promotion", "未享受促销")
            .Item("competitor", "Lower competitor price", "竞品价格更低").Item("other", "Other", "其他");
    }
}
