using SaasCrm.Platform.Permissions;

namespace SaasCrm.Service.Reports;

/// <summary>
/// One service report (ticket volumes, complaint handling, consultations, returns ...): grouped figures over a
/// period that the reports page charts, tables and exports to Excel. Each folder registers its own with
/// <c>services.AddScoped&lt;IServiceReport, X&gt;()</c>; the reports endpoints list and run them.
/// </summary>
public interface IServiceReport
{
    /// <summary>Stable key in URLs, e.g. "tickets".</summary>
    string Key { get; }
    LocalizedText Name { get; }
    /// <summary>Permission needed to run it (besides the reports permission).</summary>
    string Permission { get; }
    /// <summary>What rows can be grouped by: "type", "department", "person", "period" ...</summary>
    IReadOnlyList<ReportDimension> Dimensions { get; }
    /// <summary>The figures per row, in display order.</summary>
    IReadOnlyList<ReportMeasure> Measures { get; }
    /// <summary>
    /// Filters that are no grouping and always have a value (the returns report's currency), accepted as
    /// <c>filter.&lt;key&gt;</c> besides the dimensions; the page offers their options.
    /// </summary>
    IReadOnlyList<ReportChoice> Choices => [];

    /// <summary>Runs in the current tenant and the caller's data scope.</summary>
    Task<ReportResult> RunAsync(ReportQuery query, CancellationToken cancellationToken);
}

public sealed record ReportDimension(string Key, LocalizedText Name);

/// <summary>A filter with a fixed set of values and one of them by default.</summary>
public sealed record ReportChoice(string Key, LocalizedText Name, IReadOnlyList<string> Options, string Default)
{
    public string ValueIn(ReportQuery query) => query.Filters.GetValueOrDefault(Key) ?? Default;
}

/// <summary>A figure: <see cref="ReportMeasureKind"/> tells the UI how to format and chart it.</summary>
public sealed record ReportMeasure(string Key, LocalizedText Name, ReportMeasureKind Kind);

public enum ReportMeasureKind
{
    Count,
    /// <summary>Minutes, shown as hours and minutes.</summary>
    DurationMinutes,
    /// <summary>0..100.</summary>
    Percent,
    /// <summary>An average score (satisfaction 1..5).</summary>
    Score,
    /// <summary>An amount in the tenant's currency.</summary>
    Money,
}

/// <param name="From">Inclusive start (UTC) of the period the records were created in.</param>
/// <param name="To">Exclusive end (UTC).</param>
/// <param name="GroupBy">A dimension key of the report.</param>
/// <param name="Period">When grouping by "period": "day", "week" or "month" in the tenant's time zone.</param>
/// <param name="Filters">Optional equality filters by dimension key (e.g. department = id).</param>
public sealed record ReportQuery(DateTime From, DateTime To, string GroupBy, string? Period, IReadOnlyDictionary<string, string> Filters)
{
    /// <summary>"zh-CN" or "en-US": the language of row labels (dictionary labels, "no department" ...).</summary>
    public string Language { get; init; } = "zh-CN";

    /// <summary>The tenant's IANA time zone, in which <see cref="Period"/> buckets are cut.</summary>
    public string TimeZone { get; init; } = "Asia/Shanghai";

    public bool IsChinese => Language == "zh-CN";
}

/// <param name="Label">The row's group, readable (a type's label, a department's name, "2026-11").</param>
/// <param name="Values">By measure key; null when there is nothing to measure (no resolved tickets).</param>
public sealed record ReportRow(string Key, string Label, IReadOnlyDictionary<string, decimal?> Values);

public sealed record ReportResult(IReadOnlyList<ReportRow> Rows, ReportRow Total);
