using SaasCrm.Service.Reports;
using SaasCrm.Service.Reports.Shared;

namespace SaasCrm.Service.Consultations;

/// <summary>
/// Grouping shared by the consultation and return reports, which group facts read into memory: period keys in the
/// tenant's time zone, rows by a dimension's key with the labels the caller passes, and a total row.
/// </summary>
internal static class ReportGrouping
{
    /// <summary>The period (day, ISO week from Monday, month; month when unset) a UTC instant falls in, in the tenant's time zone.</summary>
    public static string PeriodKey(DateTime at, ReportQuery query) =>
        ReportPeriods.Bucket(ReportPeriods.LocalDate(ReportPeriods.Zone(query.TimeZone), at), query.Period ?? "month").Key;

    /// <summary>The readable label of a <see cref="PeriodKey"/> ("2026-W45 (11-02)" for a week).</summary>
    public static string PeriodLabel(string key, ReportQuery query) => ReportPeriods.Label(key, query.Period ?? "month");

    /// <summary>Rows ordered by key (periods chronologically), each measured by <paramref name="measure"/>; the total measures all facts.</summary>
    public static ReportResult Build<T>(IReadOnlyList<T> facts, Func<T, string?> key, Func<string, string> label, bool zh,
        Func<IReadOnlyList<T>, IReadOnlyDictionary<string, decimal?>> measure)
    {
        var rows = facts.GroupBy(f => key(f) ?? "")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReportRow(g.Key, g.Key == "" ? ReportLabels.None(zh) : label(g.Key), measure(g.ToList())))
            .ToList();
        return new ReportResult(rows, new ReportRow("total", ReportLabels.Total(zh), measure(facts)));
    }
}
