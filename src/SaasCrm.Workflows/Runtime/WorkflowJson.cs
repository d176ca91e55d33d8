using System.Text.Json;
using System.Text.Json.Nodes;

namespace SaasCrm.Workflows.Runtime;

public static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static WorkflowDefinitionModel Model(string json) => JsonSerializer.Deserialize<WorkflowDefinitionModel>(json, Options) ?? new();
    public static WorkflowLayout Layout(string json) => JsonSerializer.Deserialize<WorkflowLayout>(json, Options) ?? new();
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
    public static JsonObject Object(string json) => JsonNode.Parse(json) as JsonObject ?? [];
    public static Dictionary<string, string?> Data(string json) => JsonSerializer.Deserialize<Dictionary<string, string?>>(json, Options) ?? [];
    public static Dictionary<string, int> Counts(string json) => JsonSerializer.Deserialize<Dictionary<string, int>>(json, Options) ?? [];
}
