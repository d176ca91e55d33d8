using SaasCrm.Platform.Dictionaries;

namespace SaasCrm.Host.Catalog;

/// <summary>
/// The dictionaries every new tenant starts with. Each group moves into its module (Sales, Service) when
/// that module lands (the customer dictionaries already live in the Customers module); until then the composition root declares them.
/// </summary>
public sealed class CrmDictionaries : DictionaryDefinitionProvider
{
    public override void Define(DictionaryDefinitionContext context)
    {
        // Sales
        context.Add("opportunity-stage", "Opportunity stage", "商机阶段", numericValueName: "Win probability %")
            .Item("initial", "Initial contact", "初步接洽", 10, isDefault: true).Item("needs", "Needs analysis", "需求分析", 30)
            .Item("proposal", "Proposal", "方案报价", 50).Item("negotiation", "Negotiation", "谈判审核", 80)
            .Item("won", "Won", "赢单", 100, "#52c41a").Item("lost", "Lost", "输单", 0, "#8c8c8c");
        context.Add("lost-reason", "Lost reason", "输单原因")
            .Item("price", "Price", "价格").Item("competitor", "Competitor", "竞争对手").Item("no-budget", "No budget", "无预算")
            .Item("no-decision", "No decision", "未决策").Item("product-fit", "Product fit", "产品不匹配");

        // Service
        context.Add("complaint-type", "Complaint type", "投诉类型")
            .Item("product-quality", "Product quality", "产品质量").Item("delivery", "Delivery", "物流配送").Item("installation", "Installation", "安装服务")
            .Item("attitude", "Service attitude", "服务态度").Item("price", "Price", "价格").Item("after-sales", "After-sales", "售后维修");
        context.Add("severity", "Severity", "严重程度")
            .Item("low", "Low", "一般", color: "#8c8c8c", isDefault: true).Item("medium", "Medium", "较重", color: "#fa8c16")
            .Item("high", "High", "严重", color: "#f5222d").Item("critical", "Critical", "重大", color: "#a8071a");
        context.Add("ticket-category", "Ticket category", "工单类别")
            .Item("repair", "Repair", "维修").Item("installation", "Installation", "安装").Item("maintenance", "Maintenance", "保养")
            .Item("question", "Question", "咨询", isDefault: true).Item("return", "Return or exchange", "退换货");
        context.Add("enquiry-type", "Enquiry type", "咨询类型")
            .Item("product", "Product", "产品咨询", isDefault: true).Item("price", "Price", "价格咨询").Item("order", "Order status", "订单查询")
            .Item("promotion", "Promotion", "促销活动").Item("after-sales", "After-sales policy", "售后政策");
        context.Add("return-reason", "Return reason", "退换货原因")
            .Item("quality", "Quality problem", "质量问题").Item("wrong-item", "Wrong item", "发错货").Item("damaged", "Damaged in transit", "运输损坏")
            .Item("not-as-described", "Not as described", "与描述不符").Item("changed-mind", "Changed mind", "七天无理由");
    }
}
