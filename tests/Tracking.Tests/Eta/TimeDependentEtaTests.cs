using Delivery.Planner.Model;
using Delivery.Planner.Travel;
using Delivery.Tracking.Arrival;
using Delivery.Tracking.Eta;

namespace Delivery.Tracking.Tests.Eta;

/// <summary>The ETA engine with time-dependent travel: each leg on the matrix of the slice it departs in, as the planner times it.</summary>
public sealed class TimeDependentEtaTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 58, 0, TimeSpan.Zero);

    /// <summary>Straight lines at 36 km/h (1 km = 100 s) until 10:00 UTC, half that speed from then on; one slice for any other scope.</summary>
    private sealed class RushHourAtTen : ITimeDependentTravelTimeSource
    {
        private readonly StraightLineTravelTimeSource _offPeak = new(circuityFactor: 1.0, speedKmh: 36);

        public Task<TravelMatrix> GetMatrixAsync(IReadOnlyList<Location> locations, CancellationToken cancellationToken = default) =>
            _offPeak.GetMatrixAsync(locations, cancellationToken);

        public async Task<TimeSlicedMatrices> GetSlicedMatricesAsync(string scope, IReadOnlyList<Location> locations, CancellationToken cancellationToken = default)
        {
            var fast = await _offPeak.GetMatrixAsync(locations, cancellationToken);
            if (scope != "depot-1")
            {
                return new TimeSlicedMatrices(TimeZoneInfo.Utc, [new TimeSlice(TimeOnly.MinValue, fast)]);
            }
            var slow = new TravelMatrix(fast.Size, fast.Durations.ToArray().Select(d => 2 * d).ToArray(), fast.Distances.ToArray());
            return new TimeSlicedMatrices(TimeZoneInfo.Utc, [new TimeSlice(TimeOnly.MinValue, fast), new TimeSlice(new TimeOnly(10, 0), slow)]);
        }
    }

    private static EtaStop StopAt(string id, double km)
    {
        var (lat, lon) = Geo.Offset(52.0, 13.0, km * 1000, 90);
        return new EtaStop(id, lat, lon, null, 60, null);
    }

    [Fact]
    public async Task ComputeAsync_LegDepartingInTheRushHour_TimedOnItsSlice()
    {
        var engine = new EtaEngine(new RushHourAtTen());
        EtaStop[] stops = [StopAt("a", 1), StopAt("b", 2)];

        var timed = await engine.ComputeAsync(Now, 52.0, 13.0, 1.0, stops, scope: "depot-1");
        var allDay = await engine.ComputeAsync(Now, 52.0, 13.0, 1.0, stops, scope: "depot-2");

        // a: leaves 09:58:00 (off-peak) → 100 s; b: leaves a at 09:59:40 + 60 s service = 10:00:40 (rush hour) → 200 s.
        Assert.Equal(Now.AddSeconds(100), timed[0].Eta, TimeSpan.FromSeconds(1));
        Assert.Equal(Now.AddSeconds(100 + 60 + 200), timed[1].Eta, TimeSpan.FromSeconds(1));
        Assert.Equal(Now.AddSeconds(100 + 60 + 100), allDay[1].Eta, TimeSpan.FromSeconds(1));
    }
}
