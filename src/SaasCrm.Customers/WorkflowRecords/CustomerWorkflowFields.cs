using Microsoft.EntityFrameworkCore.ChangeTracking;
using SaasCrm.Customers.Domain;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Permissions;
using SaasCrm.Workflows;

namespace SaasCrm.Customers.WorkflowRecords;

/// <summary>The customer fields workflows may read (and the few they may write), and the mapping to entity properties.</summary>
public static class CustomerWorkflowFields
{
    public static readonly IReadOnlyList<WorkflowFieldDefinition> All =
    [
        new("name", WorkflowFieldType.Text, new LocalizedText("Name", "名称")),
        new("kind", WorkflowFieldType.Text, new LocalizedText("Kind", "类型"), Values: ["Company", "Person"]),
        new("level", WorkflowFieldType.Dictionary, new LocalizedText("Level", "级别"), CustomerDictionaries.Level, Writable: true),
        new("source", WorkflowFieldType.Dictionary, new LocalizedText("Source", "来源"), CustomerDictionaries.Source, Writable: true),
        new("industry", WorkflowFieldType.Dictionary, new LocalizedText("Industry", "行业"), CustomerDictionaries.Industry, Writable: true),
        new("province", WorkflowFieldType.Text, new LocalizedText("Province", "省份")),
        new("city", WorkflowFieldType.Text, new LocalizedText("City", "城市")),
        new("ownerId", WorkflowFieldType.User, new LocalizedText("Owner", "负责人")),
        new("tags", WorkflowFieldType.Text, new LocalizedText("Tags", "标签")),
        new("locked", WorkflowFieldType.Boolean, new LocalizedText("Locked", "锁定")),
        new("nextFollowUpAt", WorkflowFieldType.DateTime, new LocalizedText("Next follow-up", "下次跟进"), Writable: true),
        new("lastFollowUpAt", WorkflowFieldType.DateTime, new LocalizedText("Last follow-up", "最近跟进")),
    ];

    private static readonly Dictionary<string, string> PropertyToField = new()
    {
        [nameof(Customer.Name)] = "name", [nameof(Customer.Kind)] = "kind", [nameof(Customer.LevelCode)] = "level",
        [nameof(Customer.SourceCode)] = "source", [nameof(Customer.IndustryCode)] = "industry", [nameof(Customer.Province)] = "province",
        [nameof(Customer.City)] = "city", [nameof(Customer.OwnerId)] = "ownerId", [nameof(Customer.Tags)] = "tags",
        [nameof(Customer.IsLocked)] = "locked", [nameof(Customer.NextFollowUpAt)] = "nextFollowUpAt", [nameof(Customer.LastFollowUpAt)] = "lastFollowUpAt",
    };

    public static Dictionary<string, object?> ValuesOf(Customer c) => new()
    {
        ["name"] = c.Name, ["kind"] = c.Kind.ToString(), ["level"] = c.LevelCode, ["source"] = c.SourceCode, ["industry"] = c.IndustryCode,
        ["province"] = c.Province, ["city"] = c.City, ["ownerId"] = c.OwnerId, ["tags"] = string.Join(",", c.Tags), ["locked"] = c.IsLocked,
        ["nextFollowUpAt"] = c.NextFollowUpAt, ["lastFollowUpAt"] = c.LastFollowUpAt,
    };

    public static void Set(Customer c, string field, object? value)
    {
        switch (field)
        {
            case "level": c.LevelCode = value as string; break;
            case "source": c.SourceCode = value as string; break;
            case "industry": c.IndustryCode = value as string; break;
            case "nextFollowUpAt": c.NextFollowUpAt = value as DateTime?; break;
            default: throw new BusinessException("customer.workflow_field_readonly", $"Workflows cannot write the customer field '{field}'.");
        }
    }

    /// <summary>Catalogue names of the fields an update changed (for RecordUpdated signals).</summary>
    public static List<string> Changed(EntityEntry<Customer> entry) =>
        entry.Properties.Where(p => p.IsModified && PropertyToField.ContainsKey(p.Metadata.Name)).Select(p => PropertyToField[p.Metadata.Name]).ToList();
}
