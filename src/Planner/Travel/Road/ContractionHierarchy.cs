namespace Delivery.Planner.Travel.Road;

/// <summary>
/// A contraction hierarchy over one speed profile's edge times: vertices are contracted one by one (least edge
/// difference first, lazily updated), adding a shortcut wherever a bounded witness search finds no path as fast.
/// Every fastest path then climbs and descends the ranks, so a matrix needs only small upward searches
/// (<see cref="ManyToMany"/>, the bucket method of Knopp et al. 2007). Shortcuts carry their summed time and length.
/// Built once per network and profile; immutable afterwards.
/// </summary>
internal sealed partial class ContractionHierarchy
{
    private readonly int[] _firstUp;
    private readonly Arc[] _up;
    private readonly int[] _firstDown;
    private readonly Arc[] _down;

    private ContractionHierarchy(int vertexCount, List<(int From, Arc Arc)> up, List<(int From, Arc Arc)> down)
    {
        VertexCount = vertexCount;
        (_firstUp, _up) = Csr(vertexCount, up);
        (_firstDown, _down) = Csr(vertexCount, down);
    }

    public int VertexCount { get; }

    public int ShortcutCount { get; private init; }

    private static (int[] First, Arc[] Arcs) Csr(int n, List<(int From, Arc Arc)> edges)
    {
        var first = new int[n + 1];
        foreach (var (from, _) in edges)
        {
            first[from + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            first[v + 1] += first[v];
        }
        var next = first[..n];
        var arcs = new Arc[edges.Count];
        foreach (var (from, arc) in edges)
        {
            arcs[next[from]++] = arc;
        }
        return (first, arcs);
    }

    /// <summary>
    /// Times (s) and lengths (m) from every source to every target, row-major (<c>i * targets.Length + j</c>);
    /// NaN where unreachable.
    /// </summary>
    public (double[] Times, double[] Lengths) ManyToMany(int[] sources, int[] targets, int parallelism)
    {
        if (sources.Length == 0 || targets.Length == 0)
        {
            return ([], []);
        }
        var buckets = BuildBuckets(targets, parallelism);
        var times = new double[sources.Length * targets.Length];
        var lengths = new double[times.Length];
        Array.Fill(times, double.PositiveInfinity);
        Parallel.For(
            0,
            sources.Length,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            () => new UpwardSearch(VertexCount),
            (i, _, search) =>
            {
                var row = i * targets.Length;
                search.Run(sources[i], _firstUp, _up, (x, t, l) =>
                {
                    for (var k = buckets.First[x]; k < buckets.First[x + 1]; k++)
                    {
                        ref readonly var e = ref buckets.Entries[k];
                        var total = t + e.Time;
                        if (total < times[row + e.Target])
                        {
                            times[row + e.Target] = total;
                            lengths[row + e.Target] = l + e.Length;
                        }
                    }
                });
                return search;
            },
            _ => { });
        for (var k = 0; k < times.Length; k++)
        {
            if (double.IsPositiveInfinity(times[k]))
            {
                times[k] = lengths[k] = double.NaN;
            }
        }
        return (times, lengths);
    }

    private readonly record struct BucketEntry(int Target, double Time, double Length);

    private sealed record Buckets(int[] First, BucketEntry[] Entries);

    private Buckets BuildBuckets(int[] targets, int parallelism)
    {
        var perTarget = new List<(int Vertex, BucketEntry Entry)>[targets.Length];
        Parallel.For(
            0,
            targets.Length,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            () => new UpwardSearch(VertexCount),
            (j, _, search) =>
            {
                var list = new List<(int, BucketEntry)>();
                search.Run(targets[j], _firstDown, _down, (x, t, l) => list.Add((x, new BucketEntry(j, t, l))));
                perTarget[j] = list;
                return search;
            },
            _ => { });
        var first = new int[VertexCount + 1];
        foreach (var list in perTarget)
        {
            foreach (var (x, _) in list)
            {
                first[x + 1]++;
            }
        }
        for (var v = 0; v < VertexCount; v++)
        {
            first[v + 1] += first[v];
        }
        var next = first[..VertexCount];
        var entries = new BucketEntry[first[VertexCount]];
        foreach (var list in perTarget)
        {
            foreach (var (x, e) in list)
            {
                entries[next[x]++] = e;
            }
        }
        return new Buckets(first, entries);
    }

    /// <summary>A complete Dijkstra over an upward graph (small: a few hundred vertices), reporting each settled vertex.</summary>
    private sealed class UpwardSearch(int n)
    {
        private readonly double[] _time = new double[n];
        private readonly double[] _length = new double[n];
        private readonly int[] _stamp = new int[n];
        private readonly PriorityQueue<int, double> _queue = new();
        private int _generation;

        public void Run(int origin, int[] first, Arc[] arcs, Action<int, double, double> settled)
        {
            _generation++;
            _queue.Clear();
            _stamp[origin] = _generation;
            _time[origin] = 0;
            _length[origin] = 0;
            _queue.Enqueue(origin, 0);
            while (_queue.TryDequeue(out var u, out var t))
            {
                if (t > _time[u])
                {
                    continue;
                }
                settled(u, t, _length[u]);
                for (var a = first[u]; a < first[u + 1]; a++)
                {
                    var v = arcs[a].To;
                    var tv = t + arcs[a].Weight;
                    if (_stamp[v] != _generation || tv < _time[v])
                    {
                        _stamp[v] = _generation;
                        _time[v] = tv;
                        _length[v] = _length[u] + arcs[a].Length;
                        _queue.Enqueue(v, tv);
                    }
                }
            }
        }
    }
}
