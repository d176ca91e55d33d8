using SaasCrm.Workflows.Calendars;

namespace SaasCrm.Workflows.Tests;

public sealed class CalendarEndOfDayTests
{
    private static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void Intervals_may_end_at_24_00_so_a_round_the_clock_calendar_counts_every_minute()
    {
        var days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
        var rules = new WorkingCalendarRules("UTC", days.ToDictionary(d => d, _ => new List<string> { "00:00-24:00" }), [], []);
        Assert.Equal(Utc(2030, 1, 6, 1, 30), rules.AddWorkingTime(Utc(2030, 1, 5, 23), TimeSpan.FromHours(2.5)));
        Assert.Equal(TimeSpan.FromHours(49), rules.WorkingTimeBetween(Utc(2030, 1, 4, 23), Utc(2030, 1, 7, 0)));
        Assert.True(rules.IsWorking(Utc(2030, 1, 5, 23, 59)));
        Assert.Throws<ArgumentException>(() => WorkingCalendarRules.ParseInterval("24:00-24:00"));
    }
}
