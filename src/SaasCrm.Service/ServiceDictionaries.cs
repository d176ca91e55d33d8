using SaasCrm.Platform.Dictionaries;

namespace SaasCrm.Service;

/// <summary>Dictionaries of tickets and complaints, seeded for every tenant and editable by its admins.</summary>
internal sealed class ServiceDictionaries : DictionaryDefinitionProvider
{
    public const string TicketCategory = "ticket-category";
    public const string TicketPriority = "ticket-priority";
    public const string ComplaintType = "complaint-type";
    public const string ComplaintSeverity = "severity";
    public const string ProductCategory = "product-category";
    public const string Brand = "brand";

    public override void Define(DictionaryDefinitionContext context)
    {
        context.Add(TicketCategory, "Ticket category", "工单类别")
            .Item("repair", "Repair", "维修").Item("installation", "Installation", "安装").Item("maintenance", "Maintenance", "保养")
            .Item("question", "Question", "咨询", isDefault: true).Item("return", "Return or exchange", "退换货");
        context.Add(TicketPriority, "Ticket priority", "工单优先级")
            .Item("urgent", "Urgent", "紧急", color: "#f5222d").Item("high", "High", "高", color: "#fa8c16")
            .Item("normal", "Normal", "普通", isDefault: true, color: "#1677ff").Item("low", "Low", "低", color: "#8c8c8c");
        context.Add(ComplaintType, "Complaint type", "投诉类型")
            .Item("product-quality", "Product quality", "产品质量").Item("delivery", "Delivery", "物流配送").Item("installation", "Installation", "安装服务")
            .Item("attitude", "Service attitude", "服务态度").Item("price", "Price", "价格").Item("after-sales", "After-sales", "售后维修");
        context.Add(ComplaintSeverity, "Severity", "严重程度")
            .Item("low", "Low", "一般", color: "#8c8c8c", isDefault: true).Item("medium", "Medium", "较重", color: "#fa8c16")
            .Item("high", "High", "严重", color: "#f5222d").Item("critical", "Critical", "重大", color: "#a8071a");
        context.Add(ProductCategory, "Product category", "商品品类")
            .Item("appliances", "Home appliances", "家用电器", isDefault: true).Item("digital", "Digital and phones", "数码通讯")
            .Item("computers", "Computers", "电脑办公").Item("kitchen", "Kitchen", "厨卫").Item("other", "Other", "其他");
        context.Add(Brand, "Brand", "品牌")
            .Item("haier", "Haier", "海尔").Item("midea", "Midea", "美的").Item("gree", "Gree", "格力").Item("huawei", "Huawei", "华为")
            .Item("other", "Other", "其他", isDefault: true);
        // For the consultation and return records that follow (kept here since the composition root handed them over).
        context.Add("enquiry-type", "Enquiry type", "咨询类型")
            .Item("product", "Product", "产品咨询", isDefault: true).Item("price", "Price", "价格咨询").Item("order", "Order status", "订单查询")
            .Item("promotion", "Promotion", "促销活动").Item("after-sales", "After-sales policy", "售后政策");
        context.Add("return-reason", "Return reason", "退换货原因")
            .Item("quality", "Quality problem", "质量问题").Item("wrong-item", "Wrong item", "发错货").Item("damaged", "Damaged in transit", "运输损坏")
            .Item("not-as-described", "Not as described", "与描述不符").Item("changed-mind", "Changed mind", "七天无理由");
    }
}
