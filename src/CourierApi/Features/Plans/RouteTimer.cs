using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Travel;
using Delivery.Planner.Validation;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>A stop of a re-timed route, seconds from the plan epoch.</summary>
internal sealed record StopDraft(string OrderKey, long Arrival, long ServiceStart, long Departure, int WindowIndex, string? Violation);

/// <summary>A route ready to be stored; <paramref name="Break"/> is the courier's break when the shift has one.</summary>
internal sealed record RouteDraft(string ShiftKey, bool Locked, IReadOnlyList<StopDraft> Stops, long StartSeconds, long EndSeconds, long DistanceMeters,
    long TravelSeconds, IReadOnlyList<string> Violations, PlannedBreak? Break = null);

/// <summary>
/// Re-times a hand-edited stop sequence with the planner's own schedule (<see cref="RouteTiming"/>: waiting for windows,
/// several windows, the break placed, the maximum route duration kept) and spells every broken constraint out for a
/// dispatcher ("window 10:00–12:00 missed by 14 min"). The timing is the planner's; only the words are the host's.
/// </summary>
internal sealed class RouteTimer(ITravelTimeSource travel)
{
    public async Task<RouteDraft> RetimeAsync(PlanInput input, string shiftKey, bool locked, IReadOnlyList<string> orderKeys, CancellationToken ct)
    {
        var vehicle = input.VehiclesById[shiftKey];
        var orders = orderKeys.Select(k => input.OrdersById[k]).ToList();
        // The whole fleet stays in the problem (a skill no vehicle has is invalid input, one this vehicle lacks is a violation);
        // the matrix covers the depots and this route's orders only.
        var problem = await PlanningProblemFactory.CreateAsync(input.Depots, input.Vehicles, orders, travel, epoch: input.Epoch, cancellationToken: ct);
        return Describe(input, vehicle, locked, RouteTiming.Time(problem, vehicle.Id, orderKeys));
    }

    /// <summary>The draft of a timed route, its violations in a dispatcher's words: per stop where they belong to one, else for the route.</summary>
    private static RouteDraft Describe(PlanInput input, Vehicle vehicle, bool locked, TimedRoute timed)
    {
        var r = timed.Route;
        var byOrder = timed.Violations.Where(v => v.OrderId is not null).ToLookup(v => v.OrderId!);
        var overloaded = timed.Violations.Any(v => v.Kind == PlanViolationKind.CapacityExceeded)
            ? r.Stops.FirstOrDefault(s => !s.LoadAfter.FitsIn(vehicle.Capacity))?.OrderId
            : null;
        var stops = r.Stops.Select(s =>
        {
            var order = input.OrdersById[s.OrderId];
            var words = byOrder[s.OrderId].Select(v => Words(input, vehicle, v, order, s)).ToList();
            if (s.OrderId == overloaded)
            {
                words.Add($"capacity exceeded after this stop ({Over(s.LoadAfter, vehicle.Capacity)})");
            }
            return new StopDraft(s.OrderId, s.ArrivalSeconds, s.ServiceStartSeconds, s.DepartureSeconds, s.WindowIndex,
                words.Count == 0 ? null : string.Join("; ", words));
        }).ToList();
        var violations = stops.Where(s => s.Violation is not null).Select(s => $"order {s.OrderKey}: {s.Violation}")
            .Concat(timed.Violations.Where(v => v.OrderId is null && v.Kind != PlanViolationKind.CapacityExceeded).Select(v => RouteWords(input, vehicle, r, v)))
            .ToList();
        return new RouteDraft(vehicle.Id, locked, stops, r.StartSeconds, r.EndSeconds, r.DistanceMeters, r.TravelSeconds, violations, r.Break);
    }

    private static string Words(PlanInput input, Vehicle vehicle, PlanViolation v, Order order, PlannedStop s) => v.Kind switch
    {
        PlanViolationKind.WindowMissed when order.Windows.Count > 0 && order.Windows[^1] is var w =>
            $"window {Clock(input, w.Start)}–{Clock(input, w.End)} missed by {Minutes(s.ArrivalSeconds - w.End)} min (arrives {Clock(input, s.ArrivalSeconds)})",
        PlanViolationKind.SkillMissing => $"courier lacks skill(s) {string.Join(", ", order.RequiredSkills.Except(vehicle.Skills))}",
        _ => v.Message,
    };

    private static string RouteWords(PlanInput input, Vehicle vehicle, PlannedRoute r, PlanViolation v) => v.Kind switch
    {
        PlanViolationKind.ShiftEndExceeded =>
            $"back at the depot {Minutes(r.EndSeconds - vehicle.Shift.End)} min after the shift ends ({Clock(input, vehicle.Shift.End)})",
        PlanViolationKind.MaxRouteDurationExceeded when vehicle.MaxRouteSeconds is { } max =>
            $"the route lasts {Minutes(r.EndSeconds - r.StartSeconds)} min, longer than the {Minutes(max)} min allowed",
        PlanViolationKind.BreakOutsideWindow or PlanViolationKind.BreakMissing or PlanViolationKind.BreakMisplaced when vehicle.Break is { } b =>
            $"no room for the {Minutes(b.DurationSeconds)} min break between {Clock(input, b.Window.Start)} and {Clock(input, b.Window.End)}",
        _ => v.Message,
    };

    private static long Minutes(long seconds) => (seconds + 59) / 60;

    private static string Clock(PlanInput input, long seconds) =>
        TimeZoneInfo.ConvertTime(input.Instant(seconds), input.Zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Over(Load load, Load capacity) => string.Join(", ", Enumerable.Range(0, Load.Dimensions)
        .Where(d => load.Get(d) > capacity.Get(d))
        .Select(d => $"{Load.DimensionNames[d]} {load.Get(d)} > {capacity.Get(d)}"));
}
