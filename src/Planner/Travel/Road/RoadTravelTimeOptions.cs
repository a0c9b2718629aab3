using System.ComponentModel.DataAnnotations;

namespace Delivery.Planner.Travel.Road;

/// <summary>How <see cref="RoadTravelTimeSource"/> computes and caches matrices.</summary>
public sealed class RoadTravelTimeOptions
{
    /// <summary>Configuration section the host binds.</summary>
    public const string Section = "RoadNetwork:Matrix";

    /// <summary>
    /// Local time of day whose speed band <see cref="ITravelTimeSource.GetMatrixAsync"/> uses; null applies only
    /// all-day speed factors.
    /// </summary>
    public TimeOnly? DefaultDeparture { get; init; }

    /// <summary>Most distinct snapped vertices kept in the matrix cache (memory: 8 bytes × this²).</summary>
    [Range(1, 20_000)]
    public int MaxCachedLocations { get; init; } = 3000;

    /// <summary>
    /// Compute matrices on a contraction hierarchy (built once per network and speed profile, see
    /// <see cref="RoadNetwork.Prepare"/>) instead of one full Dijkstra per source. Same results; much faster for
    /// hundreds of locations once the hierarchy exists.
    /// </summary>
    public bool UseContractionHierarchy { get; init; } = true;

    /// <summary>Searches run at once; defaults to the number of cores.</summary>
    [Range(1, 256)]
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}
