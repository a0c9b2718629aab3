namespace Delivery.Planner.Travel.Road;

/// <summary>Preprocessing: node ordering and contraction.</summary>
internal sealed partial class ContractionHierarchy
{
    private const int WitnessSettleLimit = 100;

    /// <summary>Contracts the graph under <paramref name="weights"/>.</summary>
    public static ContractionHierarchy Build(RoadGraph graph, EdgeWeights weights)
    {
        var n = graph.VertexCount;
        var outs = new List<Arc>[n];
        var ins = new List<Arc>[n];
        for (var v = 0; v < n; v++)
        {
            outs[v] = [];
            ins[v] = [];
        }
        for (var u = 0; u < n; u++)
        {
            for (var a = graph.FirstOut[u]; a < graph.FirstOut[u + 1]; a++)
            {
                var arc = weights.Forward[a];
                if (arc.To != u)
                {
                    AddOrImprove(outs, ins, u, arc.To, arc.Weight, arc.Length);
                }
            }
        }
        var contracted = new bool[n];
        var deleted = new int[n];
        var rank = new int[n];
        var witness = new WitnessSearch(n);
        var shortcuts = new List<(int From, int To, double Weight, double Length)>();
        var queue = new PriorityQueue<int, double>();
        for (var v = 0; v < n; v++)
        {
            queue.Enqueue(v, Priority(v));
        }
        var next = 0;
        var added = 0;
        while (queue.TryDequeue(out var v, out _))
        {
            var p = Priority(v);
            if (queue.TryPeek(out _, out var best) && p > best)
            {
                queue.Enqueue(v, p);
                continue;
            }
            Shortcuts(v, shortcuts);
            foreach (var (from, to, w, len) in shortcuts)
            {
                AddOrImprove(outs, ins, from, to, w, len);
            }
            added += shortcuts.Count;
            contracted[v] = true;
            rank[v] = next++;
            foreach (var a in outs[v])
            {
                deleted[a.To]++;
            }
            foreach (var a in ins[v])
            {
                deleted[a.To]++;
            }
        }

        var up = new List<(int, Arc)>();
        var down = new List<(int, Arc)>();
        for (var u = 0; u < n; u++)
        {
            foreach (var a in outs[u])
            {
                if (rank[u] < rank[a.To])
                {
                    up.Add((u, a));
                }
                else
                {
                    down.Add((a.To, new Arc(a.Weight, a.Length, u)));
                }
            }
        }
        return new ContractionHierarchy(n, up, down) { ShortcutCount = added };

        double Priority(int v)
        {
            Shortcuts(v, shortcuts);
            var degree = outs[v].Count(a => !contracted[a.To]) + ins[v].Count(a => !contracted[a.To]);
            return shortcuts.Count - degree + deleted[v];
        }

        void Shortcuts(int v, List<(int, int, double, double)> found)
        {
            found.Clear();
            foreach (var inArc in ins[v])
            {
                var u = inArc.To;
                if (contracted[u])
                {
                    continue;
                }
                var max = -1.0;
                foreach (var o in outs[v])
                {
                    if (!contracted[o.To] && o.To != u)
                    {
                        max = Math.Max(max, inArc.Weight + o.Weight);
                    }
                }
                if (max < 0)
                {
                    continue;
                }
                witness.Run(u, v, max, outs, contracted);
                foreach (var o in outs[v])
                {
                    if (contracted[o.To] || o.To == u)
                    {
                        continue;
                    }
                    var via = inArc.Weight + o.Weight;
                    if (witness.TimeTo(o.To) > via)
                    {
                        found.Add((u, o.To, via, inArc.Length + o.Length));
                    }
                }
            }
        }
    }

    /// <summary>Adds u→w (and its mirror in <paramref name="ins"/>), or lowers the existing edge's time.</summary>
    private static void AddOrImprove(List<Arc>[] outs, List<Arc>[] ins, int u, int w, double weight, double length)
    {
        var o = outs[u];
        for (var k = 0; k < o.Count; k++)
        {
            if (o[k].To == w)
            {
                if (weight < o[k].Weight)
                {
                    o[k] = new Arc(weight, length, w);
                    var i = ins[w];
                    for (var m = 0; m < i.Count; m++)
                    {
                        if (i[m].To == u)
                        {
                            i[m] = new Arc(weight, length, u);
                        }
                    }
                }
                return;
            }
        }
        o.Add(new Arc(weight, length, w));
        ins[w].Add(new Arc(weight, length, u));
    }

    /// <summary>Bounded Dijkstra among uncontracted vertices, avoiding the vertex being contracted.</summary>
    private sealed class WitnessSearch(int n)
    {
        private readonly double[] _time = new double[n];
        private readonly int[] _stamp = new int[n];
        private readonly PriorityQueue<int, double> _queue = new();
        private int _generation;

        public double TimeTo(int v) => _stamp[v] == _generation ? _time[v] : double.PositiveInfinity;

        public void Run(int origin, int avoid, double limit, List<Arc>[] outs, bool[] contracted)
        {
            _generation++;
            _queue.Clear();
            _stamp[origin] = _generation;
            _time[origin] = 0;
            _queue.Enqueue(origin, 0);
            var settled = 0;
            while (_queue.TryDequeue(out var u, out var t))
            {
                if (t > _time[u])
                {
                    continue;
                }
                if (t > limit || ++settled > WitnessSettleLimit)
                {
                    return;
                }
                foreach (var a in outs[u])
                {
                    if (a.To == avoid || contracted[a.To])
                    {
                        continue;
                    }
                    var tv = t + a.Weight;
                    if (_stamp[a.To] != _generation || tv < _time[a.To])
                    {
                        _stamp[a.To] = _generation;
                        _time[a.To] = tv;
                        _queue.Enqueue(a.To, tv);
                    }
                }
            }
        }
    }
}
