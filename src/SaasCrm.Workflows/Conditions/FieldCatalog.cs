using SaasCrm.Platform.Permissions;

namespace SaasCrm.Workflows.Conditions;

/// <summary>
/// The fields a definition may name: the record type's catalogue (custom fields as "cf.*"), declared variables
/// ("var.*") and event data ("event.*", typed by the value compared with it).
/// </summary>
public sealed class FieldCatalog(IReadOnlyList<WorkflowFieldDefinition> recordFields, IReadOnlyList<WorkflowVariable> variables)
{
    public static readonly FieldCatalog Empty = new([], []);

    public IReadOnlyList<WorkflowFieldDefinition> RecordFields { get; } = recordFields;
    public IReadOnlyList<WorkflowVariable> Variables { get; } = variables;

    /// <summary>The type of a field, null when unknown; event fields answer null type with <paramref name="dynamic"/> true.</summary>
    public bool TryResolve(string name, out WorkflowFieldType? type, out bool dynamic)
    {
        dynamic = false;
        type = null;
        if (name.StartsWith("event.", StringComparison.Ordinal) && name.Length > 6)
        {
            dynamic = true;
            return true;
        }
        if (name.StartsWith("var.", StringComparison.Ordinal))
        {
            var variable = Variables.FirstOrDefault(v => v.Name == name[4..]);
            if (variable is null) return false;
            type = VariableType(variable.Type);
            return true;
        }
        var field = RecordFields.FirstOrDefault(f => f.Name == name);
        if (field is null) return false;
        type = field.Type;
        return true;
    }

    public WorkflowFieldDefinition? Field(string name) => RecordFields.FirstOrDefault(f => f.Name == name);

    public static WorkflowFieldType VariableType(string type) => type switch
    {
        "number" => WorkflowFieldType.Number,
        "boolean" => WorkflowFieldType.Boolean,
        "dateTime" => WorkflowFieldType.DateTime,
        "user" => WorkflowFieldType.User,
        _ => WorkflowFieldType.Text,
    };

    public static readonly LocalizedText Unknown = new("Unknown", "未知");
}
