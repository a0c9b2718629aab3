using Delivery.Planner.Model;

namespace Delivery.Planner.Travel;

/// <summary>Fills a <see cref="TravelMatrix"/> from a per-pair function (diagonal 0).</summary>
internal static class MatrixBuilder
{
    public static TravelMatrix Build(IReadOnlyList<Location> locations, Func<Location, Location, (long Seconds, long Meters)> leg, CancellationToken ct)
    {
        var n = locations.Count;
        var durations = new long[n * n];
        var distances = new long[n * n];
        for (var i = 0; i < n; i++)
        {
            ct.ThrowIfCancellationRequested();
            for (var j = 0; j < n; j++)
            {
                if (i != j)
                {
                    (durations[i * n + j], distances[i * n + j]) = leg(locations[i], locations[j]);
                }
            }
        }
        return new TravelMatrix(n, durations, distances);
    }
}
