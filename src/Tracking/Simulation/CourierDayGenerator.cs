using Delivery.Planner.Model;
using Delivery.Planner.Travel.Road;
using Delivery.Tracking.Arrival;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Routes;

namespace Delivery.Tracking.Simulation;

/// <summary>Kind of address, which sets parking, walking and service time and how often nobody is at home.</summary>
public enum AddressKind
{
    /// <summary>A house: parking at the door, quick handovers, the most "not at home".</summary>
    House,

    /// <summary>An apartment block: parking is hard, stairs and intercoms make the long tail.</summary>
    Apartment,

    /// <summary>A shop or office: a reception, rarely closed.</summary>
    Business,
}

/// <summary>What really happened at one stop of a simulated day.</summary>
/// <param name="StopId">Stop.</param>
/// <param name="Sequence">Position in the route.</param>
/// <param name="Kind">Kind of address.</param>
/// <param name="ArrivedAt">The van stopped at the address (before parking).</param>
/// <param name="ServiceStart">The courier rang the door.</param>
/// <param name="HandoverAt">Delivered or failed.</param>
/// <param name="Outcome"><c>delivered</c> or <c>failed</c>.</param>
/// <param name="WaitedSeconds">Time waited for the window to open.</param>
/// <param name="AtDoorSeconds">Parking, walking and service: the stop's whole time apart from waiting.</param>
/// <param name="OnPaper">The tablet was dead: the outcome is on the paper manifest.</param>
/// <param name="WindowStartUtc">Promised window start.</param>
/// <param name="WindowEndUtc">Promised window end.</param>
public sealed record StopTruth(string StopId, int Sequence, AddressKind Kind, DateTimeOffset ArrivedAt, DateTimeOffset ServiceStart,
    DateTimeOffset HandoverAt, string Outcome, double WaitedSeconds, double AtDoorSeconds, bool OnPaper,
    DateTimeOffset? WindowStartUtc, DateTimeOffset? WindowEndUtc);

/// <summary>One driven leg (depot or stop to stop or depot).</summary>
/// <param name="ToStopId">The stop driven to; null for the way back to the depot.</param>
/// <param name="Departure">Left (UTC).</param>
/// <param name="Arrival">Arrived (UTC).</param>
/// <param name="Meters">Driven length.</param>
/// <param name="FreeFlowSeconds">The same path at free flow.</param>
/// <param name="MetersByClass">Driven metres per road class.</param>
public sealed record LegTruth(string? ToStopId, DateTimeOffset Departure, DateTimeOffset Arrival, double Meters, double FreeFlowSeconds,
    IReadOnlyDictionary<string, double> MetersByClass);

/// <summary>A courier's whole simulated day: what the tablet reports, and what really happened.</summary>
/// <param name="Courier">The courier and route.</param>
/// <param name="Fixes">GPS fixes the tablet records (in time order; none after it died).</param>
/// <param name="Events">Stop events the tablet records (in time order; none after it died).</param>
/// <param name="Offline">Intervals without a connection (fixes and events wait in the tablet's outbox).</param>
/// <param name="TabletDiedAt">When the tablet died, if it did.</param>
/// <param name="Stops">Ground truth per stop.</param>
/// <param name="Legs">Ground truth per leg.</param>
/// <param name="Start">Left the depot.</param>
/// <param name="End">Back at the depot.</param>
/// <param name="BreakAt">Start of the break, if one was taken.</param>
public sealed record CourierDay(SimulatedCourier Courier, IReadOnlyList<PositionReport> Fixes, IReadOnlyList<CourierEventReport> Events,
    IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Offline, DateTimeOffset? TabletDiedAt, IReadOnlyList<StopTruth> Stops,
    IReadOnlyList<LegTruth> Legs, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset? BreakAt)
{
    /// <summary>Whether the tablet was connected at <paramref name="at"/>.</summary>
    public bool IsOnline(DateTimeOffset at) =>
        (TabletDiedAt is not { } died || at < died) && !Offline.Any(o => at >= o.From && at < o.To);
}

/// <summary>
/// Plays one courier's day in advance, deterministically from a seed: the route's stops in sequence on the road
/// network's paths at ground-truth speeds (with per-leg noise and incidents), a late start now and then, parking and
/// walking, service times with a long tail by kind of address, customers not at home, waiting when early for a window,
/// a break, and the tablet's side of it: GPS jitter, urban-canyon bursts, drop-outs, lost connections, a dead tablet.
/// </summary>
public sealed class CourierDayGenerator(IRoadPaths paths, GroundTruthTraffic traffic, DaySimulationOptions options)
{
    private const double WalkMps = 1.3;

    /// <summary>The kind of address at a location (stable: from its coordinates rounded to about a metre).</summary>
    public static AddressKind KindOf(double latitude, double longitude)
    {
        var h = Hash(FormattableString.Invariant($"{Math.Round(latitude * 1e5)}:{Math.Round(longitude * 1e5)}")) % 100;
        return h < 40 ? AddressKind.House : h < 85 ? AddressKind.Apartment : AddressKind.Business;
    }

    /// <summary>
    /// The days of <paramref name="couriers"/>; <see cref="DaySimulationOptions.DeadTablets"/> of them (chosen by the
    /// seed among couriers with at least four stops) lose their tablet mid-route.
    /// </summary>
    public IReadOnlyList<CourierDay> Generate(IReadOnlyList<SimulatedCourier> couriers)
    {
        ArgumentNullException.ThrowIfNull(couriers);
        var pick = new Random(options.Seed);
        var candidates = couriers.Where(c => c.Route.Stops.Count >= 4).Select(c => c.CourierId).Order(StringComparer.Ordinal).ToList();
        var dead = new HashSet<string>(StringComparer.Ordinal);
        while (dead.Count < Math.Min(options.DeadTablets, candidates.Count))
        {
            dead.Add(candidates[pick.Next(candidates.Count)]);
        }
        var days = new CourierDay[couriers.Count];
        Parallel.For(0, couriers.Count, i => days[i] = Generate(couriers[i], dead.Contains(couriers[i].CourierId)));
        return days;
    }

    /// <summary>One courier's day.</summary>
    public CourierDay Generate(SimulatedCourier courier, bool tabletDies)
    {
        ArgumentNullException.ThrowIfNull(courier);
        var random = new Random(unchecked(options.Seed * 31 + (int)Hash(courier.CourierId)));
        var route = courier.Route;
        var track = new List<(DateTimeOffset At, Location Where)>();
        var stops = route.Stops.Where(s => s.Status == StopStatus.Open).OrderBy(s => s.Sequence).ToList();

        var t = route.PlannedStartUtc + TimeSpan.FromSeconds(random.Next(0, 300));
        if (random.NextDouble() < options.LateStartProbability)
        {
            t += TimeSpan.FromMinutes(5 + random.NextDouble() * Math.Max(0, options.LateStartMaxMinutes - 5));
        }
        var start = t;
        var here = new Location(route.DepotLongitude, route.DepotLatitude);
        track.Add((t, here));
        var truths = new List<StopTruth>();
        var legs = new List<LegTruth>();
        var events = new List<(DateTimeOffset At, string StopId, string Kind, string? Reason)>();
        DateTimeOffset? breakAt = null;
        var breakDue = start + TimeSpan.FromHours(options.BreakAfterHours);
        var breakLength = TimeSpan.FromMinutes(options.BreakMinutes);

        foreach (var stop in stops)
        {
            var door = new Location(stop.Longitude, stop.Latitude);
            var (arrive, van, leg) = Drive(here, door, t, random, track, stop.StopId);
            legs.Add(leg);
            t = arrive;
            var kind = KindOf(stop.Latitude, stop.Longitude);
            var arrivedAt = t;
            t += TimeSpan.FromSeconds(Parking(kind, random));
            track.Add((t, van));
            if (random.NextDouble() < options.ArrivedTapProbability)
            {
                events.Add((t, stop.StopId, "arrived", null));
            }
            var walk = TimeSpan.FromSeconds(Math.Max(5, Geo.DistanceMeters(van.Latitude, van.Longitude, door.Latitude, door.Longitude) / WalkMps + random.Next(5, 40)));
            var waited = TimeSpan.Zero;
            if (options.WaitForWindows && stop.WindowStartUtc is { } opens && t + walk < opens)
            {
                // Early: wait in the van for the window, and take the break now if it is due and the wait is long enough.
                var ready = opens - walk + TimeSpan.FromSeconds(random.Next(0, 90));
                if (breakAt is null && t >= breakDue - TimeSpan.FromHours(1) && ready - t >= breakLength / 2)
                {
                    breakAt = t;
                    ready = t + breakLength > ready ? t + breakLength : ready;
                }
                waited = ready - t;
                t = ready;
                track.Add((t, van));
            }
            t += walk;
            track.Add((t, door));
            var serviceStart = t;
            var (seconds, failed) = Service(kind, stop.ServiceSeconds, random);
            t += TimeSpan.FromSeconds(seconds);
            track.Add((t, door));
            events.Add((t, stop.StopId, failed ? "failed" : "delivered", failed ? "not home" : null));
            truths.Add(new StopTruth(stop.StopId, stop.Sequence, kind, arrivedAt, serviceStart, t, failed ? "failed" : "delivered",
                waited.TotalSeconds, (t - arrivedAt - waited).TotalSeconds, false, stop.WindowStartUtc, stop.WindowEndUtc));
            t += walk;
            track.Add((t, van));
            if (breakAt is null && t >= breakDue)
            {
                breakAt = t;
                t += breakLength;
                track.Add((t, van));
            }
            here = van;
        }
        var depot = new Location(route.DepotLongitude, route.DepotLatitude);
        var (home, _, back) = Drive(here, depot, t, random, track, null);
        legs.Add(back);
        t = home;

        var died = tabletDies ? start + (t - start) * (0.3 + 0.35 * random.NextDouble()) : (DateTimeOffset?)null;
        var fixes = Fixes(track, random, died);
        var offline = Offline(start, t, random);
        var reports = events.Where(e => died is not { } d || e.At < d)
            .Select((e, i) => new CourierEventReport($"sim-{courier.DeviceId}-{i + 1}", e.StopId, e.Kind, e.At, e.Reason)).ToList();
        if (died is { } diedAt)
        {
            truths = truths.Select(s => s.HandoverAt >= diedAt ? s with { OnPaper = true } : s).ToList();
        }
        return new CourierDay(courier, fixes, reports, offline, died, truths, legs, start, t, breakAt);
    }

    /// <summary>Drives the path; returns the arrival time, the point reached (the snapped vertex) and the leg.</summary>
    private (DateTimeOffset Arrival, Location End, LegTruth Leg) Drive(
        Location from, Location to, DateTimeOffset t, Random random, List<(DateTimeOffset, Location)> track, string? stopId)
    {
        var departure = t;
        var noise = Math.Exp(Gaussian(random) * options.LegNoiseSigma);
        var segments = paths.Path(from, to);
        double meters = 0, freeFlow = 0;
        var byClass = new Dictionary<string, double>(StringComparer.Ordinal);
        var end = from;
        foreach (var s in segments)
        {
            var factor = traffic.SpeedFactor(s.RoadClass, t) * traffic.IncidentFactor(s.Shape[0], t);
            var seconds = s.FreeFlowSeconds / factor * noise;
            meters += s.LengthMeters;
            freeFlow += s.FreeFlowSeconds;
            byClass[s.RoadClass] = byClass.GetValueOrDefault(s.RoadClass) + s.LengthMeters;
            // Spread the edge's time over its shape by length.
            var pieces = new double[s.Shape.Count - 1];
            for (var k = 1; k < s.Shape.Count; k++)
            {
                pieces[k - 1] = Geo.DistanceMeters(s.Shape[k - 1].Latitude, s.Shape[k - 1].Longitude, s.Shape[k].Latitude, s.Shape[k].Longitude);
            }
            var total = pieces.Sum();
            for (var k = 1; k < s.Shape.Count; k++)
            {
                t += TimeSpan.FromSeconds(total > 0 ? seconds * pieces[k - 1] / total : seconds / pieces.Length);
                track.Add((t, s.Shape[k]));
            }
            end = s.Shape[^1];
        }
        return (t, end, new LegTruth(stopId, departure, t, meters, freeFlow, byClass));
    }

    private static double Parking(AddressKind kind, Random random) => kind switch
    {
        AddressKind.House => 15 + random.NextDouble() * 45,
        AddressKind.Apartment => 45 + random.NextDouble() * 150 + (random.NextDouble() < 0.1 ? 180 : 0),
        _ => 30 + random.NextDouble() * 90,
    };

    /// <summary>Seconds at the door and whether nobody was there.</summary>
    private (double Seconds, bool Failed) Service(AddressKind kind, int plannedSeconds, Random random)
    {
        var (median, sigma, notHome) = kind switch
        {
            AddressKind.House => (0.5, 0.25, 0.05),
            AddressKind.Apartment => (0.75, 0.45, 0.04),
            _ => (0.6, 0.3, 0.01),
        };
        if (random.NextDouble() < notHome * options.NotHomeScale)
        {
            return (120 + random.NextDouble() * 120, true);
        }
        var seconds = plannedSeconds * median * Math.Exp(Gaussian(random) * sigma) * options.ServiceScale;
        if (random.NextDouble() < 0.05)
        {
            seconds += 120 + random.NextDouble() * 240; // a customer slow to answer, a signature, a question
        }
        return (Math.Max(20, seconds), false);
    }

    /// <summary>A fix every interval along the track, with jitter, canyon bursts and drop-outs; none from <paramref name="died"/> on.</summary>
    private List<PositionReport> Fixes(List<(DateTimeOffset At, Location Where)> track, Random random, DateTimeOffset? died)
    {
        var fixes = new List<PositionReport>(track.Count);
        var step = TimeSpan.FromSeconds(options.FixIntervalSeconds);
        var k = 0;
        var canyon = 0;
        var gap = 0;
        long seq = 0;
        var previous = track[0].Where;
        for (var at = track[0].At; at <= track[^1].At && (died is not { } d || at < d); at += step)
        {
            while (k + 1 < track.Count && track[k + 1].At <= at)
            {
                k++;
            }
            var (a, b) = (track[k], track[Math.Min(k + 1, track.Count - 1)]);
            var span = (b.At - a.At).TotalSeconds;
            var f = span > 0 ? (at - a.At).TotalSeconds / span : 0;
            var lat = a.Where.Latitude + (b.Where.Latitude - a.Where.Latitude) * f;
            var lon = a.Where.Longitude + (b.Where.Longitude - a.Where.Longitude) * f;
            // A phone reports its speed as the GPS sees it; short shape pieces can give absurd quotients, which it would not.
            var speed = span > 0 ? Math.Min(40, Geo.DistanceMeters(a.Where.Latitude, a.Where.Longitude, b.Where.Latitude, b.Where.Longitude) / span) : 0;
            var heading = Math.Atan2(lon - previous.Longitude, lat - previous.Latitude) * 180 / Math.PI;
            previous = new Location(lon, lat);
            if (gap > 0)
            {
                gap--;
                continue;
            }
            if (random.NextDouble() < options.GpsDropoutProbability)
            {
                gap = random.Next(2, 13);
                continue;
            }
            if (canyon == 0 && random.NextDouble() < options.CanyonProbability)
            {
                canyon = random.Next(6, 25);
            }
            var accuracy = canyon > 0 ? 30 + random.NextDouble() * 60 : options.GpsAccuracyMeters * (0.6 + 0.9 * random.NextDouble());
            canyon = Math.Max(0, canyon - 1);
            var error = Math.Abs(Gaussian(random)) * accuracy / 2;
            var (jLat, jLon) = Geo.Offset(lat, lon, error, random.NextDouble() * 360);
            fixes.Add(new PositionReport(++seq, at, jLat, jLon, Math.Round(accuracy, 1), Math.Round(speed, 2), Math.Round((heading + 360) % 360)));
        }
        return fixes;
    }

    private List<(DateTimeOffset From, DateTimeOffset To)> Offline(DateTimeOffset start, DateTimeOffset end, Random random)
    {
        var list = new List<(DateTimeOffset, DateTimeOffset)>();
        if (options.ConnectionLossesPerHour <= 0)
        {
            return list;
        }
        for (var t = start; ;)
        {
            t += TimeSpan.FromHours(-Math.Log(1 - random.NextDouble()) / options.ConnectionLossesPerHour);
            if (t >= end)
            {
                return list;
            }
            var to = t + TimeSpan.FromMinutes(2 + random.NextDouble() * 13);
            list.Add((t, to));
            t = to;
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static uint Hash(string text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = unchecked((h ^ c) * 16777619u);
        }
        return h;
    }
}
