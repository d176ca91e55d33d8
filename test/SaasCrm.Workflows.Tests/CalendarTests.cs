using SaasCrm.Workflows.Calendars;

namespace SaasCrm.Workflows.Tests;

public sealed class CalendarTests
{
    private static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void Shanghai_default_skips_lunch_and_the_weekend()
    {
        var rules = WorkingCalendarRules.Default();
        // Friday 2030-01-04 17:00 Shanghai = 09:00 UTC; 2 working hours → 1 h Friday, 1 h Monday from 09:00 → Monday 10:00 Shanghai = 02:00 UTC.
        Assert.Equal(Utc(2030, 1, 7, 2), rules.AddWorkingTime(Utc(2030, 1, 4, 9), TimeSpan.FromHours(2)));
        // Monday 11:30 Shanghai (03:30 UTC) + 1 h → 30 min before lunch, 30 min after: 13:30 Shanghai = 05:30 UTC.
        Assert.Equal(Utc(2030, 1, 7, 5, 30), rules.AddWorkingTime(Utc(2030, 1, 7, 3, 30), TimeSpan.FromHours(1)));
        // Saturday start counts from Monday 09:00.
        Assert.Equal(Utc(2030, 1, 7, 2), rules.AddWorkingTime(Utc(2030, 1, 5, 4), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(8), rules.WorkingTimeBetween(Utc(2030, 1, 4, 0), Utc(2030, 1, 7, 0)));
    }

    [Fact]
    public void Holidays_are_skipped_and_make_up_days_are_worked()
    {
        var rules = new WorkingCalendarRules("Asia/Shanghai", WorkingCalendarRules.DefaultWeek(), ["2030-01-07"], ["2030-01-05"]);
        // Friday 17:00 + 2 h: 1 h Friday, Saturday is a make-up day → Saturday 10:00 Shanghai = 02:00 UTC.
        Assert.Equal(Utc(2030, 1, 5, 2), rules.AddWorkingTime(Utc(2030, 1, 4, 9), TimeSpan.FromHours(2)));
        // From Saturday evening, Monday is a holiday → Tuesday 10:00 Shanghai.
        Assert.Equal(Utc(2030, 1, 8, 2), rules.AddWorkingTime(Utc(2030, 1, 5, 12), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.Zero, rules.WorkingTimeBetween(Utc(2030, 1, 6, 16), Utc(2030, 1, 7, 16)));
    }

    [Fact]
    public void Berlin_hours_follow_the_spring_DST_change()
    {
        var week = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.ToDictionary(d => d, _ => new List<string> { "09:00-17:00" });
        var rules = new WorkingCalendarRules("Europe/Berlin", week, [], []);
        // Friday 2030-03-29 16:00 CET (15:00 UTC) + 2 h → 1 h Friday, then Monday 2030-04-01 10:00 CEST = 08:00 UTC (clocks went forward on Sunday).
        Assert.Equal(Utc(2030, 4, 1, 8), rules.AddWorkingTime(Utc(2030, 3, 29, 15), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(16), rules.WorkingTimeBetween(Utc(2030, 3, 29, 0), Utc(2030, 4, 2, 0)));
        Assert.True(rules.IsWorking(Utc(2030, 4, 1, 7)));   // 09:00 CEST
        Assert.False(rules.IsWorking(Utc(2030, 3, 29, 7))); // 08:00 CET
    }

    [Fact]
    public void Working_time_between_reversed_instants_is_zero()
    {
        Assert.Equal(TimeSpan.Zero, WorkingCalendarRules.Default().WorkingTimeBetween(Utc(2030, 1, 7, 5), Utc(2030, 1, 7, 2)));
    }
}
