using SaasCrm.Workflows.Activities;

namespace SaasCrm.Workflows.Tests;

/// <summary>Dates in notification texts say UTC in the message's language (users have no time zone of their own).</summary>
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
    public void Other_values_are_invariant()
    {
        Assert.Equal("1.5", NotifyActivity.FormatValue(1.5m, "zh"));
        Assert.Equal("P1", NotifyActivity.FormatValue("P1", "en"));
        Assert.Equal("", NotifyActivity.FormatValue(null, "en"));
    }
}
