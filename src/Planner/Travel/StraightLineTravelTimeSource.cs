using Delivery.Planner.Model;

namespace Delivery.Planner.Travel;

/// <summary>
/// Travel by straight line: great-circle (haversine) distance times a circuity factor, driven at a constant speed.
/// The default source when no road network is loaded. Locations are geographic (X longitude, Y latitude).
/// </summary>
public sealed class StraightLineTravelTimeSource : ITravelTimeSource
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Creates the source.</summary>
    /// <param name="circuityFactor">Road distance over straight-line distance; at least 1 (default 1.3).</param>
    /// <param name="speedKmh">Average driving speed in km/h; positive (default 30).</param>
    public StraightLineTravelTimeSource(double circuityFactor = 1.3, double speedKmh = 30)
    {
        if (!double.IsFinite(circuityFactor) || circuityFactor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(circuityFactor), circuityFactor, "The circuity factor must be at least 1.");
        }
        if (!double.IsFinite(speedKmh) || speedKmh <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speedKmh), speedKmh, "The speed must be positive (km/h).");
        }
        CircuityFactor = circuityFactor;
        SpeedKmh = speedKmh;
    }

    /// <summary>Road distance over straight-line distance.</summary>
    public double CircuityFactor { get; }

    /// <summary>Average speed, km/h.</summary>
    public double SpeedKmh { get; }

    /// <summary>Great-circle distance between two geographic locations, metres.</summary>
    public static double HaversineMeters(Location a, Location b)
    {
        var lat1 = double.DegreesToRadians(a.Latitude);
        var lat2 = double.DegreesToRadians(b.Latitude);
        var dLat = lat2 - lat1;
        var dLon = double.DegreesToRadians(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <inheritdoc />
    public Task<TravelMatrix> GetMatrixAsync(IReadOnlyList<Location> locations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var metersPerSecond = SpeedKmh / 3.6;
        return Task.FromResult(MatrixBuilder.Build(locations, (a, b) =>
        {
            var meters = HaversineMeters(a, b) * CircuityFactor;
            return ((long)Math.Round(meters / metersPerSecond), (long)Math.Round(meters));
        }, cancellationToken));
    }
}
