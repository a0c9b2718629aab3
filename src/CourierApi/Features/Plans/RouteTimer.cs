using Delivery.Planner.Model;
using Delivery.Planner.Travel;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>A stop of a re-timed route, seconds from the plan epoch.</summary>
internal sealed record StopDraft(string OrderKey, long Arrival, long ServiceStart, long Departure, int WindowIndex, string? Violation);

/// <summary>A route ready to be stored.</summary>
internal sealed record RouteDraft(string ShiftKey, bool Locked, IReadOnlyList<StopDraft> Stops, long StartSeconds, long EndSeconds, long DistanceMeters,
    long TravelSeconds, IReadOnlyList<string> Violations);

/// <summary>
/// Re-times a stop sequence the way the plan validator does: leave the depot at shift start, drive by the matrix, wait for
/// the earliest window that still fits, serve, drive on. Every broken constraint is spelled out for a dispatcher
/// ("window 10:00–12:00 missed by 14 min"). Breaks are not re-placed by hand edits.
/// </summary>
internal sealed class RouteTimer(ITravelTimeSource travel)
{
    public async Task<RouteDraft> RetimeAsync(PlanInput input, string shiftKey, bool locked, IReadOnlyList<string> orderKeys, CancellationToken ct)
    {
        var vehicle = input.VehiclesById[shiftKey];
        var start = input.DepotsById[vehicle.StartDepotId].Location;
        var end = input.DepotsById[vehicle.EndDepotId].Location;
        var orders = orderKeys.Select(k => input.OrdersById[k]).ToList();
        var matrix = await travel.GetMatrixAsync([start, end, .. orders.Select(o => o.Location)], ct);
        return Retime(input, vehicle, locked, orders, matrix);
    }

    /// <summary>Times <paramref name="orders"/> on <paramref name="vehicle"/>; matrix index 0 start depot, 1 end depot, 2+i order i.</summary>
    public static RouteDraft Retime(PlanInput input, Vehicle vehicle, bool locked, IReadOnlyList<Order> orders, TravelMatrix matrix)
    {
        var stops = new List<StopDraft>(orders.Count);
        var violations = new List<string>();
        var t = vehicle.Shift.Start;
        var (distance, driving) = (0L, 0L);
        var at = 0;
        var load = Load.Zero;
        for (var i = 0; i < orders.Count; i++)
        {
            var o = orders[i];
            var node = i + 2;
            t += matrix.Duration(at, node);
            driving += matrix.Duration(at, node);
            distance += matrix.Distance(at, node);
            at = node;
            var arrival = t;
            var (serviceStart, window, problem) = ServiceStart(input, o, arrival);
            load += o.Demand;
            if (!load.FitsIn(vehicle.Capacity))
            {
                problem = Join(problem, $"capacity exceeded after this stop ({Describe(load, vehicle.Capacity)})");
            }
            if (!o.RequiredSkills.IsSubsetOf(vehicle.Skills))
            {
                problem = Join(problem, $"courier lacks skill(s) {string.Join(", ", o.RequiredSkills.Except(vehicle.Skills))}");
            }
            t = serviceStart + o.ServiceSeconds;
            stops.Add(new StopDraft(o.Id, arrival, serviceStart, t, window, problem));
            if (problem is not null)
            {
                violations.Add($"order {o.Id}: {problem}");
            }
        }
        t += matrix.Duration(at, 1);
        driving += matrix.Duration(at, 1);
        distance += matrix.Distance(at, 1);
        if (t > vehicle.Shift.End)
        {
            violations.Add($"back at the depot {Minutes(t - vehicle.Shift.End)} min after the shift ends ({Clock(input, vehicle.Shift.End)})");
        }
        return new RouteDraft(vehicle.Id, locked, stops, vehicle.Shift.Start, t, distance, driving, violations);
    }

    private static (long ServiceStart, int Window, string? Problem) ServiceStart(PlanInput input, Order o, long arrival)
    {
        if (o.Windows.Count == 0)
        {
            return (arrival, -1, null);
        }
        for (var w = 0; w < o.Windows.Count; w++)
        {
            if (arrival <= o.Windows[w].End)
            {
                return (Math.Max(arrival, o.Windows[w].Start), w, null);
            }
        }
        var last = o.Windows.Count - 1;
        var window = o.Windows[last];
        return (arrival, last,
            $"window {Clock(input, window.Start)}–{Clock(input, window.End)} missed by {Minutes(arrival - window.End)} min (arrives {Clock(input, arrival)})");
    }

    private static string? Join(string? a, string b) => a is null ? b : a + "; " + b;

    private static long Minutes(long seconds) => (seconds + 59) / 60;

    private static string Clock(PlanInput input, long seconds) =>
        TimeZoneInfo.ConvertTime(input.Instant(seconds), input.Zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(Load load, Load capacity)
    {
        var over = new List<string>();
        for (var d = 0; d < Load.Dimensions; d++)
        {
            if (load.Get(d) > capacity.Get(d))
            {
                over.Add($"{Load.DimensionNames[d]} {load.Get(d)} > {capacity.Get(d)}");
            }
        }
        return string.Join(", ", over);
    }
}
