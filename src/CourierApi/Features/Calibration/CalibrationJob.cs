using System.Globalization;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Features.RoadNetwork;
using Delivery.CourierApi.Hosting;
using Delivery.Planner.Model;
using Delivery.Tracking.Calibration;
using Delivery.Tracking.Simulation;
using Npgsql;

namespace Delivery.CourierApi.Features.Calibration;

/// <summary>
/// The calibration job (on demand, or the nightly duty): reads the tablets' records of a depot's published routes over a span of plan dates — the first
/// fix, each stop's arrival and handover — turns them into legs (previous handover or first fix → arrival, with the
/// road path's free-flow seconds per road class group) and services (arrival or window start → handover), learns speed
/// factors per group and time-of-day band and service factors per kind of stop (<see cref="TrackCalibration"/>),
/// measures the planned-vs-actual error before (the version active until now, or free flow) and after on the same
/// data, and stores the result as the depot's new active version.
/// </summary>
internal sealed class CalibrationJob(NpgsqlDataSource db, CalibrationStore store, RoadNetworkState roads, HostTravelTimeSource travel)
{
    private sealed record StopRecord(Location Where, DateTimeOffset? WindowStart, int ServiceSeconds, long Items, DateTimeOffset? ArrivedAt, DateTimeOffset? HandoverAt);

    public async Task<CalibrationVersion> RunAsync(long depotId, DateOnly from, DateOnly to, string trigger, string createdBy, CancellationToken ct)
    {
        if (to < from)
        {
            throw new FieldException("to", "must not be before 'from'");
        }
        if (to.DayNumber - from.DayNumber > 92)
        {
            throw new FieldException("from", "at most 92 days of data per calibration");
        }
        var zoneId = await db.FirstAsync("SELECT time_zone FROM depots WHERE id = $1", r => r.GetString(0), ct, depotId)
            ?? throw new NotFoundException("Depot", depotId);
        var zone = Zones.Find(zoneId);
        var network = roads.Road?.Network;
        var previous = await store.ActiveAsync(depotId, ct);

        var (legs, services) = await ObserveAsync(depotId, from, to, network, ct);
        if (legs.Count == 0 && services.Count == 0)
        {
            throw new ConflictException("No tracks to learn from", $"No tablet records of published routes from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: the active version stays.");
        }
        var learned = TrackCalibration.Learn(legs.Select(l => l.Observation).ToList(), services.Select(s => s.Observation).ToList(), zone);
        var speed = learned.Speeds.Select(s => new CalibrationSpeedFactor(s.Group, s.From, s.To, Math.Round(s.Factor, 4), s.Legs, s.Calibrated)).ToList();
        var service = learned.Services.Select(s => new CalibrationServiceFactor(s.Class, Math.Round(s.Factor, 4), s.Stops)).ToList();
        var candidate = new CalibrationVersion(0, depotId, 0, default, createdBy, trigger, from, to, learned.Legs, learned.Stops, speed, service,
            Math.Round(learned.DepotServiceFactor, 4), Empty, Empty, false, null);
        return await store.AddAsync(new NewCalibration(depotId, createdBy, trigger, from, to, learned.Legs, learned.Stops, speed, service,
            candidate.DepotServiceFactor, Error(previous, legs, services, zone), Error(candidate, legs, services, zone)), ct);
    }

    private static readonly CalibrationError Empty = new(0, 0, 0, 0, 0, 0);

    /// <summary>Error of <paramref name="c"/>'s predictions (free flow and planned service when null) over the observed legs and services.</summary>
    private static CalibrationError Error(CalibrationVersion? c, List<(LegObservation Observation, long Items)> legs, List<(ServiceObservation Observation, long Items)> services, TimeZoneInfo zone)
    {
        double Predict(LegObservation l)
        {
            var t = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(l.Departure, zone).DateTime);
            return l.FreeFlowByGroup.Sum(g => g.Value / (c?.SpeedFactor(g.Key, t) ?? 1));
        }
        var legErrors = legs.Select(l => l.Observation.ObservedSeconds - Predict(l.Observation)).ToList();
        var serviceErrors = services.Select(s => s.Observation.ObservedSeconds - s.Observation.PlannedSeconds * (c?.ServiceFactor(s.Items) ?? 1)).ToList();
        static double Mean(IEnumerable<double> v) => v.DefaultIfEmpty(0).Average();
        return new CalibrationError(legErrors.Count, Math.Round(Mean(legErrors.Select(Math.Abs)), 1), Math.Round(Mean(legErrors), 1),
            serviceErrors.Count, Math.Round(Mean(serviceErrors.Select(Math.Abs)), 1), Math.Round(Mean(serviceErrors), 1));
    }

    private async Task<(List<(LegObservation Observation, long Items)> Legs, List<(ServiceObservation Observation, long Items)> Services)> ObserveAsync(
        long depotId, DateOnly from, DateOnly to, Planner.Travel.Road.RoadNetwork? network, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var routes = await connection.ListAsync("""
            SELECT r.id, r.courier_id, ST_X(d.location), ST_Y(d.location), r.start_at, r.end_at
            FROM routes r JOIN plan_versions v ON v.id = r.plan_version_id JOIN plans p ON p.id = v.plan_id
            JOIN courier_shifts s ON s.id = r.shift_id JOIN depots d ON d.id = s.start_depot_id
            WHERE v.status = 'published' AND p.depot_id = $1 AND p.plan_date BETWEEN $2 AND $3
            ORDER BY r.id
            """, r => (Id: r.GetInt64(0), Courier: r.GetInt64(1), Depot: new Location(r.GetDouble(2), r.GetDouble(3)), Start: r.Get<DateTimeOffset>(4), End: r.Get<DateTimeOffset>(5)),
            ct, depotId, from, to);
        var ids = routes.Select(r => r.Id).ToArray();
        var stops = (await connection.ListAsync($"""
            SELECT st.route_id, st.order_id, ST_X(o.location), ST_Y(o.location), st.window_index, {PromisedWindow.SortedWindowsSql}, o.service_s, o.demand_items
            FROM stops st JOIN orders o ON o.id = st.order_id WHERE st.route_id = ANY($1) ORDER BY st.route_id, st.sequence
            """, r => (Route: r.GetInt64(0), Order: r.GetInt64(1), Where: new Location(r.GetDouble(2), r.GetDouble(3)), Window: PromisedWindow.Read(r, 4, 5).Start,
                Service: r.GetInt32(6), Items: r.GetInt64(7)), ct, ids)).ToLookup(s => s.Route);
        var events = (await connection.ListAsync("""
            SELECT route_id, stop_id, kind, occurred_at FROM delivery_events
            WHERE depot_id = $1 AND route_id = ANY($2) AND source = 'tablet' AND kind <> 'note'
            """, r => (Route: r.GetString(0), Stop: r.GetString(1), Kind: r.GetString(2), At: r.Get<DateTimeOffset>(3)), ct,
            depotId.ToString(CultureInfo.InvariantCulture), ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray()))
            .ToLookup(e => (e.Route, e.Stop));

        var legs = new List<(LegObservation, long)>();
        var services = new List<(ServiceObservation, long)>();
        foreach (var route in routes)
        {
            var firstFix = (await connection.ListAsync(
                "SELECT min(recorded_at) FROM positions WHERE courier_id = $1 AND recorded_at >= $2 AND recorded_at < $3", r => r.Opt<DateTimeOffset>(0), ct,
                route.Courier.ToString(CultureInfo.InvariantCulture), route.Start - TimeSpan.FromHours(3), route.End + TimeSpan.FromHours(6))).Single();
            var routeKey = route.Id.ToString(CultureInfo.InvariantCulture);
            var (at, left) = (route.Depot, firstFix);
            foreach (var s in stops[route.Id])
            {
                var mine = events[(routeKey, s.Order.ToString(CultureInfo.InvariantCulture))].ToList();
                var arrived = mine.Where(e => e.Kind == "arrived").Select(e => (DateTimeOffset?)e.At).Min();
                var handover = mine.Where(e => e.Kind is "delivered" or "partly_delivered" or "failed").Select(e => (DateTimeOffset?)e.At).Min();
                if (left is { } l && arrived is { } a && a > l)
                {
                    // On the roads: the path's free-flow seconds per road class group; without a network, the host's
                    // straight-line time, all of it "local".
                    var byGroup = network is not null
                        ? network.PathSegments(at, s.Where).GroupBy(g => GroundTruthTraffic.Group(g.RoadClass))
                            .ToDictionary(g => g.Key, g => g.Sum(x => x.FreeFlowSeconds), StringComparer.Ordinal)
                        : new Dictionary<string, double>(StringComparer.Ordinal) { ["local"] = (await travel.GetMatrixAsync([at, s.Where], ct)).Duration(0, 1) };
                    legs.Add((new LegObservation(l, (a - l).TotalSeconds, byGroup), s.Items));
                }
                if (arrived is { } ar && handover is { } h)
                {
                    var start = s.Window is { } ws && ws > ar ? ws : ar;
                    services.Add((new ServiceObservation(CalibrationClasses.OfItems(s.Items), s.Service, (h - start).TotalSeconds), s.Items));
                }
                (at, left) = (s.Where, handover);
            }
        }
        return (legs, services);
    }
}
