using System.Text.Json.Nodes;
using SaasCrm.Platform.Permissions;
using SaasCrm.Workflows.Conditions;

namespace SaasCrm.Workflows.Tests;

public sealed class ConditionTests
{
    private static readonly LocalizedText L = new("x", "x");
    private static readonly FieldCatalog Catalog = new(
        [
            new("severity", WorkflowFieldType.Dictionary, L), new("amount", WorkflowFieldType.Number, L), new("name", WorkflowFieldType.Text, L),
            new("dueAt", WorkflowFieldType.DateTime, L), new("vip", WorkflowFieldType.Boolean, L), new("ownerId", WorkflowFieldType.User, L),
            new("cf.region", WorkflowFieldType.Text, L),
        ],
        [new WorkflowVariable { Name = "round", Type = "number" }]);

    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Dictionary<string, object?> Values = new()
    {
        ["severity"] = "high", ["amount"] = 1500m, ["name"] = "Acme Trading", ["dueAt"] = new DateTime(2030, 1, 2, 3, 0, 0, DateTimeKind.Utc),
        ["vip"] = true, ["ownerId"] = Owner, ["cf.region"] = null, ["var.round"] = 2m, ["event.satisfied"] = "false", ["event.rating"] = "4",
    };

    private static bool Eval(string json) => ConditionEvaluator.Evaluate(JsonNode.Parse(json), Catalog, f => Values.GetValueOrDefault(f));

    [Theory]
    [InlineData("""{"field":"severity","op":"eq","value":"high"}""", true)]
    [InlineData("""{"field":"severity","op":"eq","value":"HIGH"}""", false)]
    [InlineData("""{"field":"severity","op":"ne","value":"low"}""", true)]
    [InlineData("""{"field":"amount","op":"gt","value":1000}""", true)]
    [InlineData("""{"field":"amount","op":"gt","value":"1500"}""", false)]
    [InlineData("""{"field":"amount","op":"gte","value":1500}""", true)]
    [InlineData("""{"field":"amount","op":"lt","value":200}""", false)]
    [InlineData("""{"field":"amount","op":"lte","value":1500.0}""", true)]
    [InlineData("""{"field":"amount","op":"eq","value":"1500.00"}""", true)]
    [InlineData("""{"field":"severity","op":"in","value":["low","high"]}""", true)]
    [InlineData("""{"field":"severity","op":"notIn","value":["low","medium"]}""", true)]
    [InlineData("""{"field":"name","op":"contains","value":"trading"}""", true)]
    [InlineData("""{"field":"name","op":"notContains","value":"bank"}""", true)]
    [InlineData("""{"field":"name","op":"startsWith","value":"acme"}""", true)]
    [InlineData("""{"field":"name","op":"startsWith","value":"Trading"}""", false)]
    [InlineData("""{"field":"cf.region","op":"isEmpty"}""", true)]
    [InlineData("""{"field":"name","op":"isNotEmpty"}""", true)]
    [InlineData("""{"field":"dueAt","op":"gt","value":"2030-01-02T10:00:00+08:00"}""", true)]
    [InlineData("""{"field":"dueAt","op":"lt","value":"2030-01-02T03:00:00Z"}""", false)]
    [InlineData("""{"field":"vip","op":"eq","value":true}""", true)]
    [InlineData("""{"field":"vip","op":"eq","value":"false"}""", false)]
    [InlineData("""{"field":"var.round","op":"gte","value":2}""", true)]
    [InlineData("""{"field":"event.satisfied","op":"eq","value":false}""", true)]
    [InlineData("""{"field":"event.rating","op":"gt","value":3}""", true)]
    public void Operators_compare_by_the_field_type(string condition, bool expected) => Assert.Equal(expected, Eval(condition));

    [Fact]
    public void User_fields_compare_as_ids()
    {
        Assert.True(Eval($$"""{"field":"ownerId","op":"eq","value":"{{Owner.ToString().ToUpperInvariant()}}"}"""));
        Assert.False(Eval($$"""{"field":"ownerId","op":"eq","value":"{{Guid.NewGuid()}}"}"""));
    }

    [Fact]
    public void All_any_and_not_combine()
    {
        Assert.True(Eval("""{"all":[{"field":"severity","op":"eq","value":"high"},{"any":[{"field":"amount","op":"lt","value":10},{"field":"vip","op":"eq","value":true}]}]}"""));
        Assert.False(Eval("""{"not":{"field":"severity","op":"eq","value":"high"}}"""));
        Assert.True(Eval("""{"all":[]}"""));
        Assert.False(Eval("""{"any":[]}"""));
    }
}
