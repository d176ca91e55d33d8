namespace SaasCrm.Workflows.Conditions;

/// <summary>The operators of the condition language and the field types each applies to.</summary>
public static class ConditionOperators
{
    public static readonly IReadOnlyList<string> All =
        ["eq", "ne", "gt", "gte", "lt", "lte", "in", "notIn", "contains", "notContains", "startsWith", "isEmpty", "isNotEmpty"];

    public static bool Allows(string op, WorkflowFieldType? type) => op switch
    {
        "eq" or "ne" or "isEmpty" or "isNotEmpty" => true,
        "gt" or "gte" or "lt" or "lte" => type is null or WorkflowFieldType.Number or WorkflowFieldType.DateTime,
        "in" or "notIn" => type is not WorkflowFieldType.Boolean,
        "contains" or "notContains" or "startsWith" => type is null or WorkflowFieldType.Text or WorkflowFieldType.Dictionary,
        _ => false,
    };

    /// <summary>Operators that need no value.</summary>
    public static bool IsUnary(string op) => op is "isEmpty" or "isNotEmpty";
}
