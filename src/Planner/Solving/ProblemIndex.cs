using Delivery.Planner.Model;

namespace Delivery.Planner.Solving;

/// <summary>Facts about a problem computed once per solve: depot nodes, allowed vehicles, sorted windows.</summary>
internal sealed class ProblemIndex
{
    public ProblemIndex(PlanningProblem problem)
    {
        Problem = problem;
        Cost = new CostModel(problem);
        StartNode = problem.Vehicles.Select(Cost.StartNode).ToArray();
        EndNode = problem.Vehicles.Select(Cost.EndNode).ToArray();
        Windows = problem.Orders.Select(o => Merge(o.Windows)).ToArray();
        var vehicleIndex = problem.Vehicles.Select((v, i) => (v.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        OrderIndex = problem.Orders.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        VehicleIndex = vehicleIndex;
        Allowed = new bool[problem.Orders.Count][];
        for (var o = 0; o < problem.Orders.Count; o++)
        {
            var order = problem.Orders[o];
            int? pinned = problem.Pins.TryGetValue(order.Id, out var pv) ? vehicleIndex[pv] : null;
            Allowed[o] = problem.Vehicles
                .Select((v, i) => order.RequiredSkills.All(v.Skills.Contains) && (pinned is null || pinned == i))
                .ToArray();
        }
    }

    public PlanningProblem Problem { get; }

    public CostModel Cost { get; }

    /// <summary>Matrix index of each vehicle's start depot.</summary>
    public int[] StartNode { get; }

    /// <summary>Matrix index of each vehicle's end depot.</summary>
    public int[] EndNode { get; }

    /// <summary>Each order's windows sorted and merged (overlaps joined); empty when the order has none.</summary>
    public TimeWindow[][] Windows { get; }

    /// <summary>Order id → index.</summary>
    public IReadOnlyDictionary<string, int> OrderIndex { get; }

    /// <summary>Vehicle id → index.</summary>
    public IReadOnlyDictionary<string, int> VehicleIndex { get; }

    /// <summary>[order][vehicle]: the vehicle has the skills and the pin (if any) allows it.</summary>
    public bool[][] Allowed { get; }

    /// <summary>Travel time between matrix indices.</summary>
    public long Travel(int from, int to) => Problem.Matrix.Duration(from, to);

    private static TimeWindow[] Merge(IReadOnlyList<TimeWindow> windows)
    {
        var sorted = windows.OrderBy(w => w.Start).ToList();
        var merged = new List<TimeWindow>();
        foreach (var w in sorted)
        {
            if (merged.Count > 0 && w.Start <= merged[^1].End + 1)
            {
                merged[^1] = new TimeWindow(merged[^1].Start, Math.Max(merged[^1].End, w.End));
            }
            else
            {
                merged.Add(w);
            }
        }
        return merged.ToArray();
    }
}
