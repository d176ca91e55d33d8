using System.Globalization;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Http;
using SaasCrm.Service.Reports;

namespace SaasCrm.Service.Consultations;

/// <summary>
/// Grouping shared by the consultation and return reports: rows by a dimension's key with readable labels (dictionary
/// items in the caller's language, department names, periods), a total row, and the period checks.
/// </summary>
internal static class ReportGrouping
{
    public static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static void CheckPeriod(ReportQuery query, IReadOnlyList<ReportDimension> dimensions)
    {
        if (query.To <= query.From) throw RequestValidationException.For("to", "report.bad_period", "The end of the period must be after its start.");
        if (dimensions.All(d => d.Key != query.GroupBy))
            throw RequestValidationException.For("groupBy", "report.unknown_dimension", $"Group by one of: {string.Join(", ", dimensions.Select(d => d.Key))}.");
        if (query.GroupBy == "period" && query.Period is not (null or "day" or "week" or "month"))
            throw RequestValidationException.For("period", "report.unknown_period", "Period must be day, week or month.");
    }

    /// <summary>The period (day, ISO week from Monday, month; month when unset) a UTC instant falls in, in the tenant's time zone.</summary>
    public static string PeriodKey(DateTime at, ReportQuery query) =>
        Reports.Shared.ReportPeriods.Bucket(Reports.Shared.ReportPeriods.LocalDate(Reports.Shared.ReportPeriods.Zone(query.TimeZone), at), query.Period ?? "month").Key;

    /// <summary>The readable label of a <see cref="PeriodKey"/> ("2026-W45 (11-02)" for a week).</summary>
    public static string PeriodLabel(string key, ReportQuery query) => Reports.Shared.ReportPeriods.Label(key, query.Period ?? "month");

    public static async Task<Func<string, string>> DictionaryLabelsAsync(IDictionaryLookup dictionaries, string type, CancellationToken ct)
    {
        var items = (await dictionaries.ItemsAsync(type, ct)).ToDictionary(i => i.Code, i => Chinese ? i.LabelZh : i.LabelEn);
        return code => items.GetValueOrDefault(code, code);
    }

    public static string None => Chinese ? "（未填）" : "(none)";

    /// <summary>Rows ordered by key (periods chronologically), each measured by <paramref name="measure"/>; the total measures all facts.</summary>
    public static ReportResult Build<T>(IReadOnlyList<T> facts, Func<T, string?> key, Func<string, string> label,
        Func<IReadOnlyList<T>, IReadOnlyDictionary<string, decimal?>> measure)
    {
        var rows = facts.GroupBy(f => key(f) ?? "")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReportRow(g.Key, g.Key == "" ? None : label(g.Key), measure(g.ToList())))
            .ToList();
        return new ReportResult(rows, new ReportRow("total", Chinese ? "合计" : "Total", measure(facts)));
    }

    public static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);
}
