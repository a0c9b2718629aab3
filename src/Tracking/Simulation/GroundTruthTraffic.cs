using Delivery.Planner.Model;
using Delivery.Tracking.Arrival;

namespace Delivery.Tracking.Simulation;

/// <summary>A road incident of the simulated day: roads within <paramref name="RadiusMeters"/> of a point are slowed.</summary>
/// <param name="Latitude">Centre latitude, degrees.</param>
/// <param name="Longitude">Centre longitude, degrees.</param>
/// <param name="RadiusMeters">Radius of the slowed area, metres.</param>
/// <param name="From">Start (UTC).</param>
/// <param name="To">End (UTC).</param>
/// <param name="SpeedFactor">Speed multiplier inside the area while it lasts (e.g. 0.3).</param>
public sealed record TrafficIncident(double Latitude, double Longitude, double RadiusMeters, DateTimeOffset From, DateTimeOffset To, double SpeedFactor);

/// <summary>
/// The ground truth of a simulated day's traffic, which the planner does not know: speed as a share of free flow per
/// road class group and time of day (a midday dip, rush hours around 08:30 and 18:00 that hit arterials hardest),
/// and incidents that slow an area for an hour. Legs add their own noise (see <see cref="CourierDayGenerator"/>).
/// Deterministic.
/// </summary>
public sealed class GroundTruthTraffic
{
    private readonly TimeZoneInfo _zone;

    /// <summary>Creates the model for a time zone (time of day is local) with the given incidents.</summary>
    public GroundTruthTraffic(TimeZoneInfo zone, IReadOnlyList<TrafficIncident> incidents)
    {
        _zone = zone;
        Incidents = incidents;
    }

    /// <summary>Incidents of the day.</summary>
    public IReadOnlyList<TrafficIncident> Incidents { get; }

    /// <summary>
    /// A day's traffic: <paramref name="incidents"/> incidents placed at random among <paramref name="places"/>, each
    /// lasting an hour, starting between 08:00 and 18:00 local on <paramref name="date"/>.
    /// </summary>
    public static GroundTruthTraffic Generate(int seed, TimeZoneInfo zone, DateOnly date, IReadOnlyList<Location> places, int incidents)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(places);
        var random = new Random(seed);
        var list = new List<TrafficIncident>();
        for (var i = 0; i < incidents && places.Count > 0; i++)
        {
            var at = places[random.Next(places.Count)];
            var local = date.ToDateTime(new TimeOnly(8, 0)).AddMinutes(random.Next(0, 600));
            var from = new DateTimeOffset(local, zone.GetUtcOffset(local));
            list.Add(new TrafficIncident(at.Latitude, at.Longitude, 300 + random.Next(0, 400), from, from.AddHours(1), 0.25 + 0.25 * random.NextDouble()));
        }
        return new GroundTruthTraffic(zone, list);
    }

    /// <summary>The group a road class belongs to: <c>fast</c> (motorways, trunks), <c>arterial</c> (primary to tertiary) or <c>local</c>.</summary>
    public static string Group(string roadClass) => roadClass switch
    {
        "motorway" or "motorway_link" or "trunk" or "trunk_link" => "fast",
        "primary" or "primary_link" or "secondary" or "secondary_link" or "tertiary" or "tertiary_link" => "arterial",
        _ => "local",
    };

    /// <summary>Speed as a share of free flow on <paramref name="roadClass"/> at <paramref name="at"/> (before incidents and noise).</summary>
    public double SpeedFactor(string roadClass, DateTimeOffset at)
    {
        var hour = TimeZoneInfo.ConvertTime(at, _zone).TimeOfDay.TotalHours;
        var (baseline, rush) = Group(roadClass) switch
        {
            "fast" => (0.9, 0.45),
            "arterial" => (0.8, 0.4),
            _ => (0.75, 0.2),
        };
        return baseline * (1 - rush * (Bump(hour, 8.5, 0.9) + Bump(hour, 18.0, 1.0)) - 0.05 * Bump(hour, 13.0, 1.0));
    }

    /// <summary>The incidents' speed multiplier at a point and time (1 when none applies).</summary>
    public double IncidentFactor(Location where, DateTimeOffset at)
    {
        var factor = 1.0;
        foreach (var i in Incidents)
        {
            if (at >= i.From && at < i.To && Geo.DistanceMeters(where.Latitude, where.Longitude, i.Latitude, i.Longitude) <= i.RadiusMeters)
            {
                factor = Math.Min(factor, i.SpeedFactor);
            }
        }
        return factor;
    }

    private static double Bump(double hour, double centre, double width) => Math.Exp(-Math.Pow((hour - centre) / width, 2));
}
