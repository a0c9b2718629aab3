using Delivery.Planner.Model;

namespace Delivery.Planner.Solving;

/// <summary>
/// The objective in integers, shared by the OR-Tools model and the managed cost evaluation so that solutions from
/// different models (portfolio members, LNS sub-problems) compare on one scale.
/// </summary>
internal sealed class CostModel
{
    private readonly PlanningProblem _problem;

    public CostModel(PlanningProblem problem)
    {
        _problem = problem;
        var m = problem.Matrix;
        long maxArc = 1;
        var arcs = problem.Objective == PlanObjective.MinDistance ? m.Distances : m.Durations;
        foreach (var a in arcs)
        {
            maxArc = Math.Max(maxArc, a);
        }
        var n = problem.Orders.Count;
        checked
        {
            // Hierarchical objective: one vehicle more must cost more than any travel saving it could buy.
            VehicleCost = problem.Objective == PlanObjective.FewestVehiclesThenTravel ? maxArc * (n + 2) : 0;
            // Dropping an order must cost more than opening a vehicle and driving to it.
            BasePenalty = 10 * (VehicleCost + 2 * maxArc + problem.Vehicles.Select(v => v.FixedCost).DefaultIfEmpty().Max() + 1);
        }
    }

    /// <summary>Cost added per used vehicle by the hierarchical objective.</summary>
    public long VehicleCost { get; }

    /// <summary>Penalty for leaving a priority-0 order unassigned.</summary>
    public long BasePenalty { get; }

    /// <summary>Cost of the arc between two matrix indices.</summary>
    public long Arc(int from, int to) =>
        _problem.Objective == PlanObjective.MinDistance ? _problem.Matrix.Distance(from, to) : _problem.Matrix.Duration(from, to);

    /// <summary>Fixed cost of using vehicle <paramref name="v"/>.</summary>
    public long Fixed(int v) => checked(_problem.Vehicles[v].FixedCost + VehicleCost);

    /// <summary>
    /// Penalty for dropping order <paramref name="o"/>: an order of a higher priority is worth more than every order
    /// of priority 0 together, so high priorities are dropped last.
    /// </summary>
    public long Penalty(int o) => checked(BasePenalty * (1 + (long)_problem.Orders[o].Priority * _problem.Orders.Count));

    /// <summary>Cost of one route (vehicle index, order indices), fixed cost included when it has stops.</summary>
    public long RouteCost(int v, IReadOnlyList<int> orders)
    {
        if (orders.Count == 0)
        {
            return 0;
        }
        var vehicle = _problem.Vehicles[v];
        var prev = StartNode(vehicle);
        long cost = Fixed(v);
        foreach (var o in orders)
        {
            var node = _problem.OrderNode(o);
            cost += Arc(prev, node);
            prev = node;
        }
        return cost + Arc(prev, EndNode(vehicle));
    }

    /// <summary>
    /// Cost of the routes of <paramref name="vehicles"/>; orders in <paramref name="droppable"/> not routed add their
    /// penalty. Over a model's scope this equals the OR-Tools objective of that model.
    /// </summary>
    public long SolutionCost(Solution s, IEnumerable<int> vehicles, IEnumerable<int> droppable)
    {
        long cost = 0;
        foreach (var v in vehicles)
        {
            cost += RouteCost(v, s.Routes[v]);
        }
        var routed = s.RoutedOrders();
        foreach (var o in droppable)
        {
            if (!routed.Contains(o))
            {
                cost += Penalty(o);
            }
        }
        return cost;
    }

    /// <summary>Matrix index of the vehicle's start depot.</summary>
    public int StartNode(Vehicle v) => DepotIndex(v.StartDepotId);

    /// <summary>Matrix index of the vehicle's end depot.</summary>
    public int EndNode(Vehicle v) => DepotIndex(v.EndDepotId);

    private int DepotIndex(string id)
    {
        for (var d = 0; d < _problem.Depots.Count; d++)
        {
            if (_problem.Depots[d].Id == id)
            {
                return _problem.DepotNode(d);
            }
        }
        throw new InvalidOperationException($"Unknown depot '{id}'.");
    }
}
