using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.Consultations;

public static class ConsultationPermissions
{
    /// <summary>Record enquiries, answer them, see one's own and one's department's.</summary>
    public const string Default = "Service.Consultations";
    /// <summary>Transfer, answer and reply on consultations one did not record.</summary>
    public const string Manage = "Service.Consultations.Manage";
    public const string Statistics = "Service.Consultations.Statistics";
}

internal sealed class ConsultationPermissionDefinitions : PermissionDefinitionProvider
{
    public override void Define(PermissionDefinitionContext context)
    {
        // A group of its own: the "Service" group is defined once by the module and cannot be extended from here.
        var group = context.AddGroup("ServiceConsultations", new LocalizedText("Consultations", "咨询解答"), module: "Service");
        const string sales = SeededRoles.Sales, service = SeededRoles.Service, manager = SeededRoles.Manager;
        var consultations = group.Add(ConsultationPermissions.Default, new LocalizedText("Consultations", "咨询解答"), MultiTenancySides.Tenant, sales, service, manager);
        consultations.AddChild(ConsultationPermissions.Manage, new LocalizedText("Manage others' consultations", "管理他人咨询"), service, manager);
        consultations.AddChild(ConsultationPermissions.Statistics, new LocalizedText("Consultation statistics", "咨询统计"), service, manager);
    }
}

/// <summary>How the originator gave the customer the answer.</summary>
internal sealed class ConsultationDictionaries : DictionaryDefinitionProvider
{
    /// <summary>Enquiry types are seeded with the service dictionaries ("enquiry-type").</summary>
    public const string EnquiryType = "enquiry-type";
    public const string ReplyChannel = "consultation-reply-channel";

    public override void Define(DictionaryDefinitionContext context) =>
        context.Add(ReplyChannel, "Reply channel", "答复方式")
            .Item("phone", "Phone", "电话", isDefault: true).Item("sms", "SMS", "短信").Item("in-store", "In store", "到店").Item("wechat", "WeChat", "微信");
}
