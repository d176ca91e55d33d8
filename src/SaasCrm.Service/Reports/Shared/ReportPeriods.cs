using System.Globalization;
using NodaTime;

namespace SaasCrm.Service.Reports.Shared;

/// <summary>
/// Period buckets in the tenant's time zone. Databases group by a local day computed as "UTC + offset"; a zone with
/// daylight saving has several offsets in a range, so the range is cut into <see cref="Segments"/> of one offset each
/// and every segment is grouped on its own (at most a few queries for two years). Days then fold into weeks or months.
/// </summary>
public static class ReportPeriods
{
    public static readonly string[] Units = ["day", "week", "month"];

    public sealed record Segment(DateTime From, DateTime To, double OffsetMinutes);

    public static DateTimeZone Zone(string zoneId) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DateTimeZone.Utc;

    /// <summary>[from, to) cut where the zone's UTC offset changes.</summary>
    public static IReadOnlyList<Segment> Segments(string zoneId, DateTime from, DateTime to)
    {
        var zone = Zone(zoneId);
        var start = Instant.FromDateTimeUtc(DateTime.SpecifyKind(from, DateTimeKind.Utc));
        var end = Instant.FromDateTimeUtc(DateTime.SpecifyKind(to, DateTimeKind.Utc));
        return zone.GetZoneIntervals(start, end).Select(i => new Segment(
                (i.HasStart && i.Start > start ? i.Start : start).ToDateTimeUtc(),
                (i.HasEnd && i.End < end ? i.End : end).ToDateTimeUtc(),
                i.WallOffset.Seconds / 60d))
            .Where(s => s.From < s.To).ToList();
    }

    public static DateOnly LocalDate(DateTimeZone zone, DateTime utc)
    {
        var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).Date;
        return new DateOnly(local.Year, local.Month, local.Day);
    }

    /// <summary>The bucket of a local day: its sortable key and readable label ("2026-11-02", "2026-W45", "2026-11").</summary>
    public static (string Key, string Label) Bucket(DateOnly day, string? unit)
    {
        switch (unit)
        {
            case "day":
                var d = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return (d, d);
            case "week":
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                var dt = day.ToDateTime(TimeOnly.MinValue);
                return (monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00} ({monday.ToString("MM-dd", CultureInfo.InvariantCulture)})");
            default:
                var m = day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                return (m, m);
        }
    }

    /// <summary>The label of a bucket key made by <see cref="Bucket"/>.</summary>
    public static string Label(string key, string? unit) =>
        Bucket(DateOnly.ParseExact(unit is "day" or "week" ? key : key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), unit).Label;
}
