namespace SaasCrm.Workflows.Assignment;

/// <param name="LastAssignedAt">When the candidate last got work from a workflow (null: never).</param>
public sealed record CandidateLoad(Guid UserId, int Load, DateTime? LastAssignedAt);

/// <summary>The pure selection rules of the assignment strategies.</summary>
public static class AssignmentRules
{
    /// <summary>
    /// The candidate after <paramref name="lastUserId"/> in id order, wrapping around. Ordering by id (not by list
    /// position) keeps the rotation fair when candidates come and go (absence, new agents).
    /// </summary>
    public static Guid? NextRoundRobin(IEnumerable<Guid> candidates, Guid? lastUserId)
    {
        var ordered = candidates.Distinct().OrderBy(g => g).ToList();
        if (ordered.Count == 0) return null;
        if (lastUserId is null) return ordered[0];
        foreach (var c in ordered)
            if (c.CompareTo(lastUserId.Value) > 0) return c;
        return ordered[0];
    }

    /// <summary>
    /// Fewest open items among those under <paramref name="capacity"/>; ties go to whoever waited longest
    /// (never assigned first, then the oldest last assignment), then by id for a stable answer.
    /// </summary>
    public static Guid? LeastLoaded(IEnumerable<CandidateLoad> candidates, int? capacity) =>
        candidates
            .Where(c => capacity is null || c.Load < capacity)
            .OrderBy(c => c.Load)
            .ThenBy(c => c.LastAssignedAt ?? DateTime.MinValue)
            .ThenBy(c => c.UserId)
            .Select(c => (Guid?)c.UserId)
            .FirstOrDefault();
}
