namespace Delivery.Planner.Travel.Road;

/// <summary>
/// Scales free-flow speed on one road class, all day or within a time-of-day band: travel time on a matching edge is
/// divided by <see cref="Factor"/>. When several factors match an edge at a time, they multiply.
/// </summary>
public sealed record SpeedFactor
{
    /// <summary>Creates a factor; throws when the factor is not in (0, 10] or the band is empty.</summary>
    /// <param name="roadClass">osm2pgrouting's road class (the OSM <c>highway</c> value, e.g. "residential"), or "*" for every class.</param>
    /// <param name="factor">Speed multiplier, e.g. 0.8 for 20 % slower.</param>
    /// <param name="from">Start of the band (local time of day, inclusive); null with <paramref name="to"/> for all day.</param>
    /// <param name="to">End of the band (exclusive); a band may wrap past midnight.</param>
    public SpeedFactor(string roadClass, double factor, TimeOnly? from = null, TimeOnly? to = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roadClass);
        if (!double.IsFinite(factor) || factor <= 0 || factor > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "Speed factor must be greater than 0 and at most 10.");
        }
        if (from.HasValue != to.HasValue)
        {
            throw new ArgumentException("Give both ends of the time band or neither.", from.HasValue ? nameof(to) : nameof(from));
        }
        if (from.HasValue && from == to)
        {
            throw new ArgumentException("The time band is empty: 'from' equals 'to'.", nameof(to));
        }
        RoadClass = roadClass;
        Factor = factor;
        From = from;
        To = to;
    }

    /// <summary>Road class the factor applies to, or "*".</summary>
    public string RoadClass { get; }

    /// <summary>Speed multiplier (> 0).</summary>
    public double Factor { get; }

    /// <summary>Start of the band, inclusive; null for all day.</summary>
    public TimeOnly? From { get; }

    /// <summary>End of the band, exclusive; null for all day.</summary>
    public TimeOnly? To { get; }

    /// <summary>True when this factor applies to <paramref name="roadClass"/> at <paramref name="timeOfDay"/> (null: no band applies).</summary>
    public bool Applies(string roadClass, TimeOnly? timeOfDay)
    {
        if (RoadClass != "*" && !string.Equals(RoadClass, roadClass, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (From is not { } from || To is not { } to)
        {
            return true;
        }
        return timeOfDay is { } t && (from < to ? t >= from && t < to : t >= from || t < to);
    }
}
