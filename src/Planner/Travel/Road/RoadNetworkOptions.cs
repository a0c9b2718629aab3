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

    /// <summary>
    /// The fastest free-flow speed per OSM highway class, km/h: a city courier's average on such a street with its
    /// junctions, lights and parked cars, not the speed limit. osm2pgrouting's car profile drives at the limit or at
    /// its defaults (90 km/h on secondary, tertiary and unclassified roads), which made 38 km of Porto 0.6 h. A class not
    /// listed keeps osm2pgrouting's speed.
    /// </summary>
    public Dictionary<string, double> FreeFlowKmh { get; init; } = new(UrbanFreeFlowKmh);

    /// <summary>The defaults of <see cref="FreeFlowKmh"/>.</summary>
    public static readonly IReadOnlyDictionary<string, double> UrbanFreeFlowKmh = new Dictionary<string, double>
    {
        ["motorway"] = 90, ["motorway_link"] = 50, ["motorway_junction"] = 50, ["trunk"] = 70, ["trunk_link"] = 40,
        ["primary"] = 45, ["primary_link"] = 35, ["secondary"] = 40, ["secondary_link"] = 30, ["tertiary"] = 35, ["tertiary_link"] = 30,
        ["unclassified"] = 30, ["residential"] = 25, ["living_street"] = 10, ["service"] = 15, ["road"] = 25, ["unknown"] = 25,
    };

    /// <summary>Speed factors per road class and time-of-day band; empty means free-flow speeds.</summary>
    public IReadOnlyList<SpeedFactor> SpeedFactors { get; init; } = [];

    /// <summary>A stop farther than this from any road is flagged as a probable bad address (metres).</summary>
    [Range(1, 10_000)]
    public double BadAddressMeters { get; init; } = 250;
}
