using SaasCrm.Platform.CustomFields;

namespace SaasCrm.Customers.Export;

/// <summary>The columns a customer export can have; custom fields are <c>cf.{name}</c>.</summary>
public static class ExportColumns
{
    public static readonly IReadOnlyList<ExportColumnDto> Standard =
    [
        new("name", "Customer name", "客户名称"), new("kind", "Kind", "客户类型"), new("level", "Level", "客户级别"),
        new("source", "Source", "客户来源"), new("industry", "Industry", "行业"), new("phones", "Phones", "电话"),
        new("emails", "Emails", "邮箱"), new("tags", "Tags", "标签"), new("province", "Province", "省份"), new("city", "City", "城市"),
        new("district", "District", "区县"), new("address", "Address", "地址"), new("website", "Website", "网址"),
        new("remark", "Remark", "备注"), new("owner", "Owner", "负责人"), new("contactName", "Primary contact", "首要联系人"),
        new("contactMobile", "Contact mobile", "联系人手机"), new("contactEmail", "Contact email", "联系人邮箱"),
        new("contactTitle", "Contact title", "联系人职务"), new("lastFollowUpAt", "Last follow-up", "最近跟进"),
        new("nextFollowUpAt", "Next follow-up", "下次跟进"), new("createdAt", "Created", "创建时间"),
    ];

    public static readonly IReadOnlyList<string> Default =
        ["name", "kind", "level", "source", "industry", "phones", "emails", "province", "city", "owner", "contactName", "contactMobile", "createdAt"];

    public static IReadOnlyList<ExportColumnDto> All(IEnumerable<CustomFieldDefinition> customFields) =>
        [.. Standard, .. customFields.Where(f => !f.IsHidden).OrderBy(f => f.Sort).Select(f => new ExportColumnDto("cf." + f.Name, f.LabelEn, f.LabelZh))];
}
