namespace Delivery.Planner.Model;

/// <summary>One delivery to plan.</summary>
public sealed record Order
{
    /// <summary>Stable identifier (unique within a problem).</summary>
    public required string Id { get; init; }

    /// <summary>Where the delivery is made.</summary>
    public required Location Location { get; init; }

    /// <summary>
    /// The promised windows, seconds from the epoch. Service must <em>start</em> inside one of them.
    /// Empty means "any time within the vehicle's shift".
    /// </summary>
    public IReadOnlyList<TimeWindow> Windows { get; init; } = [];

    /// <summary>Time spent at the stop, in seconds.</summary>
    public long ServiceSeconds { get; init; }

    /// <summary>Demand in every capacity dimension; never negative.</summary>
    public Load Demand { get; init; } = Load.Zero;

    /// <summary>Skills a vehicle/courier must have to serve this order (e.g. "fridge", "adr").</summary>
    public IReadOnlySet<string> RequiredSkills { get; init; } = new HashSet<string>();

    /// <summary>
    /// Priority: 0 normal; higher values are dropped later when not everything fits. Must be between 0 and 10.
    /// </summary>
    public int Priority { get; init; }
}
