using Delivery.Planner.Model;

namespace Delivery.Planner.Solving.RuinRecreate;

/// <summary>
/// The part of a problem the ruin-and-recreate search works on, flattened into arrays for its inner loop: travel and
/// cost by matrix node, each order's service, windows and demand, each vehicle's depots, shift, capacity and fixed
/// cost. Timing is earliest-start: service starts at arrival or at the start of the first window still open, and a
/// later start is never better. For a vehicle with a break or a maximum route duration that timing ignores both, so it
/// is a relaxation: such routes are checked again with the validator's scheduler (<see cref="NeedsExactCheck"/>).
/// </summary>
internal sealed class SearchModel
{
    /// <summary>Load dimensions (weight, volume, items).</summary>
    public const int Dims = Load.Dimensions;

    /// <summary>"Never feasible" for latest-arrival bounds.</summary>
    public const long Never = long.MinValue / 4;

    private readonly long[] _duration;
    private readonly long[] _cost;

    public SearchModel(ProblemIndex ix, SolveScope scope)
    {
        var p = ix.Problem;
        Ix = ix;
        NodeCount = p.Matrix.Size;
        DepotCount = p.Depots.Count;
        // The problem's own arrays, not copies: at 5,000 orders each is 200 MB.
        _duration = p.Matrix.DurationArray;
        _cost = p.Objective == PlanObjective.MinDistance ? p.Matrix.DistanceArray : p.Matrix.DurationArray;

        var orders = p.Orders.Count;
        Service = new long[orders];
        FirstStart = new long[orders];
        LastEnd = new long[orders];
        Windows = ix.Windows;
        MultiWindow = new bool[orders];
        Demand = new long[orders * Dims];
        Pinned = new bool[orders];
        for (var o = 0; o < orders; o++)
        {
            var order = p.Orders[o];
            Service[o] = order.ServiceSeconds;
            var w = ix.Windows[o];
            FirstStart[o] = w.Length == 0 ? long.MinValue / 4 : w[0].Start;
            LastEnd[o] = w.Length == 0 ? long.MaxValue / 4 : w[^1].End;
            MultiWindow[o] = w.Length > 1;
            for (var d = 0; d < Dims; d++)
            {
                Demand[o * Dims + d] = order.Demand.Get(d);
            }
            Pinned[o] = p.Pins.ContainsKey(order.Id);
        }
        Allowed = ix.Allowed;

        Vehicles = scope.Vehicles;
        var vehicles = p.Vehicles.Count;
        NeedsExactCheck = p.Vehicles.Select(v => v.Break is not null || v.MaxRouteSeconds is not null).ToArray();
        Start = ix.StartNode;
        End = ix.EndNode;
        ShiftStart = p.Vehicles.Select(v => v.Shift.Start).ToArray();
        ShiftEnd = p.Vehicles.Select(v => v.Shift.End).ToArray();
        Fixed = Enumerable.Range(0, vehicles).Select(ix.Cost.Fixed).ToArray();
        Capacity = new long[vehicles * Dims];
        for (var v = 0; v < vehicles; v++)
        {
            for (var d = 0; d < Dims; d++)
            {
                Capacity[v * Dims + d] = p.Vehicles[v].Capacity.Get(d);
            }
        }
        // Vehicles alike in everything an insertion looks at: of several empty ones, trying one is enough.
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        VehicleClass = new int[vehicles];
        for (var v = 0; v < vehicles; v++)
        {
            var veh = p.Vehicles[v];
            var key = string.Join('|', Start[v], End[v], veh.Shift.Start, veh.Shift.End, veh.Capacity, Fixed[v], string.Join(',', veh.Skills.Order(StringComparer.Ordinal)));
            VehicleClass[v] = classes.TryGetValue(key, out var c) ? c : classes[key] = classes.Count;
        }
        ClassCount = classes.Count;
        Penalty = Enumerable.Range(0, orders).Select(ix.Cost.Penalty).ToArray();
        var scopeOrders = scope.Orders;
        _neighbours = new Lazy<int[][]>(() => NearestOrders(this, scopeOrders));
    }

    private readonly Lazy<int[][]> _neighbours;

    /// <summary>
    /// For each order of the scope, the scope's orders by arc cost from it (itself first, at most 150): where ruin
    /// walks from its seed. Computed once per model, on first use, and shared by every search on it.
    /// </summary>
    public int[][] Neighbours => _neighbours.Value;

    public ProblemIndex Ix { get; }

    public int NodeCount { get; }

    public int DepotCount { get; }

    /// <summary>Vehicles this search may change.</summary>
    public int[] Vehicles { get; }

    /// <summary>Per vehicle: a break or a maximum route duration, which the O(1) tests do not see.</summary>
    public bool[] NeedsExactCheck { get; }

    /// <summary>True when vehicle <paramref name="v"/> can drive <paramref name="orders"/> as the validator times it.</summary>
    public bool Drivable(int v, IReadOnlyList<int> orders) => RouteScheduler.Schedule(Ix, v, orders).Route is not null;

    public long[] Service { get; }

    /// <summary>Start of each order's first window (very early when it has none).</summary>
    public long[] FirstStart { get; }

    /// <summary>End of each order's last window (very late when it has none).</summary>
    public long[] LastEnd { get; }

    /// <summary>Merged windows; consulted only when <see cref="MultiWindow"/>.</summary>
    public TimeWindow[][] Windows { get; }

    public bool[] MultiWindow { get; }

    /// <summary>[order * Dims + d].</summary>
    public long[] Demand { get; }

    public bool[] Pinned { get; }

    public bool[][] Allowed { get; }

    public long[] Penalty { get; }

    public int[] Start { get; }

    public int[] End { get; }

    public long[] ShiftStart { get; }

    public long[] ShiftEnd { get; }

    /// <summary>Cost of using each vehicle (its own fixed cost plus the hierarchical objective's vehicle cost).</summary>
    public long[] Fixed { get; }

    /// <summary>[vehicle * Dims + d].</summary>
    public long[] Capacity { get; }

    public int[] VehicleClass { get; }

    public int ClassCount { get; }

    public int Node(int order) => DepotCount + order;

    public long Duration(int from, int to) => _duration[from * NodeCount + to];

    public long Cost(int from, int to) => _cost[from * NodeCount + to];

    /// <summary>Earliest service start when arriving at <paramref name="arrival"/>; <see cref="Never"/> when every window has closed.</summary>
    public long ServiceStart(int order, long arrival)
    {
        if (arrival > LastEnd[order])
        {
            return Never;
        }
        if (!MultiWindow[order])
        {
            return Math.Max(arrival, FirstStart[order]);
        }
        foreach (var w in Windows[order])
        {
            if (w.End >= arrival)
            {
                return Math.Max(arrival, w.Start);
            }
        }
        return Never;
    }

    /// <summary>
    /// Latest arrival at <paramref name="order"/> from which service can start by <paramref name="latestStart"/>:
    /// the end of the last window opening by then, capped at <paramref name="latestStart"/>.
    /// </summary>
    public long LatestArrival(int order, long latestStart)
    {
        if (!MultiWindow[order])
        {
            return latestStart < FirstStart[order] ? Never : Math.Min(LastEnd[order], latestStart);
        }
        var windows = Windows[order];
        for (var k = windows.Length - 1; k >= 0; k--)
        {
            if (windows[k].Start <= latestStart)
            {
                return Math.Min(windows[k].End, latestStart);
            }
        }
        return Never;
    }

    /// <summary>Neighbours kept per order.</summary>
    internal const int NeighbourCount = 150;

    /// <summary>
    /// Each order's nearest orders by arc cost from it, itself first, ties by index (ruin walks this list from a random
    /// seed). A bounded max-heap per order: O(n² log k) rather than sorting every row (5,000 orders: about 0.2 s).
    /// </summary>
    private static int[][] NearestOrders(SearchModel m, int[] orders)
    {
        var keep = Math.Min(orders.Length, NeighbourCount);
        var result = new int[m.Ix.Problem.Orders.Count][];
        var heapKey = new long[keep];
        var heapOrder = new int[keep];
        foreach (var o in orders)
        {
            var node = m.Node(o);
            var size = 0;
            foreach (var c in orders)
            {
                var key = c == o ? -1 : m.Cost(node, m.Node(c));
                if (size < keep)
                {
                    heapKey[size] = key;
                    heapOrder[size] = c;
                    SiftUp(heapKey, heapOrder, size++);
                }
                else if (Before(key, c, heapKey[0], heapOrder[0]))
                {
                    heapKey[0] = key;
                    heapOrder[0] = c;
                    SiftDown(heapKey, heapOrder, size);
                }
            }
            var pairs = new (long Key, int Order)[size];
            for (var i = 0; i < size; i++)
            {
                pairs[i] = (heapKey[i], heapOrder[i]);
            }
            Array.Sort(pairs);
            result[o] = Array.ConvertAll(pairs, x => x.Order);
        }
        return result;
    }

    private static bool Before(long keyA, int a, long keyB, int b) => keyA < keyB || (keyA == keyB && a < b);

    /// <summary>Max-heap on (key, order): the root is the farthest neighbour kept.</summary>
    private static void SiftUp(long[] key, int[] order, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Before(key[parent], order[parent], key[i], order[i]))
            {
                return;
            }
            (key[parent], key[i]) = (key[i], key[parent]);
            (order[parent], order[i]) = (order[i], order[parent]);
            i = parent;
        }
    }

    private static void SiftDown(long[] key, int[] order, int size)
    {
        var i = 0;
        while (true)
        {
            var largest = i;
            var l = 2 * i + 1;
            var r = l + 1;
            if (l < size && Before(key[largest], order[largest], key[l], order[l]))
            {
                largest = l;
            }
            if (r < size && Before(key[largest], order[largest], key[r], order[r]))
            {
                largest = r;
            }
            if (largest == i)
            {
                return;
            }
            (key[largest], key[i]) = (key[i], key[largest]);
            (order[largest], order[i]) = (order[i], order[largest]);
            i = largest;
        }
    }
}
