using Delivery.CourierApi.Features.Plans;
using Delivery.Planner.Model;
using Delivery.Planner.Travel;
using Microsoft.Extensions.Caching.Memory;
using Coordinate = NetTopologySuite.Geometries.Coordinate;
using LineString = NetTopologySuite.Geometries.LineString;
using NetTopologySuite.Simplify;

namespace Delivery.CourierApi.Features.RoadNetwork;

/// <summary>
/// Road travel times once the network is loaded, the straight-line source without one. While a load is under way a
/// matrix waits for it (at most <paramref name="waitForLoad"/>), so a plan started with the host — the demo's — uses road times.
/// </summary>
internal sealed class HostTravelTimeSource(RoadNetworkState state, StraightLineTravelTimeSource straightLine, TimeSpan waitForLoad) : ITravelTimeSource
{
    public async Task<TravelMatrix> GetMatrixAsync(IReadOnlyList<Location> locations, CancellationToken cancellationToken = default)
    {
        if (state.IsLoading && waitForLoad > TimeSpan.Zero)
        {
            try
            {
                await state.Settled.WaitAsync(waitForLoad, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Still loading: this plan goes on straight lines rather than wait longer.
            }
        }
        return state.Road is { } road
            ? await road.GetMatrixAsync(locations, cancellationToken)
            : await straightLine.GetMatrixAsync(locations, cancellationToken);
    }
}

/// <summary>
/// Route paths along the roads once the network is loaded (one leg per pair of consecutive points), straight lines until
/// then. Each leg's polyline is simplified (Douglas–Peucker, about a metre: a map cannot show less) and kept in memory
/// per network, so a board that re-reads its plan after an edit recomputes only the legs the edit changed.
/// </summary>
internal sealed class HostRouteGeometrySource(RoadNetworkState state) : IRouteGeometrySource, IDisposable
{
    /// <summary>Simplification tolerance in degrees (1e-5° ≈ 1.1 m of latitude).</summary>
    private const double Tolerance = 1e-5;

    private readonly MemoryCache _legs = new(new MemoryCacheOptions { SizeLimit = 4_000_000 });
    private object? _network;

    public Task<IReadOnlyList<double[]>> PathAsync(IReadOnlyList<Location> points, CancellationToken cancellationToken)
    {
        if (state.Road is not { } road || points.Count < 2)
        {
            return Task.FromResult<IReadOnlyList<double[]>>(points.Select(p => new[] { p.Longitude, p.Latitude }).ToList());
        }
        if (!ReferenceEquals(Interlocked.Exchange(ref _network, road), road))
        {
            _legs.Clear(); // another network: its legs are other legs
        }
        return Task.Run<IReadOnlyList<double[]>>(() =>
        {
            var path = new List<double[]> { Round(points[0]) };
            for (var i = 1; i < points.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var leg = _legs.GetOrCreate((points[i - 1], points[i]), entry =>
                {
                    var line = Simplify(points[i - 1], road.GetLeg(points[i - 1], points[i]).Polyline, points[i]);
                    entry.Size = line.Length;
                    return line;
                })!;
                // The leg's first point is the previous leg's last.
                path.AddRange(leg.Skip(1));
            }
            return path;
        }, cancellationToken);
    }

    private static double[][] Simplify(Location from, IReadOnlyList<Location> polyline, Location to)
    {
        var coordinates = new List<Coordinate>(polyline.Count + 2) { new(from.Longitude, from.Latitude) };
        coordinates.AddRange(polyline.Select(p => new Coordinate(p.Longitude, p.Latitude)));
        coordinates.Add(new Coordinate(to.Longitude, to.Latitude));
        var kept = coordinates.Count > 2
            ? DouglasPeuckerSimplifier.Simplify(new LineString([.. coordinates]), Tolerance).Coordinates
            : [.. coordinates];
        return kept.Select(c => new[] { Math.Round(c.X, 6), Math.Round(c.Y, 6) }).ToArray();
    }

    private static double[] Round(Location p) => [Math.Round(p.Longitude, 6), Math.Round(p.Latitude, 6)];

    public void Dispose() => _legs.Dispose();
}
