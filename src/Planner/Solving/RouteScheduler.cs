using Delivery.Planner.Model;

namespace Delivery.Planner.Solving;

/// <summary>
/// Re-times a fixed sequence of orders with managed integer arithmetic, using the validator's semantics: service
/// starts as early as possible (at arrival or at the start of the first window still open); a break is taken at the
/// location of stop <c>AfterStop</c> right after serving it (0 = at the start depot), and travel resumes when it ends.
/// </summary>
internal static class RouteScheduler
{
    /// <summary>Result of timing a route: the planned route, or the position (0-based) of the first stop that failed (-1 for the depot/shift).</summary>
    public readonly record struct Timing(PlannedRoute? Route, int FailedStop);

    /// <summary>Times the route, choosing the departure and break position; returns the failure when none works.</summary>
    public static Timing Schedule(ProblemIndex ix, int v, IReadOnlyList<int> orders)
    {
        var vehicle = ix.Problem.Vehicles[v];
        var breakPositions = vehicle.Break is null || orders.Count == 0 ? [-1] : Enumerable.Range(0, orders.Count + 1).ToArray();
        Timing best = new(null, int.MaxValue);
        foreach (var k in breakPositions)
        {
            var t = Simulate(ix, v, orders, vehicle.Shift.Start, k);
            if (t.Route is not null)
            {
                t = Tighten(ix, v, orders, k, t.Route);
                if (t.Route is not null && (best.Route is null || t.Route.EndSeconds < best.Route.EndSeconds))
                {
                    best = t;
                }
            }
            else if (best.Route is null && t.FailedStop < best.FailedStop)
            {
                best = t;
            }
        }
        return best;
    }

    /// <summary>
    /// Starts as late as the earliest schedule allows (no waiting before the first stop) and, if the route is then
    /// longer than allowed, tries departures that meet each stop's service start without waiting before it.
    /// </summary>
    private static Timing Tighten(ProblemIndex ix, int v, IReadOnlyList<int> orders, int breakAfter, PlannedRoute early)
    {
        var vehicle = ix.Problem.Vehicles[v];
        var max = vehicle.MaxRouteSeconds ?? long.MaxValue;
        Timing best = new(null, -1);
        var candidates = new List<long>();
        long chain = 0;
        var prev = ix.StartNode[v];
        for (var i = 0; i < orders.Count && (i == 0 || early.EndSeconds - early.StartSeconds > max); i++)
        {
            if (i == breakAfter)
            {
                break;
            }
            var node = ix.Problem.OrderNode(orders[i]);
            chain += ix.Travel(prev, node);
            candidates.Add(early.Stops[i].ServiceStartSeconds - chain);
            chain += ix.Problem.Orders[orders[i]].ServiceSeconds;
            prev = node;
        }
        foreach (var d in candidates.Where(d => d >= vehicle.Shift.Start).Distinct().OrderByDescending(d => d))
        {
            var t = Simulate(ix, v, orders, d, breakAfter);
            if (t.Route is not null && t.Route.EndSeconds - t.Route.StartSeconds <= max)
            {
                if (best.Route is null || t.Route.EndSeconds - t.Route.StartSeconds < best.Route.EndSeconds - best.Route.StartSeconds)
                {
                    best = t;
                }
            }
        }
        if (best.Route is null && early.EndSeconds - early.StartSeconds <= max)
        {
            best = new(early, -1);
        }
        return best.Route is null ? new(null, orders.Count - 1) : best;
    }

    /// <summary>
    /// Forward pass from departure <paramref name="departure"/>; <paramref name="breakAfter"/> -1 for no break. With
    /// <paramref name="relaxed"/> it never gives up (hand edits): a closed window is served on arrival, a late break is
    /// taken late, capacity and shift end are left to the validator's checks.
    /// </summary>
    public static Timing Simulate(ProblemIndex ix, int v, IReadOnlyList<int> orders, long departure, int breakAfter, bool relaxed = false)
    {
        var p = ix.Problem;
        var vehicle = p.Vehicles[v];
        var stops = new List<PlannedStop>(orders.Count);
        PlannedBreak? plannedBreak = null;
        var t = departure;
        var prev = ix.StartNode[v];
        long distance = 0, travel = 0;
        var load = Load.Zero;
        for (var i = 0; i <= orders.Count; i++)
        {
            if (i == breakAfter && vehicle.Break is { } b)
            {
                var bs = Math.Max(t, b.Window.Start);
                if (bs > b.Window.End && !relaxed)
                {
                    return new(null, Math.Max(0, i - 1));
                }
                plannedBreak = new PlannedBreak(bs, b.DurationSeconds, i);
                t = bs + b.DurationSeconds;
            }
            var node = i < orders.Count ? p.OrderNode(orders[i]) : ix.EndNode[v];
            var leg = p.DurationAt(prev, node, t);
            var arrival = t + leg;
            distance += p.DistanceAt(prev, node, t);
            travel += leg;
            prev = node;
            if (i == orders.Count)
            {
                t = arrival;
                break;
            }
            var order = p.Orders[orders[i]];
            var (start, window) = ServiceStart(order, arrival);
            if (start < 0 && relaxed)
            {
                (start, window) = (arrival, order.Windows.Count - 1);
            }
            if (start < 0)
            {
                return new(null, i);
            }
            load += order.Demand;
            if (!load.FitsIn(vehicle.Capacity) && !relaxed)
            {
                return new(null, i);
            }
            t = start + order.ServiceSeconds;
            stops.Add(new PlannedStop(order.Id, arrival, start, t, window, load));
        }
        if (t > vehicle.Shift.End && !relaxed)
        {
            return new(null, orders.Count - 1);
        }
        return new(new PlannedRoute(vehicle.Id, stops, departure, t, distance, travel, plannedBreak), -1);
    }

    /// <summary>Earliest service start at or after <paramref name="arrival"/> and the index of its window (in the order's own list); -1 start when every window has closed.</summary>
    public static (long Start, int Window) ServiceStart(Order order, long arrival)
    {
        if (order.Windows.Count == 0)
        {
            return (arrival, -1);
        }
        long best = -1;
        var bestIndex = -1;
        for (var w = 0; w < order.Windows.Count; w++)
        {
            var win = order.Windows[w];
            if (win.End < arrival)
            {
                continue;
            }
            var s = Math.Max(arrival, win.Start);
            if (best < 0 || s < best)
            {
                best = s;
                bestIndex = w;
            }
        }
        return (best, bestIndex);
    }
}
