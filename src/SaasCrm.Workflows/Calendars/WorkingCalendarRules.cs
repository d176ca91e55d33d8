using System.Globalization;
using NodaTime;

namespace SaasCrm.Workflows.Calendars;

/// <summary>
/// Working-time arithmetic over local working intervals in an IANA zone (NodaTime): a DST change shortens or
/// lengthens the local day correctly because each interval is mapped to instants on its own date.
/// </summary>
public sealed class WorkingCalendarRules
{
    private const int MaxDays = 3660;
    private readonly DateTimeZone _zone;
    private readonly Dictionary<IsoDayOfWeek, List<(LocalTime From, LocalTime? To)>> _weekly = [];
    private readonly HashSet<LocalDate> _holidays;
    private readonly HashSet<LocalDate> _workingDays;

    public WorkingCalendarRules(string timeZone, IReadOnlyDictionary<string, List<string>> weeklyHours, IEnumerable<string> holidays, IEnumerable<string> workingDays)
    {
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? throw new ArgumentException($"Unknown time zone '{timeZone}'.", nameof(timeZone));
        foreach (var (day, intervals) in weeklyHours)
        {
            if (!Enum.TryParse<IsoDayOfWeek>(day, true, out var dow)) throw new ArgumentException($"Unknown day '{day}'.", nameof(weeklyHours));
            _weekly[dow] = intervals.Select(ParseInterval).OrderBy(i => i.From).ToList();
        }
        _holidays = holidays.Select(ParseDate).ToHashSet();
        _workingDays = workingDays.Select(ParseDate).ToHashSet();
    }

    /// <summary>The seeded default: Asia/Shanghai, Monday–Friday 09:00–12:00 and 13:00–18:00.</summary>
    public static Dictionary<string, List<string>> DefaultWeek() =>
        new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.ToDictionary(d => d, _ => new List<string> { "09:00-12:00", "13:00-18:00" });

    public static WorkingCalendarRules Default() => new("Asia/Shanghai", DefaultWeek(), [], []);

    public static bool IsValidZone(string zone) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null;

    /// <summary>"09:00-12:00"; the end may be "24:00" (until midnight), so "00:00-24:00" is a whole day (24/7 desks).</summary>
    public static (LocalTime From, LocalTime? To) ParseInterval(string text)
    {
        var parts = text.Split('-', 2);
        if (parts.Length != 2 || !TimeOnly.TryParseExact(parts[0].Trim(), "HH:mm", out var from))
            throw new ArgumentException($"'{text}' is not an interval like 09:00-12:00.");
        if (parts[1].Trim() == "24:00") return (new LocalTime(from.Hour, from.Minute), null);
        if (!TimeOnly.TryParseExact(parts[1].Trim(), "HH:mm", out var to) || to <= from)
            throw new ArgumentException($"'{text}' is not an interval like 09:00-12:00.");
        return (new LocalTime(from.Hour, from.Minute), new LocalTime(to.Hour, to.Minute));
    }

    private static LocalDate ParseDate(string text) =>
        LocalDate.FromDateOnly(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Working intervals of a local date as UTC instants.</summary>
    private IEnumerable<(Instant From, Instant To)> Intervals(LocalDate date)
    {
        if (_holidays.Contains(date)) yield break;
        var day = _workingDays.Contains(date) && !_weekly.ContainsKey(date.DayOfWeek) ? IsoDayOfWeek.Monday : date.DayOfWeek;
        if (!_weekly.TryGetValue(day, out var intervals)) yield break;
        foreach (var (from, to) in intervals)
        {
            var start = (date + from).InZoneLeniently(_zone).ToInstant();
            var end = (to is { } t ? date + t : date.PlusDays(1).AtMidnight()).InZoneLeniently(_zone).ToInstant();
            if (end > start) yield return (start, end);
        }
    }

    public bool IsWorking(DateTime utc)
    {
        var instant = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var date = instant.InZone(_zone).Date;
        return Intervals(date).Any(i => i.From <= instant && instant < i.To);
    }

    public DateTime AddWorkingTime(DateTime startUtc, TimeSpan workingTime)
    {
        var at = Instant.FromDateTimeUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc));
        var left = Duration.FromTimeSpan(workingTime);
        if (left <= Duration.Zero) return startUtc;
        var date = at.InZone(_zone).Date;
        for (var i = 0; i < MaxDays; i++, date = date.PlusDays(1))
        {
            foreach (var (from, to) in Intervals(date))
            {
                if (to <= at) continue;
                var begin = from > at ? from : at;
                var available = to - begin;
                if (available >= left) return (begin + left).ToDateTimeUtc();
                left -= available;
            }
        }
        throw new InvalidOperationException("The calendar has no working time in the next ten years.");
    }

    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        var from = Instant.FromDateTimeUtc(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc));
        var to = Instant.FromDateTimeUtc(DateTime.SpecifyKind(toUtc, DateTimeKind.Utc));
        if (to <= from) return TimeSpan.Zero;
        var total = Duration.Zero;
        var last = to.InZone(_zone).Date;
        for (var date = from.InZone(_zone).Date; date <= last; date = date.PlusDays(1))
        {
            foreach (var (start, end) in Intervals(date))
            {
                var s = start > from ? start : from;
                var e = end < to ? end : to;
                if (e > s) total += e - s;
            }
        }
        return total.ToTimeSpan();
    }
}
