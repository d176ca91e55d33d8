namespace SaasCrm.Service.Reports;

public sealed record ReportDimensionDto(string Key, string Name);

public sealed record ReportMeasureDto(string Key, string Name, ReportMeasureKind Kind);

/// <summary>A report the caller may run, with its names in the caller's language.</summary>
/// <param name="Filters">Dimension keys that can filter (every dimension but the period).</param>
/// <param name="Choices">Filters with fixed options that always apply (the returns report's currency).</param>
public sealed record ReportDefinitionDto(string Key, string Name, IReadOnlyList<ReportDimensionDto> Dimensions, IReadOnlyList<ReportMeasureDto> Measures, IReadOnlyList<string> Filters,
    IReadOnlyList<ReportChoiceDto> Choices);

public sealed record ReportChoiceDto(string Key, string Name, IReadOnlyList<string> Options, string Default);

public sealed record ReportRowDto(string Key, string Label, IReadOnlyDictionary<string, decimal?> Values);

public sealed record ReportResultDto(
    string Key, string Name, DateTime From, DateTime To, string GroupBy, string? Period, string TimeZone, IReadOnlyDictionary<string, string> Filters,
    IReadOnlyList<ReportMeasureDto> Measures, IReadOnlyList<ReportRowDto> Rows, ReportRowDto Total);

/// <param name="From">Inclusive start (UTC) of the creation period.</param>
/// <param name="To">Exclusive end (UTC); at most two years after <paramref name="From"/>.</param>
/// <param name="GroupBy">A dimension key of the report; default "period".</param>
/// <param name="Period">day, week or month (default) when grouping by period.</param>
/// <param name="Language">zh-CN or en-US for labels; default: the request's Accept-Language, then the profile.</param>
/// <remarks>Filters come as <c>filter.&lt;dimension&gt;=value</c> query parameters.</remarks>
public sealed record ReportParameters(DateTime? From, DateTime? To, string? GroupBy, string? Period, string? Language);
