using System.Runtime.CompilerServices;

namespace Delivery.Planner.Solving.RuinRecreate;

/// <summary>
/// One vehicle's route with what an insertion test needs in O(1): per position (0 = start depot, 1..Count = stops,
/// Count + 1 = end depot) the node, the earliest departure and the latest arrival that keeps the rest of the route
/// feasible, plus the total load and the route's cost.
/// </summary>
internal sealed class RouteState
{
    public RouteState(int vehicle, int capacity)
    {
        Vehicle = vehicle;
        Orders = new int[capacity];
        Nodes = new int[capacity + 2];
        Depart = new long[capacity + 2];
        Latest = new long[capacity + 2];
    }

    public int Vehicle { get; }

    /// <summary>Order indices in driving order; the first <see cref="Count"/> are used.</summary>
    public int[] Orders { get; }

    public int Count { get; private set; }

    /// <summary>Matrix node at each position.</summary>
    public int[] Nodes { get; }

    /// <summary>Earliest departure from each position (at the end depot: earliest arrival).</summary>
    public long[] Depart { get; }

    /// <summary>Latest arrival at each position that keeps the rest of the route feasible (at 0: latest departure).</summary>
    public long[] Latest { get; }

    public long[] Load { get; } = new long[SearchModel.Dims];

    /// <summary>Arc costs plus the vehicle's cost when the route has stops.</summary>
    public long Cost { get; private set; }

    /// <summary>False when the timing or the load breaks a constraint (only routes handed in from outside can be so).</summary>
    public bool Feasible { get; private set; }

    public void Set(SearchModel m, ReadOnlySpan<int> orders)
    {
        orders.CopyTo(Orders);
        Count = orders.Length;
        Update(m);
    }

    public void Insert(SearchModel m, int at, int order)
    {
        Array.Copy(Orders, at, Orders, at + 1, Count - at);
        Orders[at] = order;
        Count++;
        Update(m);
    }

    /// <summary>Removes the orders flagged in <paramref name="removed"/> (indexed by order).</summary>
    public void RemoveFlagged(SearchModel m, bool[] removed)
    {
        var k = 0;
        for (var i = 0; i < Count; i++)
        {
            if (!removed[Orders[i]])
            {
                Orders[k++] = Orders[i];
            }
        }
        Count = k;
        Update(m);
    }

    public void CopyFrom(RouteState other)
    {
        Array.Copy(other.Orders, Orders, other.Count);
        Array.Copy(other.Nodes, Nodes, other.Count + 2);
        Array.Copy(other.Depart, Depart, other.Count + 2);
        Array.Copy(other.Latest, Latest, other.Count + 2);
        Array.Copy(other.Load, Load, SearchModel.Dims);
        Count = other.Count;
        Cost = other.Cost;
        Feasible = other.Feasible;
    }

    /// <summary>
    /// True when <paramref name="order"/> can be served between positions <paramref name="p"/> and <paramref name="p"/> + 1
    /// with every window and the shift kept (load is checked apart): O(1) from the departure and latest-arrival bounds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CanInsertAt(SearchModel m, int p, int order, int node)
    {
        var start = m.ServiceStart(order, Depart[p] + m.Duration(Nodes[p], node));
        return start != SearchModel.Never && start + m.Service[order] + m.Duration(node, Nodes[p + 1]) <= Latest[p + 1];
    }

    /// <summary>True when the route's load plus <paramref name="order"/>'s demand fits the vehicle in every dimension.</summary>
    public bool Fits(SearchModel m, int order)
    {
        var baseV = Vehicle * SearchModel.Dims;
        var baseO = order * SearchModel.Dims;
        for (var d = 0; d < SearchModel.Dims; d++)
        {
            if (Load[d] + m.Demand[baseO + d] > m.Capacity[baseV + d])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Position within <see cref="Orders"/> of <paramref name="order"/>, or -1.</summary>
    public int IndexOf(int order) => Array.IndexOf(Orders, order, 0, Count);

    private void Update(SearchModel m)
    {
        var v = Vehicle;
        var feasible = true;
        Nodes[0] = m.Start[v];
        Nodes[Count + 1] = m.End[v];
        Array.Clear(Load);
        for (var i = 0; i < Count; i++)
        {
            var o = Orders[i];
            Nodes[i + 1] = m.Node(o);
            for (var d = 0; d < SearchModel.Dims; d++)
            {
                Load[d] += m.Demand[o * SearchModel.Dims + d];
            }
        }
        for (var d = 0; d < SearchModel.Dims; d++)
        {
            feasible &= Load[d] <= m.Capacity[v * SearchModel.Dims + d];
        }

        long cost = 0;
        Depart[0] = m.ShiftStart[v];
        for (var p = 1; p <= Count + 1; p++)
        {
            cost += m.Cost(Nodes[p - 1], Nodes[p]);
            var arrival = Depart[p - 1] + m.Duration(Nodes[p - 1], Nodes[p]);
            if (p == Count + 1)
            {
                Depart[p] = arrival;
                break;
            }
            var o = Orders[p - 1];
            var start = m.ServiceStart(o, arrival);
            if (start == SearchModel.Never)
            {
                feasible = false;
                start = arrival;
            }
            Depart[p] = start + m.Service[o];
        }
        feasible &= Depart[Count + 1] <= m.ShiftEnd[v];
        Cost = Count == 0 ? 0 : cost + m.Fixed[v];

        Latest[Count + 1] = m.ShiftEnd[v];
        for (var p = Count; p >= 1; p--)
        {
            var o = Orders[p - 1];
            var latestStart = Latest[p + 1] - m.Duration(Nodes[p], Nodes[p + 1]) - m.Service[o];
            Latest[p] = Latest[p + 1] == SearchModel.Never ? SearchModel.Never : m.LatestArrival(o, latestStart);
        }
        Latest[0] = Latest[1] == SearchModel.Never ? SearchModel.Never : Latest[1] - m.Duration(Nodes[0], Nodes[1]);
        Feasible = feasible;
    }
}
