namespace SaasCrm.Service.Complaints;

/// <summary>One complaint with what the statistics need: its groups, whether it is closed, its replies' timeliness and its return visits.</summary>
public sealed record ComplaintFacts(string Type, string Severity, Guid? DepartmentId, bool Closed, IReadOnlyList<bool> ReplyOnTime, IReadOnlyList<(bool Satisfied, int Rating)> Visits);

/// <summary>The quantified complaint statistics (V6): counts, on-time reply rate, average rating and satisfied rate per group.</summary>
public static class ComplaintStatisticsMath
{
    /// <summary>A reply is on time when it comes no later than the deadline; without a deadline it is on time.</summary>
    public static bool IsOnTime(DateTime repliedAt, DateTime? deadline) => deadline is null || repliedAt <= deadline.Value;

    public static ComplaintStatisticsRow Row(string key, string? label, IReadOnlyCollection<ComplaintFacts> complaints)
    {
        var replies = complaints.SelectMany(c => c.ReplyOnTime).ToList();
        var visits = complaints.SelectMany(c => c.Visits).ToList();
        var onTime = replies.Count(r => r);
        var satisfied = visits.Count(v => v.Satisfied);
        var closed = complaints.Count(c => c.Closed);
        return new ComplaintStatisticsRow(key, label, complaints.Count, closed, complaints.Count - closed, replies.Count, onTime,
            Rate(onTime, replies.Count), visits.Count, satisfied,
            visits.Count == 0 ? null : Math.Round((decimal)visits.Sum(v => v.Rating) / visits.Count, 2),
            Rate(satisfied, visits.Count));
    }

    public static IReadOnlyList<ComplaintStatisticsRow> GroupBy(IReadOnlyCollection<ComplaintFacts> complaints, Func<ComplaintFacts, string> key, Func<string, string?> label) =>
        complaints.GroupBy(key).Select(g => Row(g.Key, label(g.Key), g.ToList())).OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

    /// <summary>A share rounded to four places (0.6667), null when there is nothing to measure.</summary>
    public static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
}
