namespace Delivery.Tracking.Tests.Time;

/// <summary>Depot-local time ↔ UTC across daylight-saving changes.</summary>
public sealed class LocalTimeTests
{
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

    [Fact]
    public void ToUtc_TimeInSpringGap_MovesForwardByTheGap()
    {
        // 29 Mar 2026: Lisbon skips 01:00–02:00 (WET → WEST); 01:30 does not exist and becomes 02:30 WEST = 01:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), LocalTime.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(1, 30), Lisbon));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 0, 59, 0, TimeSpan.Zero), LocalTime.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(0, 59), Lisbon));
    }

    [Fact]
    public void ToUtc_TimeInAutumnOverlap_IsTheEarlierOccurrence()
    {
        // 25 Oct 2026: Lisbon's 01:00–02:00 happens twice; 01:30 WEST (00:30 UTC) comes first.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), LocalTime.ToUtc(new DateOnly(2026, 10, 25), new TimeOnly(1, 30), Lisbon));
    }

    [Fact]
    public void StartOfDay_ZoneSkippingMidnight_IsTheFirstInstantOfTheDate()
    {
        // 6 Sep 2026: Santiago de Chile goes from 00:00 straight to 01:00 (-04 → -03); the day starts at 01:00 = 04:00 UTC.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        Assert.Equal(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero), LocalTime.StartOfDay(new DateOnly(2026, 9, 6), santiago));
        Assert.Equal(new DateOnly(2026, 9, 5), LocalTime.DateAt(new DateTimeOffset(2026, 9, 6, 3, 59, 0, TimeSpan.Zero), santiago));
        Assert.Equal(new DateOnly(2026, 9, 6), LocalTime.DateAt(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero), santiago));
    }

    [Fact]
    public void DateAt_JustAfterMidnightInTokyo_IsTheTokyoDate() =>
        Assert.Equal(new DateOnly(2026, 12, 2),
            LocalTime.DateAt(new DateTimeOffset(2026, 12, 1, 15, 5, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));
}
