using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Identity;
using SaasCrm.Workflows.Activities;
using SaasCrm.Workflows.Agents;

namespace SaasCrm.Workflows.Assignment;

/// <param name="Reason">In English, for the record's history.</param>
/// <param name="Code">The reason for the UI (key workflows.assignmentReason.{code}); <paramref name="Args"/> are its values, names not ids.</param>
public sealed record AssignOutcome(Guid? UserId, Guid? DepartmentId, string Reason, string Code, IReadOnlyDictionary<string, string?> Args);

/// <summary>
/// Runs an Assign step: candidates (by route, then the candidate set), skill and availability filters, then the
/// strategy. The round-robin pointer and the decision row are tracked on the shared context and saved with the step.
/// </summary>
public sealed class Assigner(PlatformDbContext db, IAgentAvailability availability, UserManager<AppUser> users)
{
    public async Task<AssignOutcome?> AssignAsync(ActivityContext context, CancellationToken ct)
    {
        var props = context.Properties;
        var strategy = context.Text("strategy") ?? "user";
        var candidateSpec = Route(props, context) ?? props["candidates"] as JsonObject ?? [];

        if (strategy == "queue")
        {
            var queueDept = await DepartmentOfAsync(candidateSpec, context, ct);
            var queueName = await DepartmentNameAsync(queueDept, ct);
            return await DecideAsync(context, strategy, [], new AssignOutcome(null, queueDept, $"Queued for {queueName ?? "the department"}; agents claim it.", "queued",
                Args(("department", queueName))), ct);
        }
        if (strategy == "user")
        {
            var id = (context.Text("userField") is { } f ? context.Read(f) as Guid? : null)
                     ?? (context.Text("userVariable") is { } v ? context.Read("var." + v) as Guid? : null)
                     ?? Ids(candidateSpec["userIds"]).FirstOrDefault() as Guid?;
            if (id is null || !await db.Users.AnyAsync(u => u.Id == id && u.IsActive, ct))
                throw new BusinessException("workflow.invalid_user", $"Step '{context.Step.Id}' assigns to user '{id}', who does not exist or is inactive.");
            return await DecideAsync(context, strategy, [], new AssignOutcome(id, null, "Assigned to the named user.", "namedUser", Args()), ct);
        }
        if (strategy == "departmentHead")
        {
            var dept = await DepartmentOfAsync(candidateSpec, context, ct);
            var head = await db.Departments.Where(d => d.Id == dept).Select(d => d.HeadUserId).FirstOrDefaultAsync(ct);
            if (head is null) return await DecideAsync(context, strategy, [], null, ct);
            var deptName = await DepartmentNameAsync(dept, ct);
            return await DecideAsync(context, strategy, [], new AssignOutcome(head, dept, $"Assigned to the head of {deptName ?? "the department"}.", "departmentHead",
                Args(("department", deptName))), ct);
        }

        var candidates = await CandidatesAsync(candidateSpec, context, ct);
        if (context.Text("skill") is { } skill)
        {
            var skilled = await db.Set<AgentProfile>().AsNoTracking().Where(a => candidates.Contains(a.UserId)).ToListAsync(ct);
            candidates = skilled.Where(a => a.Skills.Contains(skill, StringComparer.OrdinalIgnoreCase)).Select(a => a.UserId).ToList();
        }
        var available = await availability.AvailableAsync(candidates, ct);
        var pool = candidates.Where(available.Contains).ToList();

        if (strategy == "roundRobin")
        {
            var named = context.Text("pool");
            var key = named ?? $"{context.DefinitionKey}:{context.Step.Id}";
            var pointer = await db.Set<RoundRobinPointer>().FirstOrDefaultAsync(p => p.Pool == key, ct);
            var previous = pointer?.LastUserId;
            var chosen = AssignmentRules.NextRoundRobin(pool, previous);
            var loads = candidates.Select(c => new CandidateLoad(c, 0, null)).ToList();
            if (chosen is null) return await DecideAsync(context, strategy, loads, null, ct, available);
            if (!context.DryRun)
            {
                if (pointer is null) db.Add(pointer = new RoundRobinPointer { Pool = key });
                pointer.LastUserId = chosen;
                pointer.Turns++;
                pointer.Version++;
            }
            // The pool is named only when the admin named it; the step's own pool goes without saying.
            // A previous agent since removed is still a previous turn; "a former user" stands in for the name.
            var after = previous is { } p ? await db.Users.Where(u => u.Id == p).Select(u => u.Name != "" ? u.Name : u.UserName).FirstOrDefaultAsync(ct) ?? "a former user" : null;
            var reason = $"Round robin{(named is null ? "" : $" in pool '{named}'")}: next after {after ?? "nobody (first turn)"}.";
            return await DecideAsync(context, strategy, loads, new AssignOutcome(chosen, null, reason, previous is null ? "roundRobinFirst" : "roundRobin",
                Args(("pool", named), ("previous", after))), ct, available);
        }
        if (strategy == "leastLoaded")
        {
            var counts = context.RecordType is null ? new Dictionary<Guid, int>() : await context.RecordType.CountOpenAssignedAsync(pool, ct);
            var last = await db.Set<AssignmentDecision>().AsNoTracking()
                .Where(d => d.ChosenUserId != null && pool.Contains(d.ChosenUserId.Value))
                .GroupBy(d => d.ChosenUserId!.Value).Select(g => new { g.Key, At = g.Max(d => d.At) }).ToDictionaryAsync(x => x.Key, x => x.At, ct);
            var loads = candidates.Select(c => new CandidateLoad(c, counts.GetValueOrDefault(c), last.TryGetValue(c, out var at) ? at : null)).ToList();
            var capacity = props["capacity"] is JsonValue cap ? cap.GetValue<int>() : (int?)null;
            var chosen = AssignmentRules.LeastLoaded(loads.Where(l => available.Contains(l.UserId)), capacity);
            if (chosen is null) return await DecideAsync(context, strategy, loads, null, ct, available);
            var load = loads.First(l => l.UserId == chosen).Load;
            var reason = $"Fewest open items ({load}) under capacity {capacity?.ToString() ?? "∞"}.";
            return await DecideAsync(context, strategy, loads, new AssignOutcome(chosen, null, reason, capacity is null ? "leastLoaded" : "leastLoadedCapped",
                Args(("load", load.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("capacity", capacity?.ToString(System.Globalization.CultureInfo.InvariantCulture)))), ct, available);
        }
        throw new BusinessException("workflow.bad_strategy", $"'{strategy}' is not an assignment strategy.");
    }

    private static Dictionary<string, string?> Args(params (string Key, string? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private async Task<string?> DepartmentNameAsync(Guid? id, CancellationToken ct) =>
        id is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;

    private static JsonObject? Route(JsonObject props, ActivityContext context)
    {
        if (props["routes"] is not JsonObject routes || routes["field"]?.GetValue<string>() is not { } field) return null;
        var value = Convert.ToString(context.Read(field), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return routes["map"]?[value] as JsonObject ?? routes["map"]?["*"] as JsonObject;
    }

    private static IEnumerable<Guid> Ids(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => Guid.TryParse(n?.GetValue<string>(), out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty);

    private async Task<Guid?> DepartmentOfAsync(JsonObject spec, ActivityContext context, CancellationToken ct)
    {
        if (Ids(spec["departmentIds"]).FirstOrDefault() is var d && d != Guid.Empty) return d;
        if (spec["departmentField"]?.GetValue<string>() is { } field && context.Read(field) is Guid g) return g;
        await Task.CompletedTask;
        return context.Record?.DepartmentId;
    }

    private async Task<List<Guid>> CandidatesAsync(JsonObject spec, ActivityContext context, CancellationToken ct)
    {
        var result = Ids(spec["userIds"]).ToList();
        var departments = Ids(spec["departmentIds"]).ToList();
        if (spec["departmentField"]?.GetValue<string>() is { } field && context.Read(field) is Guid g) departments.Add(g);
        // Departments and role narrow each other ("the team's service agents"); named userIds are always candidates.
        var role = spec["role"]?.GetValue<string>();
        var inRole = role is null ? null : (await users.GetUsersInRoleAsync(role)).Select(u => u.Id).ToHashSet();
        if (departments.Count > 0)
        {
            var members = await db.UserDepartments.Where(u => departments.Contains(u.DepartmentId)).Select(u => u.UserId).ToListAsync(ct);
            result.AddRange(inRole is null ? members : members.Where(inRole.Contains));
        }
        else if (inRole is not null) result.AddRange(inRole);
        return result.Distinct().ToList();
    }

    private async Task<AssignOutcome?> DecideAsync(ActivityContext context, string strategy, IReadOnlyList<CandidateLoad> loads, AssignOutcome? outcome,
        CancellationToken ct, IReadOnlySet<Guid>? available = null)
    {
        if (context.DryRun || context.RecordId is null) return outcome;
        db.Add(new AssignmentDecision
        {
            RecordType = context.RecordType?.Name ?? "", RecordId = context.RecordId.Value, InstanceId = context.InstanceId, StepId = context.Step.Id,
            Strategy = strategy,
            CandidatesJson = JsonSerializer.Serialize(loads.Select(l => new { l.UserId, l.Load, Available = available?.Contains(l.UserId) ?? true })),
            ChosenUserId = outcome?.UserId, ChosenDepartmentId = outcome?.DepartmentId,
            Reason = outcome?.Reason ?? "Nobody available.", ReasonCode = outcome?.Code ?? "nobodyAvailable",
            ReasonArgsJson = outcome is null || outcome.Args.Count == 0 ? null : JsonSerializer.Serialize(outcome.Args), At = context.Now,
        });
        await Task.CompletedTask;
        return outcome;
    }
}
