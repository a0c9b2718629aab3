using Delivery.Planner.Model;

namespace Delivery.Planner.Solving;

/// <summary>
/// Explains unassigned orders in a dispatcher's words: before the solve, orders no vehicle could serve even alone;
/// after it, orders the search dropped, naming the binding constraint.
/// </summary>
internal static class UnassignedClassifier
{
    /// <summary>The reason order <paramref name="o"/> cannot be served by any vehicle in <paramref name="vehicles"/> alone, or null when one can.</summary>
    public static UnassignedOrder? BeforeSolve(ProblemIndex ix, int o, IReadOnlyCollection<int> vehicles)
    {
        var p = ix.Problem;
        var order = p.Orders[o];
        var skilled = vehicles.Where(v => order.RequiredSkills.All(p.Vehicles[v].Skills.Contains)).ToList();
        if (skilled.Count == 0)
        {
            return new(order.Id, UnassignedReason.NoVehicleWithSkill,
                $"No available courier has every required skill ({string.Join(", ", order.RequiredSkills.Order())}).",
                Args(("skills", string.Join(", ", order.RequiredSkills.Order()))));
        }
        if (p.Pins.TryGetValue(order.Id, out var pinnedId))
        {
            var pinned = ix.VehicleIndex[pinnedId];
            if (!skilled.Contains(pinned))
            {
                return new(order.Id, UnassignedReason.PinInfeasible,
                    $"Pinned to {pinnedId}, which is locked to other stops or lacks a required skill ({string.Join(", ", order.RequiredSkills.Order())}).",
                    Args(("vehicle", pinnedId), ("skills", string.Join(", ", order.RequiredSkills.Order()))));
            }
            skilled = [pinned];
        }
        for (var d = 0; d < Load.Dimensions; d++)
        {
            var need = order.Demand.Get(d);
            var most = skilled.Max(v => p.Vehicles[v].Capacity.Get(d));
            if (need > most)
            {
                return new(order.Id, UnassignedReason.DemandExceedsEveryVehicle,
                    $"Its {Load.DimensionNames[d]} ({need}) is more than the largest suitable vehicle carries ({most}).",
                    Args(("dimension", Load.DimensionNames[d]), ("need", Number(need)), ("most", Number(most))));
            }
        }
        var fits = skilled.Where(v => order.Demand.FitsIn(p.Vehicles[v].Capacity)).ToList();
        if (fits.Count == 0)
        {
            return new(order.Id, UnassignedReason.DemandExceedsEveryVehicle,
                "No single suitable vehicle has room for its weight, volume and items together.", Args(("dimension", "together")));
        }
        if (fits.Any(v => RouteScheduler.Schedule(ix, v, [o]).Route is not null))
        {
            return null;
        }
        var windows = ix.Windows[o];
        var earliest = fits.Min(v => p.Vehicles[v].Shift.Start + ix.Travel(ix.StartNode[v], p.OrderNode(o)));
        var reachable = windows.Length == 0 || fits.Any(v =>
        {
            var arrival = p.Vehicles[v].Shift.Start + ix.Travel(ix.StartNode[v], p.OrderNode(o));
            return windows.Any(w => w.End >= arrival && w.Start <= p.Vehicles[v].Shift.End);
        });
        if (!reachable)
        {
            return new(order.Id, UnassignedReason.WindowUnreachable,
                $"Its window{(windows.Length > 1 ? "s" : "")} {string.Join(", ", windows.Select(w => Span(p, w.Start, w.End)))} cannot be reached within any shift: the earliest arrival from a depot is {Clock(p, earliest)}.",
                Args(("windows", string.Join(";", windows.Select(w => $"{Number(w.Start)}/{Number(w.End)}"))), ("earliestAt", Number(earliest))));
        }
        var v0 = fits[0];
        var vehicle = p.Vehicles[v0];
        return new(order.Id, UnassignedReason.ShiftTooShort,
            vehicle.MaxRouteSeconds is { } max
                ? $"No shift is long enough to serve it and return to the depot (e.g. {vehicle.Id}: shift {Span(p, vehicle.Shift.Start, vehicle.Shift.End)}, at most {max / 60} min per route)."
                : $"No shift is long enough to serve it and return to the depot (e.g. {vehicle.Id}: shift {Span(p, vehicle.Shift.Start, vehicle.Shift.End)}).",
            Args(("vehicle", vehicle.Id), ("shiftStartAt", Number(vehicle.Shift.Start)), ("shiftEndAt", Number(vehicle.Shift.End)),
                ("maxMinutes", vehicle.MaxRouteSeconds is { } m ? Number(m / 60) : "")));
    }

    /// <summary>Why the search dropped order <paramref name="o"/>: capacity when no suitable route has room, else time.</summary>
    public static UnassignedOrder AfterSolve(ProblemIndex ix, int o, Solution solution, IReadOnlyCollection<int> vehicles)
    {
        var p = ix.Problem;
        var order = p.Orders[o];
        var suitable = vehicles.Where(v => ix.Allowed[o][v] && order.Demand.FitsIn(p.Vehicles[v].Capacity)).ToList();
        var blocked = new int[Load.Dimensions];
        var full = 0;
        foreach (var v in suitable)
        {
            var used = solution.Routes[v].Aggregate(Load.Zero, (l, x) => l + p.Orders[x].Demand);
            var blocks = false;
            for (var d = 0; d < Load.Dimensions; d++)
            {
                if (used.Get(d) + order.Demand.Get(d) > p.Vehicles[v].Capacity.Get(d))
                {
                    blocked[d]++;
                    blocks = true;
                }
            }
            full += blocks ? 1 : 0;
        }
        if (suitable.Count > 0 && full == suitable.Count)
        {
            var d = Array.IndexOf(blocked, blocked.Max());
            return new(order.Id, UnassignedReason.FleetFull,
                $"No room left in the fleet: capacity ({Load.DimensionNames[d]}) — every suitable vehicle is too full to take its {Load.DimensionNames[d]} of {order.Demand.Get(d)}.",
                Args(("binding", "capacity"), ("dimension", Load.DimensionNames[d]), ("need", Number(order.Demand.Get(d)))));
        }
        return new(order.Id, UnassignedReason.FleetFull,
            $"No room left in the fleet: time windows and shifts — no suitable route can fit the stop inside its window{(order.Windows.Count > 1 ? "s" : "")} and still finish its shift.",
            Args(("binding", "time")));
    }

    /// <summary>The reason of an order the plan was stopped before trying (time limit or cancellation during the construction).</summary>
    public static UnassignedOrder Stopped(ProblemIndex ix, int o) => new(ix.Problem.Orders[o].Id, UnassignedReason.StoppedEarly,
        "The plan was stopped (time limit or cancellation) before the search could place it; a longer time limit may route it.");

    private static Dictionary<string, string> Args(params (string Key, string Value)[] args) =>
        args.Where(a => a.Value.Length > 0).ToDictionary(a => a.Key, a => a.Value);

    private static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Clock(PlanningProblem p, long seconds) => p.Epoch.AddSeconds(seconds).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Span(PlanningProblem p, long start, long end) => $"{Clock(p, start)}–{Clock(p, end)}";
}
