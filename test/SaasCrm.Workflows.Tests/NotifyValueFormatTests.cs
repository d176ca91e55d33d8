using SaasCrm.Workflows.Activities;

namespace SaasCrm.Workflows.Tests;

/// <summary>Dates in notification texts are in the tenant's time zone and name it, in the message's language.</summary>
public sealed class NotifyValueFormatTests
{
    private static readonly DateTime Due = new(2026, 11, 23, 6, 5, 0, DateTimeKind.Utc);

    [Fact]
    public void An_instant_is_written_in_utc_and_says_so_in_each_language()
    {
        Assert.Equal("2026-11-23 06:05 UTC", NotifyActivity.FormatValue(Due, "en"));
        Assert.Equal("2026年11月23日 06:05 (UTC)", NotifyActivity.FormatValue(Due, "zh"));
        // Unspecified (as read back from the database) is UTC; an offset is converted.
        Assert.Equal("2026-11-23 06:05 UTC", NotifyActivity.FormatValue(DateTime.SpecifyKind(Due, DateTimeKind.Unspecified), "en"));
        Assert.Equal("2026-11-23 06:05 UTC", NotifyActivity.FormatValue(new DateTimeOffset(2026, 11, 23, 14, 5, 0, TimeSpan.FromHours(8)), "en"));
    }

    [Fact]
    public void An_instant_is_written_in_the_tenants_time_zone_and_names_it()
    {
        Assert.Equal("2026-11-23 14:05 Asia/Shanghai", NotifyActivity.FormatValue(Due, "en", "Asia/Shanghai"));
        Assert.Equal("2026年11月23日 14:05 (Asia/Shanghai)", NotifyActivity.FormatValue(Due, "zh", "Asia/Shanghai"));
        // Across a date line and with daylight saving: 06:05 UTC is the evening before in Los Angeles (PST, UTC-8).
        Assert.Equal("2026-11-22 22:05 America/Los_Angeles", NotifyActivity.FormatValue(Due, "en", "America/Los_Angeles"));
        Assert.Equal("2026-07-01 13:00 America/Los_Angeles", NotifyActivity.FormatValue(new DateTime(2026, 7, 1, 20, 0, 0, DateTimeKind.Utc), "en", "America/Los_Angeles"));
        // An unknown zone id falls back to UTC rather than failing the step.
        Assert.Equal("2026-11-23 06:05 UTC", NotifyActivity.FormatValue(Due, "en", "Mars/Olympus"));
    }

    [Fact]
    public void Other_values_are_invariant()
    {
        Assert.Equal("1.5", NotifyActivity.FormatValue(1.5m, "zh"));
        Assert.Equal("P1", NotifyActivity.FormatValue("P1", "en"));
        Assert.Equal("", NotifyActivity.FormatValue(null, "en"));
    }
}
