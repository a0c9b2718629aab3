using Delivery.Planner.Model;
using Delivery.Planner.Validation;

namespace Delivery.Planner.Solving;

/// <summary>A fixed sequence timed by <see cref="RouteTiming"/>: the schedule and what it breaks.</summary>
/// <param name="Route">The schedule: stop times, waiting, the break (when the vehicle has one) and the route's start and end.</param>
/// <param name="Violations">
/// What the schedule breaks, in <see cref="PlanValidator"/>'s terms (windows missed, capacity, skills, shift end, maximum
/// duration, break); empty when the sequence is feasible.
/// </param>
public sealed record TimedRoute(PlannedRoute Route, IReadOnlyList<PlanViolation> Violations);

/// <summary>
/// Times a given sequence of orders on one vehicle with the planner's own schedule: the same code that times the solver's
/// routes (<c>RouteScheduler</c>: waiting for windows, the earliest window still open among several, the break placed
/// where it fits best, the departure delayed so the maximum route duration holds) and the validator's checks. For a hand
/// edit: a feasible sequence gets exactly the schedule the planner would give it; an infeasible one gets the earliest
/// schedule (service on arrival at a closed window, the break where it breaks least) and every violation.
/// </summary>
public static class RouteTiming
{
    /// <summary>Times <paramref name="orderIds"/> (in this order) on vehicle <paramref name="vehicleId"/> of <paramref name="problem"/>.</summary>
    /// <exception cref="ArgumentException">The vehicle or an order is not in the problem.</exception>
    public static TimedRoute Time(PlanningProblem problem, string vehicleId, IReadOnlyList<string> orderIds)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(orderIds);
        var ix = new ProblemIndex(problem);
        if (!ix.VehicleIndex.TryGetValue(vehicleId, out var v))
        {
            throw new ArgumentException($"Vehicle '{vehicleId}' is not in the problem.", nameof(vehicleId));
        }
        var orders = orderIds.Select(id => ix.OrderIndex.TryGetValue(id, out var o)
            ? o
            : throw new ArgumentException($"Order '{id}' is not in the problem.", nameof(orderIds))).ToList();
        var route = RouteScheduler.Schedule(ix, v, orders).Route ?? Relaxed(ix, v, orders);
        return new TimedRoute(route, Check(problem, route));
    }

    /// <summary>The earliest schedule that ignores what it cannot meet, with the break where the fewest rules break.</summary>
    private static PlannedRoute Relaxed(ProblemIndex ix, int v, IReadOnlyList<int> orders)
    {
        var vehicle = ix.Problem.Vehicles[v];
        var positions = vehicle.Break is null ? [-1] : Enumerable.Range(0, orders.Count + 1).ToArray();
        return positions.Select(k => RouteScheduler.Simulate(ix, v, orders, vehicle.Shift.Start, k, relaxed: true).Route!)
            .OrderBy(r => Check(ix.Problem, r).Count)
            .ThenBy(r => r.EndSeconds)
            .First();
    }

    /// <summary>The validator's findings on one route, without the ones about reported numbers (the schedule is computed, not reported).</summary>
    private static List<PlanViolation> Check(PlanningProblem problem, PlannedRoute route)
    {
        var violations = new List<PlanViolation>();
        var orderIndex = new Dictionary<string, int>(problem.Orders.Count, StringComparer.Ordinal);
        for (var i = 0; i < problem.Orders.Count; i++)
        {
            orderIndex[problem.Orders[i].Id] = i;
        }
        var depots = problem.Depots.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var vehicle = problem.Vehicles.First(x => x.Id == route.VehicleId);
        new RouteChecker(problem, orderIndex, violations).Check(vehicle, depots[vehicle.StartDepotId], depots[vehicle.EndDepotId], route);
        violations.RemoveAll(x => x.Kind is PlanViolationKind.ReportedTimesInconsistent or PlanViolationKind.ReportedDistanceInconsistent
            or PlanViolationKind.ReportedLoadInconsistent);
        return violations;
    }
}
