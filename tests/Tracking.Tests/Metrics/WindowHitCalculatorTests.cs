using Delivery.Tracking.Ingest;
using Delivery.Tracking.Metrics;
using Delivery.Tracking.Storage;

namespace Delivery.Tracking.Tests.Metrics;

public sealed class WindowHitCalculatorTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private static readonly DateTimeOffset Nine = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    internal static DeliveryEventRecord Handover(
        string stop, DeliveryEventKind kind, DateTimeOffset at, DateTimeOffset? windowStart, EventSource source = EventSource.Tablet,
        string courier = "c1", string depot = "d1") =>
        new($"{source}:{stop}:{kind}:{at:HHmmss}", courier, depot, "r-" + courier, 1, stop, "o" + stop, kind, at, source,
            kind == DeliveryEventKind.Failed ? "not home" : null,
            kind == DeliveryEventKind.PartlyDelivered ? [new RefusedItem("1", 1)] : null,
            null, null, windowStart, windowStart?.AddHours(2));

    [Fact]
    public void Compute_DayWithEarlyLateOnTimePartialAndPaper_CountsEachOnce()
    {
        var events = new[]
        {
            Handover("s1", DeliveryEventKind.Delivered, Nine.AddMinutes(30), Nine),                            // hit
            Handover("s2", DeliveryEventKind.Delivered, Nine.AddMinutes(-20), Nine),                           // early 20
            Handover("s3", DeliveryEventKind.Failed, Nine.AddHours(2).AddMinutes(15), Nine),                   // late 15 (failed at door)
            Handover("s4", DeliveryEventKind.PartlyDelivered, Nine.AddHours(1), Nine),                         // hit
            Handover("s5", DeliveryEventKind.Delivered, Nine.AddHours(3), Nine.AddHours(2), EventSource.Paper, courier: "c2"), // hit, paper
            Handover("s5", DeliveryEventKind.Delivered, Nine.AddHours(5), Nine.AddHours(2), courier: "c2"),     // later duplicate ignored
            Handover("s6", DeliveryEventKind.Delivered, Nine.AddHours(1), null, courier: "c2"),                 // no window
        };
        var cancelled = new[] { new CancelledStop("r-c2", "s7", "d1", "c2", Day) };

        var report = WindowHitCalculator.Compute(events, cancelled, Day, Day, TimeZoneInfo.Utc);

        Assert.Equal(5, report.Total.Attempted);
        Assert.Equal(3, report.Total.Hits);
        Assert.Equal(0.6, report.Total.HitRate, 6);
        Assert.Equal(1, report.Total.Early);
        Assert.Equal(20, report.Total.AvgEarlyMinutes, 6);
        Assert.Equal(1, report.Total.Late);
        Assert.Equal(15, report.Total.AvgLateMinutes, 6);
        Assert.Equal(1, report.Total.Cancelled);
        Assert.Equal(1, report.Total.NoWindow);

        var c2 = Assert.Single(report.ByCourier, g => g.Key == "c2");
        Assert.Equal((1, 1, 1), (c2.Attempted, c2.Hits, c2.Cancelled));
        Assert.Equal(["09:00–11:00", "11:00–13:00", "none"], report.BySlot.Select(g => g.Key));
        Assert.Equal("2026-12-01", Assert.Single(report.ByDate).Key);
        Assert.Contains(report.ByHour, g => g.Key == "08" && g.Early == 1);
    }

    [Fact]
    public void Compute_BerlinZone_BucketsHoursLocally()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var report = WindowHitCalculator.Compute([Handover("s1", DeliveryEventKind.Delivered, Nine, Nine.AddMinutes(-30))], [], Day, Day, zone);
        Assert.Equal("10", Assert.Single(report.ByHour).Key);
        Assert.Equal("09:30–11:30", Assert.Single(report.BySlot).Key);
    }

    [Fact]
    public void Outcome_Of_NonHandover_Throws() =>
        Assert.Throws<ArgumentException>(() => WindowOutcome.Of(Handover("s1", DeliveryEventKind.Arrived, Nine, Nine)));
}
