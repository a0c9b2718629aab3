namespace Delivery.Planner.Travel.Road;

/// <summary>
/// The road network as compressed sparse row arrays: forward edges grouped by tail (for rows of a matrix) and the same
/// edges grouped by head (a reverse search gives columns). Costs are free-flow seconds as osm2pgrouting computed them,
/// kept as doubles; lengths in metres. Immutable after construction.
/// </summary>
internal sealed class RoadGraph
{
    /// <summary>Raw edges: one per drivable direction of a way.</summary>
    public readonly record struct DirectedEdge(int Tail, int Head, double CostSeconds, double LengthMeters, int RoadClass, int Way, bool Backward);

    public RoadGraph(int vertexCount, IReadOnlyList<DirectedEdge> edges)
    {
        VertexCount = vertexCount;
        var m = edges.Count;
        FirstOut = new int[vertexCount + 1];
        Head = new int[m];
        Cost = new double[m];
        Length = new double[m];
        RoadClass = new int[m];
        WayRef = new int[m];
        foreach (var e in edges)
        {
            FirstOut[e.Tail + 1]++;
        }
        for (var v = 0; v < vertexCount; v++)
        {
            FirstOut[v + 1] += FirstOut[v];
        }
        var next = FirstOut[..vertexCount];
        foreach (var e in edges)
        {
            var i = next[e.Tail]++;
            Head[i] = e.Head;
            Cost[i] = e.CostSeconds;
            Length[i] = e.LengthMeters;
            RoadClass[i] = e.RoadClass;
            WayRef[i] = e.Way * 2 + (e.Backward ? 1 : 0);
        }

        FirstIn = new int[vertexCount + 1];
        Tail = new int[m];
        ForwardEdge = new int[m];
        ReverseLength = new double[m];
        for (var i = 0; i < m; i++)
        {
            FirstIn[Head[i] + 1]++;
        }
        for (var v = 0; v < vertexCount; v++)
        {
            FirstIn[v + 1] += FirstIn[v];
        }
        var nextIn = FirstIn[..vertexCount];
        for (var u = 0; u < vertexCount; u++)
        {
            for (var i = FirstOut[u]; i < FirstOut[u + 1]; i++)
            {
                var j = nextIn[Head[i]]++;
                Tail[j] = u;
                ForwardEdge[j] = i;
                ReverseLength[j] = Length[i];
            }
        }
        (Peeled, Parent) = PeelTrees();
    }

    private (bool[] Peeled, int[] Parent) PeelTrees()
    {
        var n = VertexCount;
        var neighbours = new HashSet<int>[n];
        for (var v = 0; v < n; v++)
        {
            neighbours[v] = [];
            for (var i = FirstOut[v]; i < FirstOut[v + 1]; i++)
            {
                neighbours[v].Add(Head[i]);
            }
            for (var j = FirstIn[v]; j < FirstIn[v + 1]; j++)
            {
                neighbours[v].Add(Tail[j]);
            }
            neighbours[v].Remove(v);
        }
        var peeled = new bool[n];
        var parent = new int[n];
        Array.Fill(parent, -1);
        var queue = new Queue<int>(Enumerable.Range(0, n).Where(v => neighbours[v].Count == 1));
        while (queue.TryDequeue(out var v))
        {
            var rest = neighbours[v].Where(w => !peeled[w]).ToArray();
            if (rest.Length != 1)
            {
                continue; // the last vertex of a component that is a tree stays
            }
            peeled[v] = true;
            parent[v] = rest[0];
            if (neighbours[rest[0]].Count(w => !peeled[w]) == 1)
            {
                queue.Enqueue(rest[0]);
            }
        }
        return (peeled, parent);
    }

    public int VertexCount { get; }

    /// <summary>
    /// Vertices of the trees that hang off the rest of the network by one vertex (dead ends, cul-de-sacs and the streets
    /// that only lead to them), found by repeatedly peeling vertices with a single neighbour. A fastest path enters such
    /// a tree only to reach something inside it, so a search skips every tree holding neither its origin nor a target.
    /// </summary>
    public bool[] Peeled { get; }

    /// <summary>For a peeled vertex, the neighbour it hangs from (towards the rest of the network); -1 otherwise.</summary>
    public int[] Parent { get; }

    public int EdgeCount => Head.Length;

    /// <summary>Out-edges of v are <c>FirstOut[v] .. FirstOut[v+1]-1</c>.</summary>
    public int[] FirstOut { get; }

    public int[] Head { get; }

    /// <summary>Free-flow travel time of each forward edge, seconds.</summary>
    public double[] Cost { get; }

    public double[] Length { get; }

    public int[] RoadClass { get; }

    /// <summary>Way index × 2, plus 1 when the edge runs against the way's digitised direction.</summary>
    public int[] WayRef { get; }

    /// <summary>In-edges of v are <c>FirstIn[v] .. FirstIn[v+1]-1</c>.</summary>
    public int[] FirstIn { get; }

    public int[] Tail { get; }

    /// <summary>For each in-edge, its index among the forward edges.</summary>
    public int[] ForwardEdge { get; }

    public double[] ReverseLength { get; }

    /// <summary>Arcs for both directions of search under the given speed factor per road class.</summary>
    public EdgeWeights Weights(IReadOnlyList<double> classFactors)
    {
        var forward = new Arc[EdgeCount];
        for (var i = 0; i < forward.Length; i++)
        {
            forward[i] = new Arc(Cost[i] / classFactors[RoadClass[i]], Length[i], Head[i]);
        }
        var reverse = new Arc[EdgeCount];
        for (var j = 0; j < reverse.Length; j++)
        {
            reverse[j] = new Arc(forward[ForwardEdge[j]].Weight, ReverseLength[j], Tail[j]);
        }
        return new EdgeWeights(forward, reverse);
    }
}

/// <summary>An edge as a search sees it: travel time (s), length (m) and the vertex it leads to. 24 bytes, one cache read.</summary>
internal readonly record struct Arc(double Weight, double Length, int To);

/// <summary>Arcs in forward-edge order (rows) and in in-edge order (columns, searching backwards).</summary>
internal sealed record EdgeWeights(Arc[] Forward, Arc[] Reverse);
