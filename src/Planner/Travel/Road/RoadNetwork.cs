using System.Collections.Concurrent;
using System.Globalization;
using Delivery.Planner.Model;
using Npgsql;

namespace Delivery.Planner.Travel.Road;

/// <summary>
/// The road network in memory: vertices with coordinates, directed edges with free-flow travel time (seconds) and
/// length (metres), road classes, and a spatial index for snapping. One-way streets have an edge in one direction only.
/// Load it once per import with <see cref="LoadAsync"/>; a re-import needs a fresh instance.
/// </summary>
/// <threadsafety>Immutable after loading; all members are safe to call concurrently.</threadsafety>
public sealed partial class RoadNetwork
{
    private readonly long[] _vertexIds;
    private readonly double[] _lon;
    private readonly double[] _lat;
    private readonly List<double[]> _wayShapes;
    private readonly IReadOnlyList<string> _classes;
    private readonly SpatialGrid _grid;
    private readonly ConcurrentDictionary<string, EdgeWeights> _weights = new();
    private readonly ConcurrentBag<DijkstraSearch> _searches = [];
    private readonly ConcurrentDictionary<string, Lazy<ContractionHierarchy>> _hierarchies = new();

    private RoadNetwork(RoadNetworkLoader.Raw raw, RoadNetworkOptions options)
    {
        raw = VertexOrder.Spatial(raw);
        Options = options;
        _vertexIds = raw.VertexIds;
        _lon = raw.Lon;
        _lat = raw.Lat;
        _wayShapes = raw.WayShapes;
        _classes = raw.Classes;
        Graph = new RoadGraph(raw.VertexIds.Length, raw.Edges);
        SnappableVertices = raw.InScc.Count(b => b);
        if (SnappableVertices == 0)
        {
            throw new InvalidOperationException("The road network has no vertex marked as part of its largest strongly connected component (in_scc).");
        }
        _grid = new SpatialGrid(_lon, _lat, raw.InScc, _wayShapes);
    }

    private RoadNetwork(RoadNetwork source, RoadNetworkOptions options)
    {
        Options = options;
        _vertexIds = source._vertexIds;
        _lon = source._lon;
        _lat = source._lat;
        _wayShapes = source._wayShapes;
        _classes = source._classes;
        _grid = source._grid;
        Graph = source.Graph;
        SnappableVertices = source.SnappableVertices;
        // Weights and hierarchies are keyed by the class factors they were built with, so every view can share them.
        _weights = source._weights;
        _searches = source._searches;
        _hierarchies = source._hierarchies;
    }

    /// <summary>
    /// The same network (shared graph, snapping and built hierarchies) with <paramref name="speedFactors"/> in place of
    /// the loaded options' factors: a calibration's view of it. Cheap; the hierarchy of a new profile is built on first use.
    /// </summary>
    public RoadNetwork WithSpeedFactors(IReadOnlyList<SpeedFactor> speedFactors)
    {
        ArgumentNullException.ThrowIfNull(speedFactors);
        return new RoadNetwork(this, new RoadNetworkOptions
        {
            Schema = Options.Schema, FreeFlowKmh = Options.FreeFlowKmh, SpeedFactors = speedFactors, BadAddressMeters = Options.BadAddressMeters,
        });
    }

    /// <summary>Loads the network in <see cref="RoadNetworkOptions.Schema"/>.</summary>
    /// <exception cref="InvalidOperationException">The schema holds no imported network.</exception>
    public static async Task<RoadNetwork> LoadAsync(NpgsqlDataSource dataSource, RoadNetworkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var raw = await RoadNetworkLoader.ReadAsync(connection, options.Schema, options.FreeFlowKmh, cancellationToken).ConfigureAwait(false);
        return new RoadNetwork(raw, options);
    }

    /// <summary>The options the network was loaded with.</summary>
    public RoadNetworkOptions Options { get; }

    /// <summary>Number of vertices.</summary>
    public int VertexCount => Graph.VertexCount;

    /// <summary>Number of directed edges (a two-way road counts twice).</summary>
    public int DirectedEdgeCount => Graph.EdgeCount;

    /// <summary>Vertices in the largest strongly connected component, which stops snap to.</summary>
    public int SnappableVertices { get; }

    /// <summary>Vertices in trees hanging off the network by one vertex (dead ends and the streets leading only to them).</summary>
    public int HangingTreeVertices => Graph.Peeled.Count(p => p);

    /// <summary>Road classes as osm2pgrouting names them (the OSM <c>highway</c> value), plus "unknown".</summary>
    public IReadOnlyList<string> RoadClasses => _classes;

    internal RoadGraph Graph { get; }

    /// <summary>Snaps a location to the nearest vertex of the largest strongly connected component.</summary>
    public SnapResult Snap(Location location)
    {
        if (!double.IsFinite(location.X) || !double.IsFinite(location.Y))
        {
            throw new ArgumentOutOfRangeException(nameof(location), location, "Coordinates must be finite numbers.");
        }
        var (v, meters) = _grid.Nearest(location.Longitude, location.Latitude);
        var road = _grid.NearestRoad(location.Longitude, location.Latitude, Options.BadAddressMeters);
        return new SnapResult(location, _vertexIds[v], new Location(_lon[v], _lat[v]), meters, road, road is null)
        {
            VertexIndex = v,
        };
    }

    /// <summary>The fastest road path between two locations at <paramref name="departure"/> (null: all-day factors only).</summary>
    public RoadLeg Route(Location from, Location to, TimeOnly? departure = null)
    {
        var a = Snap(from).VertexIndex;
        var b = Snap(to).VertexIndex;
        var weights = WeightsAt(departure);
        var search = RentSearch();
        try
        {
            var path = search.Path(a, b, weights)
                ?? throw new InvalidOperationException("No road path between the snapped vertices.");
            var points = new List<Location> { new(_lon[a], _lat[a]) };
            double time = 0, length = 0;
            foreach (var e in path)
            {
                time += weights.Forward[e].Weight;
                length += Graph.Length[e];
                var shape = _wayShapes[Graph.WayRef[e] >> 1];
                var backward = (Graph.WayRef[e] & 1) == 1;
                var count = shape.Length / 2;
                for (var k = 1; k < count; k++)
                {
                    var p = backward ? count - 1 - k : k;
                    points.Add(new Location(shape[2 * p], shape[2 * p + 1]));
                }
            }
            return new RoadLeg(points, RoundToWhole(time), RoundToWhole(length));
        }
        finally
        {
            ReturnSearch(search);
        }
    }

    /// <summary>
    /// The fastest road path between two locations at free flow (the all-day factors only), edge by edge: each edge's
    /// shape, length, free-flow time and road class. What a simulated courier drives, at speeds of its own.
    /// </summary>
    /// <exception cref="InvalidOperationException">No road path joins the snapped vertices.</exception>
    public IReadOnlyList<RoadSegment> PathSegments(Location from, Location to)
    {
        var a = Snap(from).VertexIndex;
        var b = Snap(to).VertexIndex;
        var search = RentSearch();
        try
        {
            var path = search.Path(a, b, WeightsAt(null))
                ?? throw new InvalidOperationException("No road path between the snapped vertices.");
            var segments = new List<RoadSegment>(path.Count);
            var last = new Location(_lon[a], _lat[a]);
            foreach (var e in path)
            {
                var shape = _wayShapes[Graph.WayRef[e] >> 1];
                var backward = (Graph.WayRef[e] & 1) == 1;
                var count = shape.Length / 2;
                var points = new List<Location>(count) { last };
                for (var k = 1; k < count; k++)
                {
                    var p = backward ? count - 1 - k : k;
                    points.Add(new Location(shape[2 * p], shape[2 * p + 1]));
                }
                last = points[^1];
                segments.Add(new RoadSegment(points, Graph.Length[e], Graph.Cost[e], _classes[Graph.RoadClass[e]]));
            }
            return segments;
        }
        finally
        {
            ReturnSearch(search);
        }
    }

    /// <summary>Rounds a summed travel time or length to a whole number: the one rounding rule of road matrices.</summary>
    internal static long RoundToWhole(double value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);

    /// <summary>Speed factor per road class at <paramref name="timeOfDay"/>: the product of every matching factor.</summary>
    internal double[] ClassFactors(TimeOnly? timeOfDay)
    {
        var factors = new double[_classes.Count];
        for (var c = 0; c < factors.Length; c++)
        {
            factors[c] = 1;
            foreach (var f in Options.SpeedFactors)
            {
                if (f.Applies(_classes[c], timeOfDay))
                {
                    factors[c] *= f.Factor;
                }
            }
        }
        return factors;
    }

    /// <summary>A key naming the speed profile in force at <paramref name="timeOfDay"/>; equal keys mean equal weights.</summary>
    internal string ProfileKey(TimeOnly? timeOfDay) =>
        string.Join(',', ClassFactors(timeOfDay).Select(f => f.ToString("R", CultureInfo.InvariantCulture)));

    internal EdgeWeights WeightsAt(TimeOnly? timeOfDay) =>
        _weights.GetOrAdd(ProfileKey(timeOfDay), _ => Graph.Weights(ClassFactors(timeOfDay)));

    /// <summary>The contraction hierarchy of the profile at <paramref name="timeOfDay"/>, built on first use.</summary>
    internal ContractionHierarchy HierarchyAt(TimeOnly? timeOfDay) =>
        _hierarchies.GetOrAdd(ProfileKey(timeOfDay), _ => new Lazy<ContractionHierarchy>(() => ContractionHierarchy.Build(Graph, WeightsAt(timeOfDay)))).Value;

    /// <summary>
    /// Builds the contraction hierarchy for the profile at <paramref name="timeOfDay"/> now (a few seconds on a city),
    /// so the first matrix does not pay for it. Matrices use it when <see cref="RoadTravelTimeOptions.UseContractionHierarchy"/> is set.
    /// </summary>
    public void Prepare(TimeOnly? timeOfDay = null) => HierarchyAt(timeOfDay);

    internal DijkstraSearch RentSearch() => _searches.TryTake(out var s) ? s : new DijkstraSearch(Graph);

    internal void ReturnSearch(DijkstraSearch search) => _searches.Add(search);
}
