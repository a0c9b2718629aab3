using Delivery.Tracking.Arrival;

namespace Delivery.Tracking.Tests.Arrival;

public sealed class ArrivalDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly StopPoint Stop = new("s1", 52.5200, 13.4050);
    private static readonly StopPoint Neighbour = new("s2", 52.5209, 13.4050); // ~100 m north
    private readonly ArrivalDetector _detector = new(radiusMeters: 40, dwell: TimeSpan.FromSeconds(45), minFixes: 3);

    private static GeoFix At(int seconds, double meters, double bearing, double speed = 0.5, double accuracy = 10)
    {
        var (lat, lon) = Geo.Offset(Stop.Lat, Stop.Lon, meters, bearing);
        return new GeoFix(T0.AddSeconds(seconds), lat, lon, accuracy, speed);
    }

    private (string? StopId, DateTimeOffset? At) Run(IEnumerable<GeoFix> trace, params StopPoint[] stops)
    {
        ArrivalCandidate? candidate = null;
        foreach (var fix in trace)
        {
            var seen = _detector.Observe(candidate, fix, stops);
            if (seen.ArrivedStopId is not null)
            {
                return (seen.ArrivedStopId, seen.ArrivedAt);
            }
            candidate = seen.Candidate;
        }
        return (null, null);
    }

    [Fact]
    public void Observe_JitteryDwellInsideRadius_DetectsArrivalAtEntryTime()
    {
        var random = new Random(7);
        // Approach from 300 m, then park with ±15 m jitter (one wild fix 60 m off) for two minutes.
        var trace = Enumerable.Range(0, 6).Select(i => At(i * 5, 300 - i * 50, 180, speed: 10))
            .Concat(Enumerable.Range(6, 24).Select(i => i == 12
                ? At(i * 5, 60, 90)
                : At(i * 5, random.NextDouble() * 15, random.NextDouble() * 360)));
        var (stopId, at) = Run(trace, Stop, Neighbour);
        Assert.Equal("s1", stopId);
        Assert.Equal(T0.AddSeconds(30), at);
    }

    [Fact]
    public void Observe_DrivePastAtSpeed_IsNotAnArrival()
    {
        // 10 m/s straight through the stop: inside the radius for a few seconds only.
        var trace = Enumerable.Range(0, 60).Select(i => At(i, 300 - i * 10, 0, speed: 10));
        Assert.Null(Run(trace, Stop).StopId);
    }

    [Fact]
    public void Observe_SlowCrawlPastWithoutDwell_IsNotAnArrival()
    {
        // 3 m/s (counts as slow) but leaves the radius after ~27 s, short of the 45 s dwell.
        var trace = Enumerable.Range(0, 60).Select(i => At(i * 3, 90 - i * 9, 0, speed: 3));
        Assert.Null(Run(trace, Stop).StopId);
    }

    [Fact]
    public void Observe_OneJitteryFixInsideWhileParkedNextDoor_IsNotAnArrival()
    {
        // Parked 100 m away for 10 minutes; one fix jumps into the stop's radius.
        var trace = Enumerable.Range(0, 120).Select(i => i == 50 ? At(i * 5, 10, 0) : At(i * 5, 100, 0));
        Assert.Null(Run(trace, Stop).StopId);
    }

    [Fact]
    public void Observe_InaccurateFixes_AreIgnored()
    {
        var trace = Enumerable.Range(0, 30).Select(i => At(i * 5, 5, 0, accuracy: 500));
        Assert.Null(Run(trace, Stop).StopId);
    }

    [Fact]
    public void Observe_StopNoLongerOpen_DropsCandidate()
    {
        var candidate = new ArrivalCandidate("gone", T0, 5, 5, 0);
        var seen = _detector.Observe(candidate, At(100, 500, 0), [Stop]);
        Assert.Null(seen.Candidate);
    }

    [Fact]
    public void Constructor_NonPositiveRadius_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrivalDetector(0, TimeSpan.FromSeconds(10)));
}
