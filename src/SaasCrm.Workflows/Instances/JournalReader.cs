using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Workflows.Runtime;

namespace SaasCrm.Workflows.Instances;

/// <summary>
/// An instance's journal for reading: step titles from the instance's version, user and department ids in the
/// arguments resolved to names with one query per kind (not per line). Old rows keep their stored text only.
/// </summary>
public sealed class JournalReader(PlatformDbContext db)
{
    /// <param name="steps">The steps of the instance's version by id.</param>
    public async Task<List<JournalDto>> ReadAsync(WorkflowInstance instance, IReadOnlyDictionary<string, WorkflowStep> steps, CancellationToken ct)
    {
        var rows = await db.Set<WorkflowJournalEntry>().AsNoTracking().Where(j => j.InstanceId == instance.Id).OrderBy(j => j.Sequence).ToListAsync(ct);
        var args = rows.ToDictionary(r => r.Sequence, r => r.ArgsJson is null ? new Dictionary<string, string?>() : WorkflowJson.Data(r.ArgsJson));

        var userIds = Ids(args.Values, "userId");
        var departmentIds = Ids(args.Values, "departmentId");
        var users = userIds.Count == 0 ? [] : await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var departments = departmentIds.Count == 0 ? [] : await db.Departments.AsNoTracking()
            .Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);

        return rows.Select(r =>
        {
            var a = args[r.Sequence];
            Resolve(a, "userId", "user", users);
            Resolve(a, "departmentId", "department", departments);
            var step = r.StepId is null ? null : steps.GetValueOrDefault(r.StepId);
            return new JournalDto(r.Sequence, r.At, r.StepId, step?.Name, step?.NameZh, r.Activity, r.Outcome, r.Message, r.Code, a);
        }).ToList();
    }

    private static List<Guid> Ids(IEnumerable<Dictionary<string, string?>> args, string key) =>
        args.Select(a => Guid.TryParse(a.GetValueOrDefault(key), out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();

    /// <summary>A deleted user or department keeps its id as the name, so the line still reads.</summary>
    private static void Resolve(Dictionary<string, string?> args, string idKey, string nameKey, Dictionary<Guid, string> names)
    {
        if (args.GetValueOrDefault(idKey) is { } raw && Guid.TryParse(raw, out var id))
            args[nameKey] = names.GetValueOrDefault(id) ?? raw;
    }
}
