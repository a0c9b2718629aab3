using System.Globalization;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Hosting;
using Delivery.Planner.Model;
using Delivery.Planner.Solving;
using Delivery.Planner.Travel;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Features.Live;

/// <summary>
/// The in-day re-plan: from where the couriers are now (their latest fix; the depot for those not started), the stops not
/// reached yet are re-optimised across the couriers still on shift, with the time each has left. Handed-over and arrived
/// stops stay; locked routes and silent tablets (who would not hear of a change) keep their stops; the routes as they
/// stand are the planner's previous routes, so stops move only where that pays (minimum change). The preview lists what
/// moves between couriers and which at-risk windows the new plan meets; accepting applies those moves as plan edits and
/// publishes (the board does that through the edit and publish endpoints).
/// </summary>
internal sealed class InDayReplan(LiveDay liveDay, LiveDayStore store, PlanInputLoader loader, IRoutePlanner planner, ITravelTimeSource travel,
    IOptions<PlanningOptions> options)
{
    public async Task<ReplanPreview> PreviewAsync(long depotId, DateOnly? date, int timeLimitSeconds, CancellationToken ct)
    {
        // Request to preview in real seconds: the host's clock may run simulated time many times faster.
        var started = TimeProvider.System.GetTimestamp();
        var day = await liveDay.ReadAsync(depotId, date, ct);
        if (!day.Live || day.PlanVersionId is not { } versionId)
        {
            throw new ConflictException("No live day to re-plan", $"Depot {depotId} has no published plan being delivered on {day.Date:yyyy-MM-dd}.");
        }
        var routes = (await store.RoutesAsync(depotId, day.Date, ct)).ToDictionary(r => r.RouteId);
        var open = day.Couriers.SelectMany(c => c.Stops.Where(s => s.Status == "Open").Select(s => (Courier: c, Stop: s))).ToList();
        var input = await loader.LoadAsync(depotId, day.Date, ct, open.Select(o => o.Stop.OrderId).ToArray());
        var now = input.Seconds(day.Now);
        var depots = input.Depots.ToList();
        var vehicles = new List<Vehicle>();
        var locks = new List<RouteLock>();
        var previous = new List<RouteSequence>();
        var courierOf = new Dictionary<string, LiveCourier>(StringComparer.Ordinal);
        foreach (var c in day.Couriers)
        {
            var key = Key(routes[c.RouteId].ShiftId);
            var remaining = c.Stops.Where(s => s.Status == "Open").Select(s => Key(s.OrderId)).Where(input.OrdersById.ContainsKey).ToList();
            if (!input.VehiclesById.TryGetValue(key, out var v) || v.Shift.End <= now)
            {
                continue; // off shift: what it still holds stays where it is (reported as kept)
            }
            // The courier's start: where the tablet last was (at an arrived stop: that stop), the depot before the first fix.
            var arrived = c.Stops.FirstOrDefault(s => s.Status == "Arrived");
            var from = arrived is not null ? new Location(arrived.Lon, arrived.Lat)
                : c.Position is { } p ? new Location(p.Lon, p.Lat) : input.DepotsById[v.StartDepotId].Location;
            var start = Math.Max(now, v.Shift.Start);
            depots.Add(new Depot("live-" + key, from));
            vehicles.Add(v with { StartDepotId = "live-" + key, Shift = new TimeWindow(start, v.Shift.End), Break = null, MaxRouteSeconds = null });
            courierOf[key] = c;
            if (routes[c.RouteId].Locked || c.Silent)
            {
                locks.Add(new RouteLock(key, remaining));
            }
            else if (remaining.Count > 0)
            {
                previous.Add(new RouteSequence(key, remaining));
            }
        }
        var problem = await PlanningProblemFactory.CreateAsync(depots, vehicles, input.Orders, travel, epoch: input.Epoch, cancellationToken: ct)
            with { LockedRoutes = locks, PreviousRoutes = previous };
        var settings = new SolverSettings { TimeLimit = TimeSpan.FromSeconds(timeLimitSeconds), Workers = options.Value.Workers, Seed = 1 };
        var result = await Task.Run(() => planner.Plan(problem, settings, null, ct), ct);

        var current = open.ToDictionary(o => o.Stop.OrderId);
        var moves = new List<ReplanMove>();
        var arrival = new Dictionary<long, DateTimeOffset>();
        foreach (var route in result.Routes)
        {
            var to = courierOf[route.VehicleId];
            var kept = to.Stops.Count(s => s.Status != "Open");
            for (var i = 0; i < route.Stops.Count; i++)
            {
                var orderId = long.Parse(route.Stops[i].OrderId, CultureInfo.InvariantCulture);
                var at = input.Instant(route.Stops[i].ArrivalSeconds);
                arrival[orderId] = at;
                var (fromCourier, stop) = current[orderId];
                if (fromCourier.CourierId != to.CourierId)
                {
                    moves.Add(new ReplanMove(orderId, stop.ShopOrderId, stop.CustomerName, fromCourier.CourierId, fromCourier.Name, to.CourierId, to.Name,
                        kept + i + 1, stop.Eta, at, stop.WindowEndUtc));
                }
            }
        }
        var atRisk = open.Where(o => o.Stop.State == "atRisk").ToList();
        var saved = atRisk.Where(o => arrival.TryGetValue(o.Stop.OrderId, out var a) && o.Stop.WindowEndUtc is { } end && a <= end).Select(o => o.Stop.OrderId).ToList();
        return new ReplanPreview(versionId, day.Date, Math.Round(TimeProvider.System.GetElapsedTime(started).TotalSeconds, 2), moves, saved,
            atRisk.Select(o => o.Stop.OrderId).Except(saved).ToList(), open.Count - arrival.Count, vehicles.Count);
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}
