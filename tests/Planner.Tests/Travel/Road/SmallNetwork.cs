using System.Globalization;
using Delivery.Planner.Model;
using Delivery.Planner.Travel.Road;

namespace Delivery.Planner.Tests.Travel.Road;

/// <summary>
/// A hand-built network in osm2pgrouting's layout, a ~100 m square in Helsinki:
/// <code>
///   V5
///   ↑ (one-way dead end: not in the strongly connected component)
///   V4 ─── V3
///   │   ↙   ↑ (2→3 one-way)
///   V1 ─── V2      (V1–V2 residential, 10 s; the rest primary; 3→1 one-way diagonal, 15 s)
/// </code>
/// </summary>
internal static class SmallNetwork
{
    public static readonly Location V1 = new(24.9400, 60.1700);
    public static readonly Location V2 = new(24.9418, 60.1700);
    public static readonly Location V3 = new(24.9418, 60.1709);
    public static readonly Location V4 = new(24.9400, 60.1709);
    public static readonly Location V5 = new(24.9400, 60.1714);

    public static async Task CreateAsync(RoadTestDatabase db)
    {
        var s = db.Schema;
        await db.ExecuteAsync($"""
            CREATE SCHEMA {s};
            CREATE TABLE {s}.configuration (tag_id integer PRIMARY KEY, tag_value text NOT NULL);
            INSERT INTO {s}.configuration VALUES (106, 'primary'), (112, 'residential');
            CREATE TABLE {s}.ways_vertices_pgr (id bigint PRIMARY KEY, lon numeric(11,8), lat numeric(11,8), the_geom geometry(Point, 4326));
            INSERT INTO {s}.ways_vertices_pgr (id, lon, lat) VALUES
              (1, {P(V1)}), (2, {P(V2)}), (3, {P(V3)}), (4, {P(V4)}), (5, {P(V5)});
            UPDATE {s}.ways_vertices_pgr SET the_geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326);
            CREATE TABLE {s}.ways (gid bigint PRIMARY KEY, source bigint, target bigint, cost_s float8, reverse_cost_s float8,
                                   length_m float8, tag_id integer, name text, the_geom geometry(LineString, 4326));
            INSERT INTO {s}.ways (gid, source, target, cost_s, reverse_cost_s, length_m, tag_id, name) VALUES
              (1, 1, 2, 10, 10, 100, 112, 'hand-built'),
              (2, 2, 3, 10, -10, 100, 106, 'hand-built'),
              (3, 3, 4, 10, 10, 100, 106, 'hand-built'),
              (4, 4, 1, 10, 10, 100, 106, 'hand-built'),
              (5, 4, 5, 5, -5, 55, 106, 'hand-built'),
              (6, 3, 1, 15, -15, 141, 106, 'hand-built');
            UPDATE {s}.ways w SET the_geom = ST_MakeLine(a.the_geom, b.the_geom)
            FROM {s}.ways_vertices_pgr a, {s}.ways_vertices_pgr b WHERE a.id = w.source AND b.id = w.target;
            """);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await NetworkSchema.MarkLargestComponentAsync(connection, s, CancellationToken.None);
    }

    private static string P(Location l) => string.Create(CultureInfo.InvariantCulture, $"{l.X}, {l.Y}");
}
