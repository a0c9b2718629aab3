using Delivery.Planner.Model;
using Delivery.Planner.Solving;

namespace Delivery.Planner.Validation;

/// <summary>
/// Checks a plan against its problem independently of the solver: plain integer arithmetic, no OR-Tools.
/// </summary>
/// <remarks>
/// <para>
/// Every route is re-timed from the matrix. The route leaves its start depot at <see cref="PlannedRoute.StartSeconds"/>;
/// arrival at the next location is the departure plus the matrix duration; service starts at the arrival or at the
/// start of the earliest window that ends no earlier than the arrival, whichever is later (an order without windows is
/// served on arrival); departure is service start plus service time. A planned break is taken at the location of stop
/// <see cref="PlannedBreak.AfterStop"/> (0 = the start depot) and travel onward starts when it ends. Windows, shift end,
/// maximum route duration and capacity are judged on this earliest schedule, which is the best any schedule of the same
/// sequence can do.
/// </para>
/// <para>
/// The times the plan reports are then checked along the plan's own chain: each reported arrival must equal the
/// reported departure before it (or the break end) plus the travel time, exactly; the reported service start may be
/// later than the earliest one (a planner may choose to wait) but never earlier than the arrival or the earliest
/// service start, and it must lie inside the window <see cref="PlannedStop.WindowIndex"/> names (-1 exactly when the
/// order has no windows); departure must equal service start plus service time; the route end must equal the last
/// departure (or break end) plus the travel home and be within the shift. Distance and travel time must equal the
/// matrix sums and the reported load after each stop the cumulative demand.
/// </para>
/// <para>
/// A locked route must be driven by its vehicle in exactly its locked sequence, with nothing added. A pinned order that
/// is routed must be on its vehicle (a pinned order reported unassigned with a reason is allowed). Every order must be
/// routed exactly once or reported unassigned exactly once, with a reason.
/// </para>
/// </remarks>
public static class PlanValidator
{
    /// <summary>Returns every violation found; an empty list means the plan is valid.</summary>
    /// <param name="problem">The problem the plan solves; it must itself be valid.</param>
    /// <param name="result">The plan to check.</param>
    /// <exception cref="PlanningInputException">The problem is invalid.</exception>
    public static IReadOnlyList<PlanViolation> Validate(PlanningProblem problem, PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        problem.Validate();

        var violations = new List<PlanViolation>();
        var orderIndex = new Dictionary<string, int>(problem.Orders.Count, StringComparer.Ordinal);
        for (var i = 0; i < problem.Orders.Count; i++)
        {
            orderIndex[problem.Orders[i].Id] = i;
        }
        var vehicles = problem.Vehicles.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var depotIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < problem.Depots.Count; d++)
        {
            depotIndex[problem.Depots[d].Id] = d;
        }

        var routedOn = new List<string>?[problem.Orders.Count];
        var unassignedCount = new int[problem.Orders.Count];
        var routesByVehicle = new Dictionary<string, PlannedRoute>(StringComparer.Ordinal);
        var checker = new RouteChecker(problem, orderIndex, violations);

        foreach (var route in result.Routes)
        {
            foreach (var stop in route.Stops)
            {
                if (orderIndex.TryGetValue(stop.OrderId, out var i))
                {
                    (routedOn[i] ??= []).Add(route.VehicleId);
                }
                else
                {
                    violations.Add(new(PlanViolationKind.UnknownOrder, route.VehicleId, stop.OrderId, "the route serves an order the problem does not have"));
                }
            }
            if (!vehicles.TryGetValue(route.VehicleId, out var vehicle))
            {
                violations.Add(new(PlanViolationKind.UnknownVehicle, route.VehicleId, null, "the plan has a route for a vehicle the problem does not have"));
                continue;
            }
            if (!routesByVehicle.TryAdd(route.VehicleId, route))
            {
                violations.Add(new(PlanViolationKind.VehicleUsedTwice, route.VehicleId, null, "the vehicle has more than one route"));
            }
            checker.Check(vehicle, depotIndex[vehicle.StartDepotId], depotIndex[vehicle.EndDepotId], route);
        }

        foreach (var u in result.Unassigned)
        {
            if (!orderIndex.TryGetValue(u.OrderId, out var i))
            {
                violations.Add(new(PlanViolationKind.UnknownOrder, null, u.OrderId, "the plan reports unassigned an order the problem does not have"));
                continue;
            }
            unassignedCount[i]++;
            if (!Enum.IsDefined(u.Reason) || string.IsNullOrWhiteSpace(u.Detail))
            {
                violations.Add(new(PlanViolationKind.UnassignedWithoutReason, null, u.OrderId,
                    $"unassigned with reason {u.Reason} and detail '{u.Detail}': a dispatcher needs both"));
            }
        }

        CheckCoverage(problem, routedOn, unassignedCount, violations);
        CheckLocks(problem, routesByVehicle, violations);
        CheckPins(problem, orderIndex, routedOn, violations);
        return violations;
    }

    private static void CheckCoverage(PlanningProblem problem, List<string>?[] routedOn, int[] unassignedCount, List<PlanViolation> violations)
    {
        for (var i = 0; i < problem.Orders.Count; i++)
        {
            var id = problem.Orders[i].Id;
            var routed = routedOn[i]?.Count ?? 0;
            if (routed + unassignedCount[i] == 0)
            {
                violations.Add(new(PlanViolationKind.OrderMissing, null, id, "the order is neither routed nor reported unassigned"));
            }
            else if (routed + unassignedCount[i] > 1)
            {
                var where = routed > 0 ? $"routed {routed} time(s) (vehicles {string.Join(", ", routedOn[i]!)})" : "not routed";
                violations.Add(new(PlanViolationKind.OrderDuplicated, null, id, $"{where} and reported unassigned {unassignedCount[i]} time(s)"));
            }
        }
    }

    private static void CheckLocks(PlanningProblem problem, Dictionary<string, PlannedRoute> routesByVehicle, List<PlanViolation> violations)
    {
        foreach (var l in problem.LockedRoutes)
        {
            var actual = routesByVehicle.TryGetValue(l.VehicleId, out var r) ? r.Stops.Select(s => s.OrderId).ToList() : [];
            if (!actual.SequenceEqual(l.OrderIds, StringComparer.Ordinal))
            {
                violations.Add(new(PlanViolationKind.LockBroken, l.VehicleId, null,
                    $"locked sequence [{string.Join(", ", l.OrderIds)}] but the plan drives [{string.Join(", ", actual)}]"));
            }
        }
    }

    private static void CheckPins(PlanningProblem problem, Dictionary<string, int> orderIndex, List<string>?[] routedOn, List<PlanViolation> violations)
    {
        foreach (var (orderId, vehicleId) in problem.Pins)
        {
            if (routedOn[orderIndex[orderId]] is { } on && on.Any(v => !string.Equals(v, vehicleId, StringComparison.Ordinal)))
            {
                violations.Add(new(PlanViolationKind.PinBroken, string.Join(", ", on), orderId, $"pinned to vehicle '{vehicleId}' but routed on '{string.Join(", ", on)}'"));
            }
        }
    }
}
