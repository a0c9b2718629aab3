using System.Text.Json.Nodes;

namespace Delivery.CourierApi.Features.Tiles;

/// <summary>
/// The MapLibre style Delivery serves itself: a background, the road classes from the host's tiles, and street names
/// along the lines from street zoom. No glyphs and no sprite, so MapLibre draws labels with the page's local font
/// (<c>Noto Sans</c>, bundled by the pages); nothing is fetched from the internet.
/// </summary>
internal static class MapStyle
{
    public const string Attribution = "© OpenStreetMap contributors";
    public const string Font = "Noto Sans";
    public const int MaxTileZoom = 16;

    private const string Background = "#f2efe9";

    // (layer id, classes, colour, casing colour, min zoom, width at z12, width at z18): minor first so major roads draw on top.
    private static readonly (string Id, string[] Classes, string Color, string Casing, int MinZoom, double W12, double W18)[] Classes =
    [
        ("path", ["path", "footway", "cycleway", "pedestrian", "steps", "track", "bridleway"], "#fafafa", "#c8c4bd", 14, 0.5, 3),
        ("service", ["service", "services", "unknown", "road", "living_street"], "#ffffff", "#cfcac2", 14, 0.5, 6),
        ("street", ["residential", "unclassified"], "#ffffff", "#c4bfb6", 13, 1, 12),
        ("tertiary", ["tertiary", "tertiary_link"], "#ffffff", "#b8b2a7", 11, 2, 14),
        ("secondary", ["secondary", "secondary_link"], "#f7fabf", "#b9bd7a", 10, 2.5, 16),
        ("primary", ["primary", "primary_link"], "#fcd6a4", "#c99f6a", 8, 3, 18),
        ("trunk", ["trunk", "trunk_link"], "#f9b29c", "#c47f6c", 0, 3.5, 20),
        ("motorway", ["motorway", "motorway_link"], "#e892a2", "#b8606f", 0, 4, 22),
    ];

    /// <summary>The style; <paramref name="tilesUrl"/> is absolute (MapLibre resolves no relative tile URLs); null gives the background only.</summary>
    public static JsonObject Build(string? tilesUrl, TileNetwork network)
    {
        var layers = new JsonArray(new JsonObject
        {
            ["id"] = "background",
            ["type"] = "background",
            ["paint"] = new JsonObject { ["background-color"] = Background },
        });
        var sources = new JsonObject();
        var style = new JsonObject
        {
            ["version"] = 8,
            ["name"] = "Delivery streets",
            ["metadata"] = new JsonObject
            {
                ["delivery:streets"] = network.Available,
                ["delivery:reason"] = network.Reason,
            },
            ["sources"] = sources,
            ["layers"] = layers,
        };
        if (tilesUrl is null || network.Bounds is not { } bounds)
        {
            return style;
        }
        style["center"] = new JsonArray((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2);
        style["zoom"] = 12;
        sources["roads"] = new JsonObject
        {
            ["type"] = "vector",
            ["tiles"] = new JsonArray(tilesUrl),
            ["minzoom"] = 0,
            ["maxzoom"] = MaxTileZoom,
            ["bounds"] = new JsonArray(bounds[0], bounds[1], bounds[2], bounds[3]),
            ["attribution"] = Attribution,
        };
        foreach (var c in Classes)
        {
            layers.Add(Line(c.Id + "-casing", c.Classes, c.Casing, c.MinZoom, c.W12 + 1, c.W18 + 2));
        }
        foreach (var c in Classes)
        {
            layers.Add(Line(c.Id, c.Classes, c.Color, c.MinZoom, c.W12, c.W18));
        }
        layers.Add(new JsonObject
        {
            ["id"] = "road-names",
            ["type"] = "symbol",
            ["source"] = "roads",
            ["source-layer"] = "roads",
            ["minzoom"] = 14,
            ["filter"] = new JsonArray("has", "name"),
            ["layout"] = new JsonObject
            {
                ["symbol-placement"] = "line",
                ["text-field"] = new JsonArray("get", "name"),
                ["text-font"] = new JsonArray(Font),
                ["text-size"] = Interpolate(14, 11, 18, 14),
                ["text-max-angle"] = 30,
                ["symbol-spacing"] = 300,
            },
            ["paint"] = new JsonObject
            {
                ["text-color"] = "#3b3b3b",
                ["text-halo-color"] = "#ffffff",
                ["text-halo-width"] = 1.5,
            },
        });
        return style;
    }

    private static JsonObject Line(string id, string[] classes, string color, int minZoom, double w12, double w18) => new()
    {
        ["id"] = id,
        ["type"] = "line",
        ["source"] = "roads",
        ["source-layer"] = "roads",
        ["minzoom"] = minZoom,
        ["filter"] = new JsonArray("match", new JsonArray("get", "class"), new JsonArray(classes.Select(c => (JsonNode?)c).ToArray()), true, false),
        ["layout"] = new JsonObject { ["line-join"] = "round", ["line-cap"] = "round" },
        ["paint"] = new JsonObject { ["line-color"] = color, ["line-width"] = Interpolate(12, w12, 18, w18) },
    };

    private static JsonArray Interpolate(double z1, double v1, double z2, double v2) =>
        new("interpolate", new JsonArray("exponential", 1.5), new JsonArray("zoom"), z1, v1, z2, v2);
}
