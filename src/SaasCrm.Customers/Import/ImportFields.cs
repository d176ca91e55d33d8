using SaasCrm.Platform.CustomFields;

namespace SaasCrm.Customers.Import;

/// <summary>A column a file can be mapped to; custom fields are <c>cf.{name}</c>.</summary>
public sealed record ImportField(string Key, string LabelEn, string LabelZh, bool Required = false, string[]? Aliases = null);

/// <summary>The customer and contact fields an import can fill, with the header texts that map to them automatically.</summary>
public static class ImportFields
{
    public const string Name = "name", Kind = "kind", Level = "level", Source = "source", Industry = "industry", Phones = "phones",
        Emails = "emails", Tags = "tags", Province = "province", City = "city", District = "district", Address = "address",
        Website = "website", Remark = "remark", Owner = "owner", ContactName = "contactName", ContactMobile = "contactMobile",
        ContactEmail = "contactEmail", ContactTitle = "contactTitle";

    public const string CustomPrefix = "cf.";

    public static readonly IReadOnlyList<ImportField> Standard =
    [
        new(Name, "Customer name", "客户名称", true, ["name", "customer", "company", "客户", "公司名称", "名称"]),
        new(Kind, "Kind", "客户类型", Aliases: ["type", "类型"]),
        new(Level, "Level", "客户级别", Aliases: ["级别"]),
        new(Source, "Source", "客户来源", Aliases: ["来源"]),
        new(Industry, "Industry", "行业"),
        new(Phones, "Phones", "电话", Aliases: ["phone", "tel", "telephone", "座机", "联系电话"]),
        new(Emails, "Emails", "邮箱", Aliases: ["email", "e-mail", "mail", "电子邮件"]),
        new(Tags, "Tags", "标签", Aliases: ["tag"]),
        new(Province, "Province", "省份", Aliases: ["省"]),
        new(City, "City", "城市", Aliases: ["市"]),
        new(District, "District", "区县", Aliases: ["区", "县"]),
        new(Address, "Address", "地址", Aliases: ["详细地址"]),
        new(Website, "Website", "网址", Aliases: ["web", "url", "官网"]),
        new(Remark, "Remark", "备注", Aliases: ["note", "notes", "remarks"]),
        new(Owner, "Owner (user name)", "负责人", Aliases: ["owner", "负责人账号", "负责人用户名"]),
        new(ContactName, "Contact name", "联系人", Aliases: ["contact", "联系人姓名"]),
        new(ContactMobile, "Contact mobile", "联系人手机", Aliases: ["mobile", "手机", "手机号"]),
        new(ContactEmail, "Contact email", "联系人邮箱"),
        new(ContactTitle, "Contact title", "联系人职务", Aliases: ["title", "职务", "职位"]),
    ];

    public static IReadOnlyList<ImportField> All(IEnumerable<CustomFieldDefinition> customFields) =>
        [.. Standard, .. customFields.Where(f => !f.IsHidden).OrderBy(f => f.Sort)
            .Select(f => new ImportField(CustomPrefix + f.Name, f.LabelEn, f.LabelZh, f.IsRequired && f.DefaultValue is null, [f.Name]))];

    /// <summary>Proposes a field for each header by key, label or alias (case and spaces ignored); unmatched headers map to nothing.</summary>
    public static Dictionary<string, string?> Guess(IEnumerable<string> headers, IReadOnlyList<ImportField> fields)
    {
        var used = new HashSet<string>();
        var mapping = new Dictionary<string, string?>();
        foreach (var header in headers)
        {
            var h = Simplify(header);
            var field = fields.FirstOrDefault(f => !used.Contains(f.Key) &&
                (Simplify(f.Key) == h || Simplify(f.LabelEn) == h || Simplify(f.LabelZh) == h || (f.Aliases ?? []).Any(a => Simplify(a) == h)));
            if (field is not null) used.Add(field.Key);
            mapping[header] = field?.Key;
        }
        return mapping;
    }

    private static string Simplify(string text) =>
        new(text.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
