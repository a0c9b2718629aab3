namespace Delivery.Planner.Model;

/// <summary>A courier with their vehicle for the planned day.</summary>
public sealed record Vehicle
{
    /// <summary>Stable identifier (unique within a problem).</summary>
    public required string Id { get; init; }

    /// <summary>Id of the depot the route starts at.</summary>
    public required string StartDepotId { get; init; }

    /// <summary>Id of the depot the route ends at (may differ from the start).</summary>
    public required string EndDepotId { get; init; }

    /// <summary>Shift: the route may leave the start depot no earlier than Start and must be back by End (seconds from the epoch).</summary>
    public required TimeWindow Shift { get; init; }

    /// <summary>Capacity in every dimension.</summary>
    public required Load Capacity { get; init; }

    /// <summary>Skills the courier/vehicle has.</summary>
    public IReadOnlySet<string> Skills { get; init; } = new HashSet<string>();

    /// <summary>Longest allowed route (start to end, waiting included), in seconds; null for no limit beyond the shift.</summary>
    public long? MaxRouteSeconds { get; init; }

    /// <summary>An optional break the courier must take.</summary>
    public Break? Break { get; init; }

    /// <summary>Cost added to the objective when this vehicle is used at all (same units as the travel cost).</summary>
    public long FixedCost { get; init; }
}

/// <summary>A break that must start inside <paramref name="Window"/> and last <paramref name="DurationSeconds"/>.</summary>
/// <param name="Window">When the break may start, seconds from the epoch.</param>
/// <param name="DurationSeconds">Length of the break in seconds.</param>
public sealed record Break(TimeWindow Window, long DurationSeconds);
