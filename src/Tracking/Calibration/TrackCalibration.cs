using Delivery.Tracking.Simulation;

namespace Delivery.Tracking.Calibration;

/// <summary>One driven leg as the tracks show it: when it started, how long it took, and its path's free-flow seconds per road class group.</summary>
/// <param name="Departure">Left the previous stop (UTC).</param>
/// <param name="ObservedSeconds">Handover at the previous stop to arrival at this one.</param>
/// <param name="FreeFlowByGroup">Free-flow seconds of the leg's road path per group (<see cref="GroundTruthTraffic.Group"/>).</param>
public sealed record LegObservation(DateTimeOffset Departure, double ObservedSeconds, IReadOnlyDictionary<string, double> FreeFlowByGroup);

/// <summary>One stop's service as the events show it.</summary>
/// <param name="Class">Kind of stop (e.g. kind of address, or the number of items), the class its factor is learned for.</param>
/// <param name="PlannedSeconds">Planned service time.</param>
/// <param name="ObservedSeconds">Arrival (or window start, when the courier waited) to handover.</param>
public sealed record ServiceObservation(string Class, double PlannedSeconds, double ObservedSeconds);

/// <summary>A learned speed factor: speed on a road class group in a time-of-day band as a share of free flow.</summary>
/// <param name="Group">Road class group.</param>
/// <param name="From">Band start (local, inclusive).</param>
/// <param name="To">Band end (local, exclusive).</param>
/// <param name="Factor">Speed multiplier (1 = free flow); 1 when the band had too little data.</param>
/// <param name="Legs">Legs in the band.</param>
/// <param name="Calibrated">False when the band had fewer legs than the minimum: the factor did not move.</param>
public sealed record LearnedSpeedFactor(string Group, TimeOnly From, TimeOnly To, double Factor, int Legs, bool Calibrated);

/// <summary>A learned service time: observed ÷ planned for a kind of stop, shrunk towards the depot's average.</summary>
/// <param name="Class">Kind of stop.</param>
/// <param name="Factor">Multiplier for the planned service time.</param>
/// <param name="Stops">Stops behind it.</param>
public sealed record LearnedServiceTime(string Class, double Factor, int Stops);

/// <summary>A calibration: speed factors per group and band, service factors per kind, and the depot's service factor.</summary>
public sealed record CalibrationResult(IReadOnlyList<LearnedSpeedFactor> Speeds, IReadOnlyList<LearnedServiceTime> Services, double DepotServiceFactor, int Legs, int Stops);

/// <summary>Settings of the calibration.</summary>
public sealed class CalibrationOptions
{
    /// <summary>Time-of-day bands (local): each band's factors are learned from the legs that departed in it.</summary>
    public IReadOnlyList<(TimeOnly From, TimeOnly To)> Bands { get; init; } =
        [(new TimeOnly(6, 0), new TimeOnly(10, 0)), (new TimeOnly(10, 0), new TimeOnly(16, 0)), (new TimeOnly(16, 0), new TimeOnly(20, 0)), (new TimeOnly(20, 0), new TimeOnly(23, 59))];

    /// <summary>A band with fewer legs is not calibrated (its factors stay 1).</summary>
    public int MinLegs { get; init; } = 30;

    /// <summary>Weight of the prior "factor = 1" per group, in free-flow seconds (ridge regularisation).</summary>
    public double PriorSeconds { get; init; } = 300;

    /// <summary>Weight of the depot's average for a kind of address, in stops (shrinkage).</summary>
    public double PriorStops { get; init; } = 20;
}

/// <summary>
/// Learns from the tracks: per time-of-day band, the slowness (observed ÷ free-flow time) of each road class group by
/// ridge-regularised least squares over the legs (observed = Σ free-flow seconds per group × slowness of the group), so
/// a leg across several groups informs each; per kind of stop, service time as observed ÷ planned, shrunk towards
/// the depot's average where stops are few. Pure and deterministic.
/// </summary>
public static class TrackCalibration
{
    /// <summary>The road class groups factors are learned for (<see cref="GroundTruthTraffic.Group"/>).</summary>
    public static readonly IReadOnlyList<string> Groups = ["fast", "arterial", "local"];

    /// <summary>Learns a calibration from <paramref name="legs"/> and <paramref name="services"/> (times of day in <paramref name="zone"/>).</summary>
    public static CalibrationResult Learn(IReadOnlyList<LegObservation> legs, IReadOnlyList<ServiceObservation> services, TimeZoneInfo zone, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(zone);
        var o = options ?? new CalibrationOptions();
        var speeds = new List<LearnedSpeedFactor>();
        foreach (var (from, to) in o.Bands)
        {
            var inBand = legs.Where(l => l.ObservedSeconds > 0 && InBand(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(l.Departure, zone).DateTime), from, to)).ToList();
            var slowness = inBand.Count >= o.MinLegs ? Solve(inBand, o.PriorSeconds) : null;
            for (var g = 0; g < Groups.Count; g++)
            {
                var calibrated = slowness is not null && inBand.Any(l => l.FreeFlowByGroup.GetValueOrDefault(Groups[g]) > 0);
                speeds.Add(new LearnedSpeedFactor(Groups[g], from, to, calibrated ? Math.Clamp(1 / slowness![g], 0.2, 1.5) : 1, inBand.Count, calibrated));
            }
        }
        var valid = services.Where(s => s.PlannedSeconds > 0 && s.ObservedSeconds > 0).ToList();
        var depot = valid.Count == 0 ? 1 : valid.Sum(s => s.ObservedSeconds) / valid.Sum(s => s.PlannedSeconds);
        var meanPlanned = valid.Count == 0 ? 0 : valid.Average(s => s.PlannedSeconds);
        var kinds = valid.Select(s => s.Class).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(k =>
        {
            var of = valid.Where(s => s.Class == k).ToList();
            var factor = (of.Sum(s => s.ObservedSeconds) + o.PriorStops * meanPlanned * depot) / (of.Sum(s => s.PlannedSeconds) + o.PriorStops * meanPlanned);
            return new LearnedServiceTime(k, factor, of.Count);
        }).ToList();
        return new CalibrationResult(speeds, kinds, depot, legs.Count, valid.Count);
    }

    private static bool InBand(TimeOnly t, TimeOnly from, TimeOnly to) => from < to ? t >= from && t < to : t >= from || t < to;

    /// <summary>Slowness per group: minimises Σ (observed − Σ ff·x)² + λ Σ (x − 1)², λ = prior².</summary>
    private static double[] Solve(List<LegObservation> legs, double prior)
    {
        var n = Groups.Count;
        var a = new double[n, n];
        var b = new double[n];
        var lambda = prior * prior;
        for (var i = 0; i < n; i++)
        {
            a[i, i] = lambda;
            b[i] = lambda;
        }
        foreach (var leg in legs)
        {
            var ff = Groups.Select(g => leg.FreeFlowByGroup.GetValueOrDefault(g)).ToArray();
            for (var i = 0; i < n; i++)
            {
                b[i] += ff[i] * leg.ObservedSeconds;
                for (var j = 0; j < n; j++)
                {
                    a[i, j] += ff[i] * ff[j];
                }
            }
        }
        // Gaussian elimination (the matrix is symmetric positive definite).
        for (var p = 0; p < n; p++)
        {
            for (var r = p + 1; r < n; r++)
            {
                var f = a[r, p] / a[p, p];
                for (var c = p; c < n; c++)
                {
                    a[r, c] -= f * a[p, c];
                }
                b[r] -= f * b[p];
            }
        }
        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = b[r];
            for (var c = r + 1; c < n; c++)
            {
                s -= a[r, c] * x[c];
            }
            x[r] = Math.Max(0.5, s / a[r, r]);
        }
        return x;
    }
}
