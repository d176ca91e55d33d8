using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Host.Catalog;

/// <summary>
/// Record types tenant admins can add custom fields to. Each registration moves into its module
/// (Sales, Service) when that module lands, as <see cref="CrmDictionaries"/> does.
/// </summary>
public static class CrmRecordTypes
{
    public static void Register(IServiceCollection services)
    {
        services.AddCustomFieldEntityType("lead", new LocalizedText("Lead", "线索"));
        services.AddCustomFieldEntityType("opportunity", new LocalizedText("Opportunity", "商机"));
        services.AddCustomFieldEntityType("ticket", new LocalizedText("Ticket", "工单"));
        services.AddCustomFieldEntityType("complaint", new LocalizedText("Complaint", "投诉"));
    }
}
