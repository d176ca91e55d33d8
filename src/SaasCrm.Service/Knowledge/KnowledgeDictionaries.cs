using SaasCrm.Platform.Dictionaries;

namespace SaasCrm.Service.Knowledge;

/// <summary>Article categories, seeded for every tenant and editable by its admins.</summary>
internal sealed class KnowledgeDictionaries : DictionaryDefinitionProvider
{
    public const string Category = "knowledge-category";

    public override void Define(DictionaryDefinitionContext context) =>
        context.Add(Category, "Knowledge category", "知识分类")
            .Item("product", "Product", "产品知识").Item("solution", "Solution", "解决方案").Item("case", "Case", "典型案例")
            .Item("countermeasure", "Countermeasure", "应对策略").Item("faq", "FAQ", "常见问题", isDefault: true).Item("training", "Training", "培训资料");
}
