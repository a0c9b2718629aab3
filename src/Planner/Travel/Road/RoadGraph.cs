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
    }

    public int VertexCount { get; }

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
