using SaasCrm.Platform.Dictionaries;

namespace SaasCrm.Customers;

/// <summary>Dictionaries the customer records use, seeded for every tenant.</summary>
internal sealed class CustomerDictionaries : DictionaryDefinitionProvider
{
    public const string Source = "customer-source";
    public const string Industry = "industry";
    public const string Level = "customer-level";
    public const string ContactMethod = "contact-method";

    public override void Define(DictionaryDefinitionContext context)
    {
        context.Add(Source, "Customer source", "客户来源")
            .Item("web", "Website", "官网", isDefault: true).Item("referral", "Referral", "转介绍").Item("exhibition", "Exhibition", "展会")
            .Item("cold-call", "Cold call", "电话开发").Item("partner", "Partner", "合作伙伴").Item("ad", "Advertising", "广告");
        context.Add(Industry, "Industry", "行业")
            .Item("manufacturing", "Manufacturing", "制造业").Item("retail", "Retail", "零售").Item("it", "IT and software", "IT/软件")
            .Item("finance", "Finance", "金融").Item("education", "Education", "教育").Item("healthcare", "Healthcare", "医疗").Item("other", "Other", "其他");
        context.Add(Level, "Customer level", "客户级别")
            .Item("a", "A – key", "A 重点客户", color: "#f5222d").Item("b", "B – regular", "B 普通客户", color: "#fa8c16", isDefault: true)
            .Item("c", "C – low", "C 低价值客户", color: "#8c8c8c");
        context.Add(ContactMethod, "Contact method", "联系方式")
            .Item("phone", "Phone", "电话", isDefault: true).Item("wechat", "WeChat", "微信").Item("qq", "QQ", "QQ").Item("email", "Email", "邮件")
            .Item("visit", "Visit", "拜访").Item("sms", "SMS", "短信");
    }
}
