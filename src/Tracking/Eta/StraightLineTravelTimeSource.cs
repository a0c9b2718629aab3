using Delivery.Planner.Model;
using Delivery.Planner.Travel;
using Delivery.Tracking.Arrival;

namespace Delivery.Tracking.Eta;

/// <summary>
/// Straight-line travel times: haversine distance × circuity at a constant speed. The fallback when no road
/// network source is registered. Locations are geographic (X = longitude, Y = latitude).
/// </summary>
public sealed class StraightLineTravelTimeSource : ITravelTimeSource
{
    private readonly double _metersPerSecond;
    private readonly double _circuity;

    /// <summary>Creates the source.</summary>
    /// <param name="speedKmh">Average speed in km/h (&gt; 0).</param>
    /// <param name="circuity">Road distance ÷ straight-line distance (≥ 1).</param>
    public StraightLineTravelTimeSource(double speedKmh, double circuity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speedKmh);
        ArgumentOutOfRangeException.ThrowIfLessThan(circuity, 1.0);
        _metersPerSecond = speedKmh / 3.6;
        _circuity = circuity;
    }

    /// <inheritdoc />
    public Task<TravelMatrix> GetMatrixAsync(IReadOnlyList<Location> locations, CancellationToken cancellationToken = default)
    {
        var n = locations.Count;
        var durations = new long[n * n];
        var distances = new long[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }
                var meters = Geo.DistanceMeters(locations[i].Latitude, locations[i].Longitude, locations[j].Latitude, locations[j].Longitude) * _circuity;
                distances[i * n + j] = (long)Math.Round(meters);
                durations[i * n + j] = (long)Math.Round(meters / _metersPerSecond);
            }
        }
        return Task.FromResult(new TravelMatrix(n, durations, distances));
    }
}
