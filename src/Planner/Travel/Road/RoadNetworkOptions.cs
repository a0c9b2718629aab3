using System.ComponentModel.DataAnnotations;

namespace Delivery.Planner.Travel.Road;

/// <summary>Which network to load and how to read it.</summary>
public sealed class RoadNetworkOptions
{
    /// <summary>Configuration section the host binds.</summary>
    public const string Section = "RoadNetwork";

    /// <summary>The network schema written by <see cref="OsmImporter"/>.</summary>
    [RegularExpression(NetworkSchema.NamePattern)]
    public string Schema { get; init; } = "roads";

    /// <summary>Speed factors per road class and time-of-day band; empty means free-flow speeds.</summary>
    public IReadOnlyList<SpeedFactor> SpeedFactors { get; init; } = [];

    /// <summary>A stop farther than this from any road is flagged as a probable bad address (metres).</summary>
    [Range(1, 10_000)]
    public double BadAddressMeters { get; init; } = 250;
}
