using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Workflows.Definitions;
using SaasCrm.Workflows.Runtime;

namespace SaasCrm.Workflows.Instances;

/// <summary>The steps of workflow versions by id, for showing step titles instead of step ids: one query for all versions asked.</summary>
internal static class VersionSteps
{
    public static async Task<Dictionary<Guid, Dictionary<string, WorkflowStep>>> LoadAsync(PlatformDbContext db, IEnumerable<Guid> versionIds, CancellationToken ct)
    {
        var ids = versionIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var models = await db.Set<WorkflowVersion>().AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.ModelJson }).ToListAsync(ct);
        return models.ToDictionary(v => v.Id, v => WorkflowJson.Model(v.ModelJson).Steps.ToDictionary(s => s.Id));
    }

    public static WorkflowStep? Find(this Dictionary<Guid, Dictionary<string, WorkflowStep>> steps, Guid versionId, string? stepId) =>
        stepId is null ? null : steps.GetValueOrDefault(versionId)?.GetValueOrDefault(stepId);
}
