namespace Delivery.Tracking.Eta;

/// <summary>What the at-risk check decided for a stop.</summary>
public enum AtRiskChange
{
    /// <summary>Nothing to announce.</summary>
    None,

    /// <summary>The ETA has passed window end − margin: alert.</summary>
    Raised,

    /// <summary>The stop was at risk and has recovered: all-clear.</summary>
    Cleared,
}

/// <summary>
/// A stop is at risk when its ETA is later than window end − margin. The alert is raised once when the stop becomes
/// at risk and cleared once when the ETA is back at least <see cref="ClearHysteresis"/> before the threshold, so an
/// ETA hovering at the threshold does not flap.
/// </summary>
public sealed class AtRiskDetector(TimeSpan margin)
{
    /// <summary>How far below the threshold the ETA must come back before an all-clear.</summary>
    public static readonly TimeSpan ClearHysteresis = TimeSpan.FromMinutes(2);

    /// <summary>The margin before window end.</summary>
    public TimeSpan Margin { get; } = margin >= TimeSpan.Zero ? margin : throw new ArgumentOutOfRangeException(nameof(margin), margin, "Margin must be ≥ 0.");

    /// <summary>Evaluates one stop.</summary>
    /// <param name="currentlyAtRisk">Whether an alert is currently standing for the stop.</param>
    /// <param name="eta">Current ETA.</param>
    /// <param name="windowEndUtc">Window end, or null (never at risk).</param>
    public AtRiskChange Evaluate(bool currentlyAtRisk, DateTimeOffset eta, DateTimeOffset? windowEndUtc)
    {
        if (windowEndUtc is not { } end)
        {
            return currentlyAtRisk ? AtRiskChange.Cleared : AtRiskChange.None;
        }
        var threshold = end - Margin;
        if (!currentlyAtRisk && eta > threshold)
        {
            return AtRiskChange.Raised;
        }
        if (currentlyAtRisk && eta <= threshold - ClearHysteresis)
        {
            return AtRiskChange.Cleared;
        }
        return AtRiskChange.None;
    }
}
