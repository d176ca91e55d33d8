using System.Globalization;

namespace SaasCrm.Service.Reports.Shared;

/// <summary>Rounding and statistics shared by the reports, so every report shows figures the same way.</summary>
public static class ReportMath
{
    /// <summary>0..100 with one decimal; null when there is nothing to measure.</summary>
    public static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);

    public static decimal? Average(long sum, int count, int decimals = 2) => count == 0 ? null : Math.Round((decimal)sum / count, decimals);

    public static decimal? Average(IReadOnlyCollection<double> values) => values.Count == 0 ? null : Math.Round((decimal)values.Average(), 1);

    /// <summary>The 90th percentile by the nearest-rank method: the smallest value at least 90 % of the values do not exceed.</summary>
    public static decimal? P90(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(0.9 * sorted.Length);
        return Math.Round((decimal)sorted[rank - 1], 1);
    }

    /// <summary>A group key as text: ids and codes as they are, days as ISO dates, "no value" as "".</summary>
    public static string KeyText(object? key) => key switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        _ => Convert.ToString(key, CultureInfo.InvariantCulture) ?? "",
    };
}
