using Delivery.Planner.Model;
using Delivery.Planner.Solving;

namespace Delivery.Planner.Validation;

/// <summary>Re-times one route and checks it; see <see cref="PlanValidator"/> for the rules.</summary>
internal sealed class RouteChecker(PlanningProblem problem, Dictionary<string, int> orderIndex, List<PlanViolation> violations)
{
    public void Check(Vehicle vehicle, int startDepot, int endDepot, PlannedRoute route)
    {
        var v = vehicle.Id;
        if (route.StartSeconds < vehicle.Shift.Start)
        {
            Add(PlanViolationKind.ShiftStartViolated, v, null, $"leaves the depot at {route.StartSeconds}, before the shift starts at {vehicle.Shift.Start}");
        }
        var brk = CheckBreakPresence(vehicle, route);

        var prev = problem.DepotNode(startDepot);
        long free = route.StartSeconds;         // earliest time the courier can leave the current location
        long reportedFree = route.StartSeconds; // the same, along the plan's reported times
        long distance = 0, travel = 0;
        var load = Load.Zero;
        TakeBreak(vehicle, brk, 0, ref free, ref reportedFree);

        for (var k = 0; k < route.Stops.Count; k++)
        {
            var stop = route.Stops[k];
            if (!orderIndex.TryGetValue(stop.OrderId, out var i))
            {
                continue; // reported as UnknownOrder by the caller; no location to time it at
            }
            var order = problem.Orders[i];
            var node = problem.OrderNode(i);
            // Time-dependent travel: each chain's leg on the matrix in force at its own departure (the same matrix otherwise).
            var leg = problem.DurationAt(prev, node, free);
            var reportedLeg = problem.DurationAt(prev, node, reportedFree);
            travel += reportedLeg;
            distance += problem.DistanceAt(prev, node, reportedFree);

            var arrival = SaturatingAdd(free, leg);
            var serviceStart = EarliestServiceStart(order, arrival);
            if (serviceStart is null)
            {
                Add(PlanViolationKind.WindowMissed, v, order.Id,
                    $"arrives at {arrival} at the earliest, after every window ({string.Join(", ", order.Windows)})");
            }
            var start = serviceStart ?? arrival;
            CheckReportedStop(v, order, stop, SaturatingAdd(reportedFree, reportedLeg), start);
            free = SaturatingAdd(start, order.ServiceSeconds);
            reportedFree = stop.DepartureSeconds;

            if (!order.RequiredSkills.IsSubsetOf(vehicle.Skills))
            {
                var missing = order.RequiredSkills.Where(s => !vehicle.Skills.Contains(s));
                Add(PlanViolationKind.SkillMissing, v, order.Id, $"the vehicle lacks skill(s) {string.Join(", ", missing)}");
            }
            load += order.Demand;
            if (stop.LoadAfter != load)
            {
                Add(PlanViolationKind.ReportedLoadInconsistent, v, order.Id, $"reported load after the stop {stop.LoadAfter}, the demands served so far sum to {load}");
            }
            prev = node;
            TakeBreak(vehicle, brk, k + 1, ref free, ref reportedFree);
        }

        var home = problem.DepotNode(endDepot);
        var lastLeg = problem.DurationAt(prev, home, free);
        var reportedLastLeg = problem.DurationAt(prev, home, reportedFree);
        travel += reportedLastLeg;
        distance += problem.DistanceAt(prev, home, reportedFree);
        var end = SaturatingAdd(free, lastLeg);
        CheckRouteEnd(vehicle, route, end, SaturatingAdd(reportedFree, reportedLastLeg));

        for (var d = 0; d < Load.Dimensions; d++)
        {
            if (load.Get(d) > vehicle.Capacity.Get(d))
            {
                Add(PlanViolationKind.CapacityExceeded, v, null,
                    $"carries {load.Get(d)} {Load.DimensionNames[d]}, capacity is {vehicle.Capacity.Get(d)}");
            }
        }
        if (route.DistanceMeters != distance || route.TravelSeconds != travel)
        {
            Add(PlanViolationKind.ReportedDistanceInconsistent, v, null,
                $"reported {route.DistanceMeters} m and {route.TravelSeconds} s of travel; the matrix gives {distance} m and {travel} s");
        }
    }

    /// <summary>Start of the earliest window that ends no earlier than <paramref name="arrival"/>, or the arrival; null when every window has closed.</summary>
    private static long? EarliestServiceStart(Order order, long arrival)
    {
        if (order.Windows.Count == 0)
        {
            return arrival;
        }
        long? best = null;
        foreach (var w in order.Windows)
        {
            if (w.End >= arrival)
            {
                var s = Math.Max(arrival, w.Start);
                best = best is null ? s : Math.Min(best.Value, s);
            }
        }
        return best;
    }

    private void CheckReportedStop(string v, Order order, PlannedStop stop, long expectedArrival, long earliestStart)
    {
        if (stop.ArrivalSeconds != expectedArrival)
        {
            Add(PlanViolationKind.ReportedTimesInconsistent, v, order.Id,
                $"reported arrival {stop.ArrivalSeconds}, but the reported departure before it plus travel gives {expectedArrival}");
        }
        if (stop.ServiceStartSeconds < stop.ArrivalSeconds || stop.ServiceStartSeconds < earliestStart)
        {
            Add(PlanViolationKind.ReportedTimesInconsistent, v, order.Id,
                $"reported service start {stop.ServiceStartSeconds} is before the arrival {stop.ArrivalSeconds} or the earliest possible start {earliestStart}");
        }
        var windowOk = order.Windows.Count == 0
            ? stop.WindowIndex == -1
            : stop.WindowIndex >= 0 && stop.WindowIndex < order.Windows.Count && order.Windows[stop.WindowIndex].Contains(stop.ServiceStartSeconds);
        if (!windowOk)
        {
            Add(PlanViolationKind.ReportedTimesInconsistent, v, order.Id,
                $"reported service start {stop.ServiceStartSeconds} is not inside window #{stop.WindowIndex} of [{string.Join(", ", order.Windows)}]");
        }
        if (stop.DepartureSeconds != SaturatingAdd(stop.ServiceStartSeconds, order.ServiceSeconds))
        {
            Add(PlanViolationKind.ReportedTimesInconsistent, v, order.Id,
                $"reported departure {stop.DepartureSeconds} is not the service start {stop.ServiceStartSeconds} plus {order.ServiceSeconds} s of service");
        }
    }

    private void CheckRouteEnd(Vehicle vehicle, PlannedRoute route, long end, long reportedEnd)
    {
        var v = vehicle.Id;
        if (end > vehicle.Shift.End)
        {
            Add(PlanViolationKind.ShiftEndExceeded, v, null, $"back at the depot at {end} at the earliest, after the shift ends at {vehicle.Shift.End}");
        }
        else if (route.EndSeconds > vehicle.Shift.End)
        {
            Add(PlanViolationKind.ReportedTimesInconsistent, v, null, $"reported end {route.EndSeconds} is after the shift end {vehicle.Shift.End}");
        }
        if (vehicle.MaxRouteSeconds is { } max)
        {
            var span = (Int128)end - route.StartSeconds;
            var reportedSpan = (Int128)route.EndSeconds - route.StartSeconds;
            if (span > max)
            {
                Add(PlanViolationKind.MaxRouteDurationExceeded, v, null,
                    $"route lasts {span} s ({route.StartSeconds} to {end}), the maximum is {max} s");
            }
            else if (reportedSpan > max)
            {
                Add(PlanViolationKind.ReportedTimesInconsistent, v, null, $"reported route lasts {reportedSpan} s, the maximum is {max} s");
            }
        }
        if (route.EndSeconds != reportedEnd)
        {
            Add(PlanViolationKind.ReportedTimesInconsistent, v, null, $"reported end {route.EndSeconds}, but the last reported departure plus travel home gives {reportedEnd}");
        }
    }

    /// <summary>The break to time, or null when there is none (or it cannot be placed; then a violation is recorded).</summary>
    private PlannedBreak? CheckBreakPresence(Vehicle vehicle, PlannedRoute route)
    {
        if (route.Break is not { } brk)
        {
            if (vehicle.Break is not null)
            {
                Add(PlanViolationKind.BreakMissing, vehicle.Id, null, $"the vehicle must take a break of {vehicle.Break.DurationSeconds} s within {vehicle.Break.Window}");
            }
            return null;
        }
        if (vehicle.Break is null)
        {
            Add(PlanViolationKind.BreakMisplaced, vehicle.Id, null, "the plan has a break for a vehicle that has none");
            return null;
        }
        if (brk.AfterStop < 0 || brk.AfterStop > route.Stops.Count)
        {
            Add(PlanViolationKind.BreakMisplaced, vehicle.Id, null, $"break after stop {brk.AfterStop}, but the route has {route.Stops.Count} stops");
            return null;
        }
        return brk;
    }

    private void TakeBreak(Vehicle vehicle, PlannedBreak? brk, int afterStop, ref long free, ref long reportedFree)
    {
        if (brk is null || brk.AfterStop != afterStop || vehicle.Break is not { } rule)
        {
            return;
        }
        if (brk.StartSeconds < free)
        {
            Add(PlanViolationKind.BreakMisplaced, vehicle.Id, null, $"break starts at {brk.StartSeconds}, before the courier is free at {free}");
        }
        else if (brk.StartSeconds < reportedFree)
        {
            Add(PlanViolationKind.ReportedTimesInconsistent, vehicle.Id, null, $"break starts at {brk.StartSeconds}, before the reported departure {reportedFree}");
        }
        if (!rule.Window.Contains(brk.StartSeconds))
        {
            Add(PlanViolationKind.BreakOutsideWindow, vehicle.Id, null, $"break starts at {brk.StartSeconds}, outside its window {rule.Window}");
        }
        if (brk.DurationSeconds < rule.DurationSeconds)
        {
            Add(PlanViolationKind.BreakTooShort, vehicle.Id, null, $"break lasts {brk.DurationSeconds} s, the vehicle's break is {rule.DurationSeconds} s");
        }
        var duration = Math.Max(brk.DurationSeconds, rule.DurationSeconds);
        free = SaturatingAdd(Math.Max(free, brk.StartSeconds), duration);
        reportedFree = SaturatingAdd(Math.Max(reportedFree, brk.StartSeconds), duration);
    }

    /// <summary>Adds without overflow so absurd reported values give a violation, not an exception.</summary>
    private static long SaturatingAdd(long a, long b)
    {
        var sum = (Int128)a + b;
        return sum > long.MaxValue ? long.MaxValue : sum < long.MinValue ? long.MinValue : (long)sum;
    }

    private void Add(PlanViolationKind kind, string? vehicleId, string? orderId, string message) =>
        violations.Add(new(kind, vehicleId, orderId, message));
}
