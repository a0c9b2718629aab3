namespace Delivery.Planner.Travel.Road;

/// <summary>
/// One-to-many Dijkstra over a <see cref="RoadGraph"/> with a binary heap. Arrays are sized once per graph and reused
/// between searches (a generation stamp instead of clearing), so one instance serves one thread at a time.
/// Distances along the fastest path are summed beside the times.
/// </summary>
internal sealed class DijkstraSearch
{
    private readonly RoadGraph _graph;
    private readonly double[] _time;
    private readonly double[] _length;
    private readonly int[] _predEdge;
    private readonly int[] _stamp;
    private readonly int[] _targetStamp;
    private (double Key, int Vertex)[] _heap = new (double, int)[1024];
    private int _heapCount;
    private int _generation;

    public DijkstraSearch(RoadGraph graph)
    {
        _graph = graph;
        var n = graph.VertexCount;
        _time = new double[n];
        _length = new double[n];
        _predEdge = new int[n];
        _stamp = new int[n];
        _targetStamp = new int[n];
    }

    /// <summary>
    /// Searches from <paramref name="origin"/> (forward edges, or in-edges when <paramref name="reverse"/>) until every
    /// target is settled; writes time (s) and length (m) per target, NaN when unreachable.
    /// </summary>
    public void Run(int origin, bool reverse, double[] weights, ReadOnlySpan<int> targets, Span<double> times, Span<double> lengths)
    {
        var remaining = Start(origin, targets);
        var first = reverse ? _graph.FirstIn : _graph.FirstOut;
        var other = reverse ? _graph.Tail : _graph.Head;
        var edgeLength = reverse ? _graph.ReverseLength : _graph.Length;
        while (remaining > 0 && _heapCount > 0)
        {
            var (key, u) = Pop();
            if (key > _time[u])
            {
                continue;
            }
            if (_targetStamp[u] == _generation)
            {
                _targetStamp[u] = 0;
                remaining--;
            }
            for (var e = first[u]; e < first[u + 1]; e++)
            {
                Relax(other[e], key + weights[e], _length[u] + edgeLength[e], e);
            }
        }
        for (var i = 0; i < targets.Length; i++)
        {
            var t = targets[i];
            var reached = _stamp[t] == _generation;
            times[i] = reached ? _time[t] : double.NaN;
            lengths[i] = reached ? _length[t] : double.NaN;
        }
    }

    /// <summary>Fastest path's forward edges from <paramref name="from"/> to <paramref name="to"/>, in driving order; null when unreachable.</summary>
    public List<int>? Path(int from, int to, double[] forwardWeights)
    {
        Span<int> target = [to];
        Span<double> time = stackalloc double[1];
        Span<double> length = stackalloc double[1];
        Run(from, reverse: false, forwardWeights, target, time, length);
        if (double.IsNaN(time[0]))
        {
            return null;
        }
        var edges = new List<int>();
        for (var v = to; v != from; )
        {
            var e = _predEdge[v];
            edges.Add(e);
            v = FindTail(e);
        }
        edges.Reverse();
        return edges;
    }

    private int FindTail(int forwardEdge)
    {
        // Binary search of FirstOut: the tail is the last vertex whose first out-edge is ≤ the edge.
        var first = _graph.FirstOut;
        int lo = 0, hi = _graph.VertexCount - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (first[mid] <= forwardEdge)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private int Start(int origin, ReadOnlySpan<int> targets)
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            Array.Clear(_targetStamp);
            _generation = 1;
        }
        _heapCount = 0;
        var remaining = 0;
        foreach (var t in targets)
        {
            if (_targetStamp[t] != _generation)
            {
                _targetStamp[t] = _generation;
                remaining++;
            }
        }
        _stamp[origin] = _generation;
        _time[origin] = 0;
        _length[origin] = 0;
        _predEdge[origin] = -1;
        Push(0, origin);
        return remaining;
    }

    private void Relax(int v, double time, double length, int edge)
    {
        if (_stamp[v] == _generation && _time[v] <= time)
        {
            return;
        }
        _stamp[v] = _generation;
        _time[v] = time;
        _length[v] = length;
        _predEdge[v] = edge;
        Push(time, v);
    }

    private void Push(double key, int vertex)
    {
        if (_heapCount == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }
        var i = _heapCount++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_heap[parent].Key <= key)
            {
                break;
            }
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = (key, vertex);
    }

    private (double Key, int Vertex) Pop()
    {
        var top = _heap[0];
        var last = _heap[--_heapCount];
        var i = 0;
        var n = _heapCount;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= n)
            {
                break;
            }
            if (child + 1 < n && _heap[child + 1].Key < _heap[child].Key)
            {
                child++;
            }
            if (_heap[child].Key >= last.Key)
            {
                break;
            }
            _heap[i] = _heap[child];
            i = child;
        }
        if (n > 0)
        {
            _heap[i] = last;
        }
        return top;
    }
}
