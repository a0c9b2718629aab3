namespace Delivery.CourierApi.Features.Calibration;

/// <summary>A learned speed factor: speed on a road class group in a time-of-day band as a share of free flow.</summary>
/// <param name="Group">Road class group: fast (motorway, trunk), arterial (primary, secondary, tertiary), local (the rest).</param>
/// <param name="From">Band start, depot-local time of day (inclusive).</param>
/// <param name="To">Band end (exclusive).</param>
/// <param name="Factor">Speed multiplier (1 = free flow).</param>
/// <param name="Legs">Legs driven in the band: the data behind the factor.</param>
/// <param name="Calibrated">False when the band had too few legs: the factor stayed 1 and the planner ignores it.</param>
public sealed record CalibrationSpeedFactor(string Group, TimeOnly From, TimeOnly To, double Factor, int Legs, bool Calibrated);

/// <summary>A learned service-time factor for a kind of stop, shrunk towards the depot's average where stops are few.</summary>
/// <param name="Class">Kind of stop: <c>items_1</c>, <c>items_2_3</c> or <c>items_4_plus</c>.</param>
/// <param name="Factor">Multiplier for the order's service time.</param>
/// <param name="Stops">Stops behind it.</param>
public sealed record CalibrationServiceFactor(string Class, double Factor, int Stops);

/// <summary>Planned-vs-actual error over the calibration's data: legs (travel) and stops (service).</summary>
/// <param name="Legs">Legs compared.</param>
/// <param name="LegMaeSeconds">Mean absolute error of a leg's predicted travel time.</param>
/// <param name="LegBiasSeconds">Mean of actual − predicted (positive: slower than predicted).</param>
/// <param name="Stops">Stops compared.</param>
/// <param name="ServiceMaeSeconds">Mean absolute error of a stop's predicted service time.</param>
/// <param name="ServiceBiasSeconds">Mean of actual − predicted service time.</param>
public sealed record CalibrationError(int Legs, double LegMaeSeconds, double LegBiasSeconds, int Stops, double ServiceMaeSeconds, double ServiceBiasSeconds);

/// <summary>
/// One calibration version of a depot: factors learned from the tracks of published routes over
/// <see cref="DataFrom"/>–<see cref="DataTo"/>, with the data behind them and the error before (with the version
/// active when it was learned, or free flow) and after. The active version is what the planner and the ETAs use.
/// </summary>
/// <param name="Id">Database id.</param>
/// <param name="DepotId">Depot.</param>
/// <param name="Version">Version number within the depot (1, 2, …).</param>
/// <param name="CreatedAt">When it was learned (UTC).</param>
/// <param name="CreatedBy">Who asked (user name), or <c>nightly</c>.</param>
/// <param name="Trigger"><c>on_demand</c> or <c>nightly</c>.</param>
/// <param name="DataFrom">First plan date of the data.</param>
/// <param name="DataTo">Last plan date of the data.</param>
/// <param name="Legs">Legs learned from.</param>
/// <param name="Stops">Stops learned from.</param>
/// <param name="SpeedFactors">Per group and band.</param>
/// <param name="ServiceFactors">Per kind of stop.</param>
/// <param name="DepotServiceFactor">The depot's observed ÷ planned service time.</param>
/// <param name="ErrorBefore">Error of the predictions before this version.</param>
/// <param name="ErrorAfter">Error of this version's predictions on the same data.</param>
/// <param name="Active">True for the version in use.</param>
/// <param name="ActivatedAt">When it was last made active.</param>
public sealed record CalibrationVersion(
    long Id, long DepotId, int Version, DateTimeOffset CreatedAt, string CreatedBy, string Trigger, DateOnly DataFrom, DateOnly DataTo, int Legs, int Stops,
    IReadOnlyList<CalibrationSpeedFactor> SpeedFactors, IReadOnlyList<CalibrationServiceFactor> ServiceFactors, double DepotServiceFactor,
    CalibrationError ErrorBefore, CalibrationError ErrorAfter, bool Active, DateTimeOffset? ActivatedAt)
{
    /// <summary>True when some band was calibrated: travel times then depend on the time of day.</summary>
    public bool HasTimeOfDayFactors => SpeedFactors.Any(f => f.Calibrated);

    /// <summary>The service factor for a stop with <paramref name="items"/> items (the depot's when its class has none).</summary>
    public double ServiceFactor(long items)
    {
        var c = CalibrationClasses.OfItems(items);
        return ServiceFactors.FirstOrDefault(s => s.Class == c)?.Factor ?? DepotServiceFactor;
    }

    /// <summary>The speed factor of <paramref name="group"/> at local time <paramref name="t"/> (1 outside calibrated bands).</summary>
    public double SpeedFactor(string group, TimeOnly t) =>
        SpeedFactors.FirstOrDefault(f => f.Calibrated && f.Group == group && (f.From < f.To ? t >= f.From && t < f.To : t >= f.From || t < f.To))?.Factor ?? 1;
}

/// <summary>Kinds of stop the host learns service times for (the orders carry their items, not the kind of address).</summary>
internal static class CalibrationClasses
{
    public static string OfItems(long items) => items <= 1 ? "items_1" : items <= 3 ? "items_2_3" : "items_4_plus";
}
