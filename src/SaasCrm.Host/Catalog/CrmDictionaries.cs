using SaasCrm.Platform.Dictionaries;

namespace SaasCrm.Host.Catalog;

/// <summary>
/// The dictionaries every new tenant starts with. Each group moves into its module (Sales) when
/// that module lands (the customer and service dictionaries already live in their modules); until then the composition root declares them.
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
    }
}
