namespace Delivery.Tracking.Arrival;

/// <summary>A fix as the arrival detector sees it.</summary>
/// <param name="At">When the fix was taken (UTC).</param>
/// <param name="Lat">Latitude, degrees.</param>
/// <param name="Lon">Longitude, degrees.</param>
/// <param name="AccuracyM">Accuracy radius in metres, if known.</param>
/// <param name="SpeedMps">Speed in metres per second, if known.</param>
public readonly record struct GeoFix(DateTimeOffset At, double Lat, double Lon, double? AccuracyM = null, double? SpeedMps = null);

/// <summary>An open stop the courier may arrive at.</summary>
/// <param name="StopId">Stop.</param>
/// <param name="Lat">Latitude, degrees.</param>
/// <param name="Lon">Longitude, degrees.</param>
public readonly record struct StopPoint(string StopId, double Lat, double Lon);

/// <summary>
/// The detector's memory between fixes: the stop the courier seems to be dwelling at.
/// </summary>
/// <param name="StopId">Candidate stop.</param>
/// <param name="EnteredAt">Time of the first fix inside the radius.</param>
/// <param name="InsideFixes">Fixes inside the radius since then.</param>
/// <param name="TotalFixes">All usable fixes since then.</param>
/// <param name="OutsideRun">Consecutive fixes outside the radius (the candidate is dropped at 2).</param>
public sealed record ArrivalCandidate(string StopId, DateTimeOffset EnteredAt, int InsideFixes, int TotalFixes, int OutsideRun);

/// <summary>Result of observing one fix.</summary>
/// <param name="Candidate">The new memory (null: not near any stop).</param>
/// <param name="ArrivedStopId">The stop arrived at with this fix, if any.</param>
/// <param name="ArrivedAt">Arrival time: when the courier entered the radius.</param>
public readonly record struct ArrivalObservation(ArrivalCandidate? Candidate, string? ArrivedStopId, DateTimeOffset? ArrivedAt);

/// <summary>
/// Geofence arrival detection: the courier has arrived when fixes stay within <c>radius</c> of an open stop for at
/// least <c>dwell</c>, with at least <c>minFixes</c> fixes inside making up ≥ 70 % of the fixes since entering.
/// Fixes with poor accuracy or at driving speed do not count as inside, so a drive-past or one jittery fix
/// next door is not an arrival. Pure: state goes in and out as <see cref="ArrivalCandidate"/>.
/// </summary>
public sealed class ArrivalDetector
{
    private const double DwellSpeedMps = 4.0;
    private const double InsideShare = 0.7;
    private readonly double _radiusMeters;
    private readonly TimeSpan _dwell;
    private readonly int _minFixes;
    private readonly double _maxAccuracyMeters;

    /// <summary>Creates a detector.</summary>
    /// <param name="radiusMeters">Geofence radius around the stop, metres (&gt; 0).</param>
    /// <param name="dwell">Minimum time inside (≥ 0).</param>
    /// <param name="minFixes">Minimum fixes inside (≥ 1).</param>
    /// <param name="maxAccuracyMeters">Fixes less accurate than this are ignored.</param>
    public ArrivalDetector(double radiusMeters, TimeSpan dwell, int minFixes = 3, double maxAccuracyMeters = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radiusMeters);
        ArgumentOutOfRangeException.ThrowIfLessThan(dwell, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(minFixes, 1);
        _radiusMeters = radiusMeters;
        _dwell = dwell;
        _minFixes = minFixes;
        _maxAccuracyMeters = maxAccuracyMeters;
    }

    /// <summary>Feeds one fix (in recording order) given the stops still open.</summary>
    public ArrivalObservation Observe(ArrivalCandidate? candidate, GeoFix fix, IReadOnlyCollection<StopPoint> openStops)
    {
        if (fix.AccuracyM is { } acc && acc > _maxAccuracyMeters)
        {
            return new ArrivalObservation(candidate, null, null);
        }
        var nearest = Nearest(fix, openStops);
        var slowEnough = fix.SpeedMps is not { } speed || speed <= DwellSpeedMps;
        var insideStop = nearest is { } n && n.Distance <= _radiusMeters && slowEnough ? n.Stop.StopId : null;

        if (candidate is not null && !openStops.Any(s => s.StopId == candidate.StopId))
        {
            candidate = null;
        }
        if (candidate is null)
        {
            return insideStop is null
                ? new ArrivalObservation(null, null, null)
                : Decide(new ArrivalCandidate(insideStop, fix.At, 1, 1, 0), fix);
        }
        if (insideStop == candidate.StopId)
        {
            return Decide(candidate with
            {
                InsideFixes = candidate.InsideFixes + 1,
                TotalFixes = candidate.TotalFixes + 1,
                OutsideRun = 0,
            }, fix);
        }
        if (insideStop is not null)
        {
            // Inside another stop's radius: start over there.
            return Decide(new ArrivalCandidate(insideStop, fix.At, 1, 1, 0), fix);
        }
        var outside = candidate with { TotalFixes = candidate.TotalFixes + 1, OutsideRun = candidate.OutsideRun + 1 };
        return new ArrivalObservation(outside.OutsideRun >= 2 ? null : outside, null, null);
    }

    private ArrivalObservation Decide(ArrivalCandidate c, GeoFix fix)
    {
        var arrived = c.InsideFixes >= _minFixes
            && fix.At - c.EnteredAt >= _dwell
            && c.InsideFixes >= InsideShare * c.TotalFixes;
        return arrived
            ? new ArrivalObservation(null, c.StopId, c.EnteredAt)
            : new ArrivalObservation(c, null, null);
    }

    private static (StopPoint Stop, double Distance)? Nearest(GeoFix fix, IReadOnlyCollection<StopPoint> stops)
    {
        (StopPoint, double)? best = null;
        foreach (var s in stops)
        {
            var d = Geo.DistanceMeters(fix.Lat, fix.Lon, s.Lat, s.Lon);
            if (best is null || d < best.Value.Item2)
            {
                best = (s, d);
            }
        }
        return best;
    }
}
