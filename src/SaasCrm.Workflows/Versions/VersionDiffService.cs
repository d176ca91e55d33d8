using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Workflows.Definitions;
using SaasCrm.Workflows.Runtime;

namespace SaasCrm.Workflows.Versions;

public sealed record StepChange(string StepId, string Activity, IReadOnlyList<string> ChangedPaths);

public sealed record VersionDiff(int From, int To, IReadOnlyList<string> TriggerChanges, IReadOnlyList<string> StepsAdded, IReadOnlyList<string> StepsRemoved,
    IReadOnlyList<StepChange> StepsChanged, bool StartStepChanged, bool VariablesChanged);

/// <summary>What changed between two versions: trigger paths, steps added/removed, and changed property paths per step.</summary>
public sealed class VersionDiffService(PlatformDbContext db)
{
    public async Task<VersionDiff> DiffAsync(Guid definitionId, int from, int to, CancellationToken ct)
    {
        var versions = await db.Set<WorkflowVersion>().AsNoTracking().Where(v => v.DefinitionId == definitionId && (v.Number == from || v.Number == to)).ToListAsync(ct);
        var a = versions.FirstOrDefault(v => v.Number == from) ?? throw new EntityNotFoundException("WorkflowVersion", from);
        var b = versions.FirstOrDefault(v => v.Number == to) ?? throw new EntityNotFoundException("WorkflowVersion", to);
        return Diff(from, to, WorkflowJson.Model(a.ModelJson), WorkflowJson.Model(b.ModelJson));
    }

    public static VersionDiff Diff(int from, int to, WorkflowDefinitionModel a, WorkflowDefinitionModel b)
    {
        var trigger = Paths(Node(a.Trigger), Node(b.Trigger), "trigger").ToList();
        var stepsA = a.Steps.ToDictionary(s => s.Id);
        var stepsB = b.Steps.ToDictionary(s => s.Id);
        var changed = stepsB.Values.Where(s => stepsA.ContainsKey(s.Id))
            .Select(s => new StepChange(s.Id, s.Activity, Paths(Node(stepsA[s.Id]), Node(s), "").ToList()))
            .Where(c => c.ChangedPaths.Count > 0).ToList();
        return new VersionDiff(from, to, trigger, stepsB.Keys.Except(stepsA.Keys).ToList(), stepsA.Keys.Except(stepsB.Keys).ToList(), changed,
            a.StartStepId != b.StartStepId, !JsonNode.DeepEquals(Node(a.Variables), Node(b.Variables)));
    }

    private static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, WorkflowJson.Options);

    private static IEnumerable<string> Paths(JsonNode? a, JsonNode? b, string path)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
                foreach (var p in Paths(oa[key], ob[key], path.Length == 0 ? key : $"{path}.{key}")) yield return p;
        }
        else if (!JsonNode.DeepEquals(a, b))
        {
            yield return path;
        }
    }
}
