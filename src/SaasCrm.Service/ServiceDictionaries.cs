using SaasCrm.Platform.Dictionaries;

namespace SaasCrm.Service;

/// <summary>Dictionaries of tickets and complaints, seeded for every tenant and editable by its admins.</summary>
internal sealed class ServiceDictionaries : DictionaryDefinitionProvider
{
    public const string TicketCategory = "ticket-category";
    public const string TicketPriority = "ticket-priority";
    public const string ComplaintType = "complaint-type";
    public const string ComplaintSeverity = "complaint-severity";
    public const string ProductCategory = "product-category";
    public const string Brand = "brand";

    public override void Define(DictionaryDefinitionContext context)
    {
        context.Add(TicketCategory, "Ticket category", "工单类别")
            .Item("repair", "Repair", "维修", isDefault: true).Item("installation", "Installation", "安装").Item("consultation", "Consultation", "咨询")
            .Item("return", "Return or exchange", "退换货").Item("other", "Other", "其他");
        context.Add(TicketPriority, "Ticket priority", "工单优先级")
            .Item("urgent", "Urgent", "紧急", color: "#f5222d").Item("high", "High", "高", color: "#fa8c16")
            .Item("normal", "Normal", "普通", isDefault: true, color: "#1677ff").Item("low", "Low", "低", color: "#8c8c8c");
        context.Add(ComplaintType, "Complaint type", "客诉类型")
            .Item("quality", "Product quality", "产品质量", isDefault: true).Item("service", "Service attitude", "服务态度")
            .Item("delivery", "Delivery and installation", "配送安装").Item("price", "Price", "价格").Item("after-sales", "After-sales", "售后维修")
            .Item("other", "Other", "其他");
        context.Add(ComplaintSeverity, "Complaint severity", "客诉严重程度")
            .Item("critical", "Critical", "重大", color: "#f5222d").Item("major", "Major", "严重", color: "#fa8c16")
            .Item("normal", "Normal", "一般", isDefault: true, color: "#1677ff").Item("minor", "Minor", "轻微", color: "#8c8c8c");
        context.Add(ProductCategory, "Product category", "商品品类")
            .Item("appliances", "Home appliances", "家用电器", isDefault: true).Item("digital", "Digital and phones", "数码通讯")
            .Item("computers", "Computers", "电脑办公").Item("kitchen", "Kitchen", "厨卫").Item("other", "Other", "其他");
        context.Add(Brand, "Brand", "品牌")
            .Item("haier", "Haier", "海尔").Item("midea", "Midea", "美的").Item("gree", "Gree", "格力").Item("huawei", "Huawei", "华为")
            .Item("other", "Other", "其他", isDefault: true);
    }
}
