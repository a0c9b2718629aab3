using Delivery.Planner.Model;

namespace Delivery.Planner.Travel.Road;

/// <summary>
/// Travel-time and distance matrices over the road network. Every location snaps to the nearest vertex of the largest
/// strongly connected component; the matrix is then computed on the network's contraction hierarchy (bucket
/// many-to-many; the hierarchy is built once per network and speed profile, see <see cref="RoadNetwork.Prepare"/>) or,
/// with <see cref="RoadTravelTimeOptions.UseContractionHierarchy"/> off, by a one-to-many Dijkstra from each new source
/// in parallel. Both give the same values. Matrices are asymmetric where one-way streets make them so. Durations are
/// the fastest path's summed edge times (kept as doubles, rounded half away from zero to whole seconds at the end);
/// distances are that path's length in whole metres. A cache keyed by snapped vertex means a re-plan with a few new
/// locations computes only their rows and their columns.
/// </summary>
/// <threadsafety>Safe to share; matrix requests are served one at a time.</threadsafety>
public sealed class RoadTravelTimeSource : ITravelTimeSource, IDisposable
{
    private readonly RoadNetwork _network;
    private readonly RoadTravelTimeOptions _options;
    private readonly Dictionary<string, MatrixCache> _caches = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a source over a loaded network.</summary>
    public RoadTravelTimeSource(RoadNetwork network, RoadTravelTimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _options = options ?? new RoadTravelTimeOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxCachedLocations, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxParallelism, 1, nameof(options));
    }

    /// <summary>The network matrices are computed on.</summary>
    public RoadNetwork Network => _network;

    /// <inheritdoc />
    public async Task<TravelMatrix> GetMatrixAsync(IReadOnlyList<Location> locations, CancellationToken cancellationToken = default) =>
        (await GetRoadMatrixAsync(locations, _options.DefaultDeparture, cancellationToken).ConfigureAwait(false)).Matrix;

    /// <summary>
    /// Matrices over <paramref name="locations"/> with the speed factors in force at <paramref name="departure"/>
    /// (local time of day; null applies only all-day factors), plus how each location snapped.
    /// </summary>
    public async Task<RoadMatrix> GetRoadMatrixAsync(IReadOnlyList<Location> locations, TimeOnly? departure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var snaps = new SnapResult[locations.Count];
        for (var i = 0; i < snaps.Length; i++)
        {
            snaps[i] = _network.Snap(locations[i]);
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Compute(snaps, departure, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The road polyline, time and length of the leg from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public RoadLeg GetLeg(Location from, Location to, TimeOnly? departure = null) => _network.Route(from, to, departure ?? _options.DefaultDeparture);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private RoadMatrix Compute(SnapResult[] snaps, TimeOnly? departure, CancellationToken ct)
    {
        var key = _network.ProfileKey(departure);
        if (!_caches.TryGetValue(key, out var cache))
        {
            _caches[key] = cache = new MatrixCache(_options.MaxCachedLocations);
        }
        var weights = _network.WeightsAt(departure);
        var oldCount = cache.Count;
        var fresh = cache.AddMissing(snaps.Select(s => s.VertexIndex));
        if (cache.Count == fresh.Length)
        {
            oldCount = 0;
        }
        var all = cache.Vertices.ToArray();
        var columns = oldCount > 0 ? fresh : [];
        if (_options.UseContractionHierarchy)
        {
            var hierarchy = _network.HierarchyAt(departure);
            Fill(cache, fresh, all, hierarchy.ManyToMany(fresh, all, _options.MaxParallelism));
            Fill(cache, all[..oldCount], columns, hierarchy.ManyToMany(all[..oldCount], columns, _options.MaxParallelism));
            return Extract(snaps, cache, fresh.Length, columns.Length);
        }
        // Rows: every new source to every cached vertex (old and new).
        Search(fresh, reverse: false, weights, all, cache, (slotOfSearch, target) => (slotOfSearch, target), ct);
        // Columns: every old source to each new target, by searching backwards from the target.
        Search(columns, reverse: true, weights, all[..oldCount], cache, (slotOfSearch, source) => (source, slotOfSearch), ct);
        return Extract(snaps, cache, fresh.Length, columns.Length);
    }

    private static RoadMatrix Extract(SnapResult[] snaps, MatrixCache cache, int rows, int columns)
    {
        var n = snaps.Length;
        var durations = new long[n * n];
        var distances = new long[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                (durations[i * n + j], distances[i * n + j]) = cache.Get(snaps[i].VertexIndex, snaps[j].VertexIndex);
            }
        }
        return new RoadMatrix(new TravelMatrix(n, durations, distances), snaps, rows, columns);
    }

    private static void Fill(MatrixCache cache, int[] sources, int[] targets, (double[] Times, double[] Lengths) result)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            var from = cache.SlotOf(sources[i]);
            for (var j = 0; j < targets.Length; j++)
            {
                var k = i * targets.Length + j;
                if (double.IsNaN(result.Times[k]))
                {
                    throw new InvalidOperationException(
                        $"Road vertex {targets[j]} is unreachable from vertex {sources[i]}; snapping should only use the largest strongly connected component.");
                }
                cache.Set(from, cache.SlotOf(targets[j]), RoadNetwork.RoundToWhole(result.Times[k]), RoadNetwork.RoundToWhole(result.Lengths[k]));
            }
        }
    }

    private void Search(
        int[] origins, bool reverse, EdgeWeights weights, int[] others, MatrixCache cache,
        Func<int, int, (int From, int To)> cell, CancellationToken ct)
    {
        if (origins.Length == 0 || others.Length == 0)
        {
            return;
        }
        var otherSlots = others.Select(cache.SlotOf).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = ct };
        Parallel.For(
            0,
            origins.Length,
            parallel,
            () => (Search: _network.RentSearch(), Times: new double[others.Length], Lengths: new double[others.Length]),
            (k, _, local) =>
            {
                var origin = origins[k];
                local.Search.Run(origin, reverse, weights, others, local.Times, local.Lengths);
                var originSlot = cache.SlotOf(origin);
                for (var t = 0; t < others.Length; t++)
                {
                    if (double.IsNaN(local.Times[t]))
                    {
                        throw new InvalidOperationException(
                            $"Road vertex {others[t]} is unreachable {(reverse ? "to" : "from")} vertex {origin}; snapping should only use the largest strongly connected component.");
                    }
                    var (from, to) = cell(originSlot, otherSlots[t]);
                    // Slots are disjoint per origin, so parallel writes never touch the same entry.
                    cache.Set(from, to, RoadNetwork.RoundToWhole(local.Times[t]), RoadNetwork.RoundToWhole(local.Lengths[t]));
                }
                return local;
            },
            local => _network.ReturnSearch(local.Search));
    }
}
