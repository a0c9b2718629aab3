using System.ComponentModel.DataAnnotations;

namespace Delivery.Planner.Travel.Road;

/// <summary>Where and how <see cref="OsmImporter"/> loads an OpenStreetMap extract.</summary>
public sealed class OsmImportOptions
{
    /// <summary>Configuration section the host binds.</summary>
    public const string Section = "RoadNetwork:Import";

    /// <summary>
    /// The live network schema (lower-case letters, digits, underscore; starts with a letter or underscore).
    /// An import builds a staging schema beside it and swaps it in atomically.
    /// </summary>
    [RegularExpression(NetworkSchema.NamePattern)]
    public string Schema { get; init; } = "roads";

    /// <summary>osm2pgrouting's car profile; null looks in the usual install folders.</summary>
    public string? MapConfigPath { get; init; }

    /// <summary>The <c>osmium</c> executable.</summary>
    public string OsmiumPath { get; init; } = "osmium";

    /// <summary>The <c>osm2pgrouting</c> executable.</summary>
    public string Osm2pgroutingPath { get; init; } = "osm2pgrouting";

    /// <summary>Folder for the temporary XML file (osm2pgrouting 2.3 reads only XML); null uses the system temp folder.</summary>
    public string? WorkDirectory { get; init; }
}
