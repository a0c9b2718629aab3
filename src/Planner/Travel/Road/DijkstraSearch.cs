using System.Runtime.CompilerServices;

namespace Delivery.Planner.Travel.Road;

/// <summary>
/// One-to-many Dijkstra over a <see cref="RoadGraph"/> with an indexed binary heap (decrease-key, no stale entries).
/// Per-vertex state sits in one array of structs and is reused between searches through a generation stamp instead of
/// clearing, so one instance serves one thread at a time. Lengths along the fastest path are summed beside the times.
/// </summary>
internal sealed class DijkstraSearch
{
    private struct VertexState
    {
        public double Time;
        public double Length;
        public int Stamp;
        public int HeapPos; // -1 once settled
        public int Arc;
        public int Target;
    }

    private readonly RoadGraph _graph;
    private readonly VertexState[] _state;
    private readonly int[] _needed;
    private readonly (double Key, int Vertex)[] _heap;
    private int _heapCount;
    private int _generation;

    public DijkstraSearch(RoadGraph graph)
    {
        _graph = graph;
        _state = new VertexState[graph.VertexCount];
        _needed = new int[graph.VertexCount];
        _heap = new (double, int)[graph.VertexCount];
    }

    /// <summary>
    /// Searches from <paramref name="origin"/> (forward arcs, or reverse arcs for a column)
    /// until every target is settled; writes time (s) and length (m) per target, NaN when unreachable.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int origin, bool reverse, EdgeWeights weights, ReadOnlySpan<int> targets, Span<double> times, Span<double> lengths)
    {
        var remaining = Start(origin, targets);
        var first = reverse ? _graph.FirstIn : _graph.FirstOut;
        var arcs = reverse ? weights.Reverse : weights.Forward;
        var state = _state;
        var peeled = _graph.Peeled;
        var needed = _needed;
        var generation = _generation;
        unchecked
        {
            while (remaining > 0 && _heapCount > 0)
            {
                var u = Pop();
                ref var su = ref state[u];
                if (su.Target == generation)
                {
                    remaining--;
                }
                var tu = su.Time;
                var lu = su.Length;
                for (int a = first[u], end = first[u + 1]; a < end; a++)
                {
                    ref readonly var arc = ref arcs[a];
                    ref var sv = ref state[arc.To];
                    if (peeled[arc.To] && needed[arc.To] != generation)
                    {
                        continue; // a hanging tree with nothing to reach in it
                    }
                    var t = tu + arc.Weight;
                    if (sv.Stamp != generation)
                    {
                        sv.Stamp = generation;
                        sv.Time = t;
                        sv.Length = lu + arc.Length;
                        sv.Arc = a;
                        sv.HeapPos = _heapCount++;
                        SiftUp(sv.HeapPos, arc.To, t);
                    }
                    else if (t < sv.Time && sv.HeapPos >= 0)
                    {
                        sv.Time = t;
                        sv.Length = lu + arc.Length;
                        sv.Arc = a;
                        SiftUp(sv.HeapPos, arc.To, t);
                    }
                }
            }
        }
        for (var i = 0; i < targets.Length; i++)
        {
            ref readonly var s = ref state[targets[i]];
            var reached = s.Stamp == generation;
            times[i] = reached ? s.Time : double.NaN;
            lengths[i] = reached ? s.Length : double.NaN;
        }
    }

    /// <summary>Fastest path's forward edges from <paramref name="from"/> to <paramref name="to"/>, in driving order; null when unreachable.</summary>
    public List<int>? Path(int from, int to, EdgeWeights weights)
    {
        Span<int> target = [to];
        Span<double> time = stackalloc double[1];
        Span<double> length = stackalloc double[1];
        Run(from, reverse: false, weights, target, time, length);
        if (double.IsNaN(time[0]))
        {
            return null;
        }
        var edges = new List<int>();
        for (var v = to; v != from;)
        {
            var e = _state[v].Arc;
            edges.Add(e);
            v = TailOf(e);
        }
        edges.Reverse();
        return edges;
    }

    private int TailOf(int forwardEdge)
    {
        // The tail is the last vertex whose first out-edge is ≤ the edge.
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
            Array.Clear(_state);
            Array.Clear(_needed);
            _generation = 1;
        }
        _heapCount = 0;
        var remaining = 0;
        foreach (var t in targets)
        {
            if (_state[t].Target != _generation)
            {
                _state[t].Target = _generation;
                remaining++;
                MarkNeeded(t);
            }
        }
        MarkNeeded(origin);
        ref var s = ref _state[origin];
        s.Stamp = _generation;
        s.Time = 0;
        s.Length = 0;
        s.Arc = -1;
        s.HeapPos = _heapCount++;
        SiftUp(s.HeapPos, origin, 0);
        return remaining;
    }

    /// <summary>Opens the way into the hanging tree that holds <paramref name="v"/>, from its root down to it.</summary>
    private void MarkNeeded(int v)
    {
        var parent = _graph.Parent;
        while (v >= 0 && _graph.Peeled[v] && _needed[v] != _generation)
        {
            _needed[v] = _generation;
            v = parent[v];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SiftUp(int i, int vertex, double key)
    {
        unchecked
        {
            var heap = _heap;
            var state = _state;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                var p = heap[parent];
                if (p.Key <= key)
                {
                    break;
                }
                heap[i] = p;
                state[p.Vertex].HeapPos = i;
                i = parent;
            }
            heap[i] = (key, vertex);
            state[vertex].HeapPos = i;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Pop()
    {
        unchecked
        {
            var heap = _heap;
            var state = _state;
            var top = heap[0].Vertex;
            state[top].HeapPos = -1;
            var n = --_heapCount;
            if (n == 0)
            {
                return top;
            }
            var last = heap[n];
            var i = 0;
            while (true)
            {
                var child = 2 * i + 1;
                if (child >= n)
                {
                    break;
                }
                var c = heap[child];
                if (child + 1 < n && heap[child + 1].Key < c.Key)
                {
                    child++;
                    c = heap[child];
                }
                if (c.Key >= last.Key)
                {
                    break;
                }
                heap[i] = c;
                state[c.Vertex].HeapPos = i;
                i = child;
            }
            heap[i] = last;
            state[last.Vertex].HeapPos = i;
            return top;
        }
    }
}
