using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Travel;
using Delivery.Planner.Validation;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>A stop of a re-timed route, seconds from the plan epoch.</summary>
internal sealed record StopDraft(string OrderKey, long Arrival, long ServiceStart, long Departure, int WindowIndex, string? Violation)
{
    /// <summary>The same violations as codes with parameters (<see cref="ViolationView"/>).</summary>
    public IReadOnlyList<ViolationView> Codes { get; init; } = [];
}

/// <summary>A route ready to be stored; <paramref name="Break"/> is the courier's break when the shift has one.</summary>
internal sealed record RouteDraft(string ShiftKey, bool Locked, IReadOnlyList<StopDraft> Stops, long StartSeconds, long EndSeconds, long DistanceMeters,
    long TravelSeconds, IReadOnlyList<string> Violations, PlannedBreak? Break = null)
{
    /// <summary>Every violation of the route as codes, in the order of <see cref="Violations"/>; per-stop ones carry <c>orderKey</c>.</summary>
    public IReadOnlyList<ViolationView> Codes { get; init; } = [];
}

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
        var problem = await PlanningProblemFactory.CreateAsync(input.Depots, input.Vehicles, orders, travel, epoch: input.Epoch,
            travelScope: input.DepotId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: ct);
        return Describe(input, vehicle, locked, RouteTiming.Time(problem, vehicle.Id, orderKeys));
    }

    /// <summary>The draft of a timed route, its violations in a dispatcher's words and as codes: per stop where they belong to one, else for the route.</summary>
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
            var found = byOrder[s.OrderId].Select(v => StopIssue(input, vehicle, v, order, s)).ToList();
            if (s.OrderId == overloaded)
            {
                found.Add(Capacity(s.LoadAfter, vehicle.Capacity));
            }
            return new StopDraft(s.OrderId, s.ArrivalSeconds, s.ServiceStartSeconds, s.DepartureSeconds, s.WindowIndex,
                found.Count == 0 ? null : string.Join("; ", found.Select(f => f.Words))) { Codes = [.. found.Select(f => f.Code)] };
        }).ToList();
        var routeIssues = timed.Violations.Where(v => v.OrderId is null && v.Kind != PlanViolationKind.CapacityExceeded)
            .Select(v => RouteIssue(input, vehicle, r, v)).ToList();
        var violations = stops.Where(s => s.Violation is not null).Select(s => $"order {s.OrderKey}: {s.Violation}")
            .Concat(routeIssues.Select(i => i.Words))
            .ToList();
        var codes = stops.SelectMany(s => s.Codes.Select(c => c.With([new("orderKey", s.OrderKey)])))
            .Concat(routeIssues.Select(i => i.Code))
            .ToList();
        return new RouteDraft(vehicle.Id, locked, stops, r.StartSeconds, r.EndSeconds, r.DistanceMeters, r.TravelSeconds, violations, r.Break) { Codes = codes };
    }

    private static (string Words, ViolationView Code) StopIssue(PlanInput input, Vehicle vehicle, PlanViolation v, Order order, PlannedStop s) => v.Kind switch
    {
        PlanViolationKind.WindowMissed when order.Windows.Count > 0 && order.Windows[^1] is var w => (
            $"window {Clock(input, w.Start)}–{Clock(input, w.End)} missed by {Minutes(s.ArrivalSeconds - w.End)} min (arrives {Clock(input, s.ArrivalSeconds)})",
            Code("late", ("windowStart", At(input, w.Start)), ("windowEnd", At(input, w.End)), ("arrival", At(input, s.ArrivalSeconds)),
                ("minutes", ViolationView.Number(Minutes(s.ArrivalSeconds - w.End))))),
        PlanViolationKind.SkillMissing when string.Join(", ", order.RequiredSkills.Except(vehicle.Skills)) is var skills =>
            ($"courier lacks skill(s) {skills}", Code("skill", ("skills", skills))),
        _ => Other(v),
    };

    private static (string Words, ViolationView Code) RouteIssue(PlanInput input, Vehicle vehicle, PlannedRoute r, PlanViolation v) => v.Kind switch
    {
        PlanViolationKind.ShiftEndExceeded => (
            $"back at the depot {Minutes(r.EndSeconds - vehicle.Shift.End)} min after the shift ends ({Clock(input, vehicle.Shift.End)})",
            Code("shiftOverrun", ("minutes", ViolationView.Number(Minutes(r.EndSeconds - vehicle.Shift.End))), ("shiftEnd", At(input, vehicle.Shift.End)))),
        PlanViolationKind.MaxRouteDurationExceeded when vehicle.MaxRouteSeconds is { } max => (
            $"the route lasts {Minutes(r.EndSeconds - r.StartSeconds)} min, longer than the {Minutes(max)} min allowed",
            Code("maxDuration", ("minutes", ViolationView.Number(Minutes(r.EndSeconds - r.StartSeconds))), ("maxMinutes", ViolationView.Number(Minutes(max))))),
        PlanViolationKind.BreakOutsideWindow or PlanViolationKind.BreakMissing or PlanViolationKind.BreakMisplaced when vehicle.Break is { } b => (
            $"no room for the {Minutes(b.DurationSeconds)} min break between {Clock(input, b.Window.Start)} and {Clock(input, b.Window.End)}",
            Code("breakNotPlaced", ("minutes", ViolationView.Number(Minutes(b.DurationSeconds))), ("from", At(input, b.Window.Start)), ("to", At(input, b.Window.End)))),
        _ => Other(v),
    };

    private static (string Words, ViolationView Code) Other(PlanViolation v) => (v.Message, Code("other", ("text", v.Message)));

    private static (string Words, ViolationView Code) Capacity(Load load, Load capacity)
    {
        var over = Enumerable.Range(0, Load.Dimensions).Where(d => load.Get(d) > capacity.Get(d)).ToList();
        var d0 = over.Count > 0 ? over[0] : 0;
        return ($"capacity exceeded after this stop ({string.Join(", ", over.Select(d => $"{Load.DimensionNames[d]} {load.Get(d)} > {capacity.Get(d)}"))})",
            Code("capacity", ("dimension", Load.DimensionNames[d0]), ("load", ViolationView.Number(load.Get(d0))), ("capacity", ViolationView.Number(capacity.Get(d0)))));
    }

    private static ViolationView Code(string code, params (string Key, string Value)[] args) => new(code, args.ToDictionary(a => a.Key, a => a.Value));

    private static string At(PlanInput input, long seconds) => ViolationView.Iso(input.Instant(seconds));

    private static long Minutes(long seconds) => (seconds + 59) / 60;

    private static string Clock(PlanInput input, long seconds) =>
        TimeZoneInfo.ConvertTime(input.Instant(seconds), input.Zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
