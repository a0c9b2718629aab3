using System.Globalization;
using System.Text;
using Delivery.Planner.Model;
using Delivery.Planner.Travel.Road;
using Delivery.Tracking.Calibration;
using Delivery.Tracking.Simulation;
using Npgsql;

namespace Delivery.Benchmarks.Verbs;

/// <summary>What the host recorded of a day, per route: the first fix, and per stop its first arrival and first handover.</summary>
internal sealed record DayTracks(IReadOnlyList<DayTracks.RouteTrack> Routes)
{
    public sealed record StopTrack(Location Where, DateTimeOffset? WindowStart, int PlannedServiceSeconds, DateTimeOffset? ArrivedAt, DateTimeOffset? HandoverAt, bool OnTablet);

    public sealed record RouteTrack(Location Depot, DateTimeOffset? FirstFix, IReadOnlyList<StopTrack> Stops);

    /// <summary>Reads the host's positions and delivery events of <paramref name="schema"/> for the simulated routes.</summary>
    public static async Task<DayTracks> ReadAsync(NpgsqlDataSource db, string schema, IReadOnlyList<SimulatedCourier> couriers)
    {
        var events = new List<(string Route, string Stop, string Kind, DateTimeOffset At, string Source)>();
        await using (var cmd = db.CreateCommand($"SELECT route_id, stop_id, kind, occurred_at, source FROM {schema}.delivery_events"))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                events.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetString(4)));
            }
        }
        var first = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using (var cmd = db.CreateCommand($"SELECT courier_id, min(recorded_at) FROM {schema}.positions GROUP BY courier_id"))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                first[r.GetString(0)] = r.GetFieldValue<DateTimeOffset>(1);
            }
        }
        var byStop = events.ToLookup(e => (e.Route, e.Stop));
        return new DayTracks(couriers.Select(c => new RouteTrack(
            new Location(c.Route.DepotLongitude, c.Route.DepotLatitude), first.TryGetValue(c.CourierId, out var f) ? f : null,
            c.Route.Stops.OrderBy(s => s.Sequence).Select(s =>
            {
                var mine = byStop[(c.Route.RouteId, s.StopId)].ToList();
                var arrived = mine.Where(e => e.Kind == "arrived").Select(e => (DateTimeOffset?)e.At).Min();
                var handover = mine.Where(e => e.Kind is "delivered" or "partly_delivered" or "failed").OrderBy(e => e.At).FirstOrDefault();
                return new StopTrack(Location.FromLatLon(s.Latitude, s.Longitude), s.WindowStartUtc, s.ServiceSeconds, arrived,
                    handover.Kind is null ? null : handover.At, handover.Source == "tablet");
            }).ToList())).ToList());
    }
}

/// <summary>
/// <c>day --calibrate</c>: learns speed factors and service times from a day's tracks (<see cref="TrackCalibration"/>),
/// and hands them to the next evening's planning: road-class speed factors as host configuration
/// (<c>RoadNetwork:SpeedFactors</c>, all day: the host plans with one matrix) and service times scaled by kind of address.
/// </summary>
internal static class DayCalibration
{
    public sealed record Result(CalibrationResult Learned, IReadOnlyDictionary<string, double> AllDay);

    /// <summary>Legs (previous handover or first fix → arrival) and services (arrival or window start → handover) from the tablets' records.</summary>
    public static Result Learn(DayTracks tracks, RoadNetwork network, TimeZoneInfo zone)
    {
        var legs = new List<LegObservation>();
        var services = new List<ServiceObservation>();
        foreach (var route in tracks.Routes)
        {
            var (from, left) = (route.Depot, route.FirstFix);
            foreach (var stop in route.Stops)
            {
                if (left is { } l && stop.ArrivedAt is { } a && a > l && stop.OnTablet)
                {
                    var byGroup = network.PathSegments(from, stop.Where).GroupBy(s => GroundTruthTraffic.Group(s.RoadClass))
                        .ToDictionary(g => g.Key, g => g.Sum(s => s.FreeFlowSeconds), StringComparer.Ordinal);
                    legs.Add(new LegObservation(l, (a - l).TotalSeconds, byGroup));
                }
                if (stop.ArrivedAt is { } arrived && stop.HandoverAt is { } h && stop.OnTablet)
                {
                    var start = stop.WindowStart is { } ws && ws > arrived ? ws : arrived;
                    services.Add(new ServiceObservation(CourierDayGenerator.KindOf(stop.Where.Latitude, stop.Where.Longitude), stop.PlannedServiceSeconds, (h - start).TotalSeconds));
                }
                (from, left) = (stop.Where, stop.OnTablet ? stop.HandoverAt : null);
            }
        }
        var learned = TrackCalibration.Learn(legs, services, zone);
        // The host plans with one matrix: all-day factors, the bands' slowness weighted by their legs.
        var allDay = learned.Speeds.Where(s => s.Calibrated).GroupBy(s => s.Group).ToDictionary(g => g.Key,
            g => g.Sum(s => s.Legs) / g.Sum(s => s.Legs / s.Factor), StringComparer.Ordinal);
        return new Result(learned, allDay);
    }

    /// <summary>Host configuration: one speed factor per road class of the network, by its group.</summary>
    public static IReadOnlyDictionary<string, string> HostSettings(Result calibration, RoadNetwork network)
    {
        var settings = new Dictionary<string, string>();
        var i = 0;
        foreach (var roadClass in network.RoadClasses)
        {
            if (calibration.AllDay.TryGetValue(GroundTruthTraffic.Group(roadClass), out var factor))
            {
                settings[$"RoadNetwork:SpeedFactors:{i}:RoadClass"] = roadClass;
                settings[$"RoadNetwork:SpeedFactors:{i}:Factor"] = factor.ToString("R", CultureInfo.InvariantCulture);
                i++;
            }
        }
        return settings;
    }

    /// <summary>The evening rows with each order's service time scaled by the learned factor of its kind of address.</summary>
    public static string ScaleServiceTimes(string rows, Result calibration)
    {
        var factors = calibration.Learned.Services.ToDictionary(s => s.Kind, s => s.Factor);
        var lines = rows.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder(lines[0]).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            var kind = CourierDayGenerator.KindOf(double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture));
            f[8] = Math.Round(double.Parse(f[8], CultureInfo.InvariantCulture) * factors[kind]).ToString(CultureInfo.InvariantCulture);
            sb.Append(string.Join(',', f)).Append('\n');
        }
        return sb.ToString();
    }

    public static string Describe(Result c) =>
        Results.Table(["group", "band", "speed factor", "legs", "calibrated"], c.Learned.Speeds.Select(s => (IReadOnlyList<string>)
            [s.Group, $"{s.From:HH\\:mm}-{s.To:HH\\:mm}", Results.F(s.Factor, 3), s.Legs.ToString(CultureInfo.InvariantCulture), s.Calibrated ? "yes" : "no (too few legs)"]))
        + "all-day factors given to the planner: " + string.Join(", ", c.AllDay.Select(kv => $"{kv.Key} {kv.Value:F3}")) + "\n"
        + Results.Table(["address kind", "service factor", "stops"], c.Learned.Services.Select(s => (IReadOnlyList<string>)
            [s.Kind.ToString(), Results.F(s.Factor, 3), s.Stops.ToString(CultureInfo.InvariantCulture)]))
        + $"depot service factor {c.Learned.DepotServiceFactor:F3} ({c.Learned.Stops} stops, {c.Learned.Legs} legs)";
}
