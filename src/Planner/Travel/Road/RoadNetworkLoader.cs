using System.Buffers.Binary;
using Npgsql;

namespace Delivery.Planner.Travel.Road;

/// <summary>Reads a network schema (osm2pgrouting layout plus <c>in_scc</c>) into arrays.</summary>
internal static class RoadNetworkLoader
{
    public sealed record Raw(
        long[] VertexIds, double[] Lon, double[] Lat, bool[] InScc,
        List<RoadGraph.DirectedEdge> Edges, List<double[]> WayShapes, List<string> Classes);

    /// <summary>
    /// Reads the network; an edge's free-flow time is osm2pgrouting's (length at the way's <c>maxspeed</c>, or its car
    /// profile's default per class) but never faster than <paramref name="freeFlowKmh"/> for its class.
    /// </summary>
    public static async Task<Raw> ReadAsync(NpgsqlConnection connection, string schema, IReadOnlyDictionary<string, double> freeFlowKmh, CancellationToken ct)
    {
        NetworkSchema.CheckName(schema);
        if (!await NetworkSchema.HasNetworkAsync(connection, schema, ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"No road network in schema '{schema}': run the OpenStreetMap import first.");
        }
        var classes = new List<string>();
        var classOfTag = new Dictionary<int, int>();
        await using (var cmd = new NpgsqlCommand($"SELECT tag_id, tag_value FROM {schema}.configuration ORDER BY tag_id", connection))
        await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                classOfTag[r.GetInt32(0)] = classes.Count;
                classes.Add(r.GetString(1));
            }
        }
        var unknownClass = classes.Count;
        classes.Add("unknown");
        // Seconds per metre at the class's cap (0 = no cap).
        var slowest = classes.Select(c => freeFlowKmh.TryGetValue(c, out var kmh) && kmh > 0 ? 3.6 / kmh : 0).ToArray();

        var ids = new List<long>();
        var lon = new List<double>();
        var lat = new List<double>();
        var scc = new List<bool>();
        await using (var cmd = new NpgsqlCommand($"SELECT id, lon::float8, lat::float8, in_scc FROM {schema}.ways_vertices_pgr ORDER BY id", connection))
        await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                ids.Add(r.GetInt64(0));
                lon.Add(r.GetDouble(1));
                lat.Add(r.GetDouble(2));
                scc.Add(r.GetBoolean(3));
            }
        }
        var index = new Dictionary<long, int>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            index[ids[i]] = i;
        }

        var edges = new List<RoadGraph.DirectedEdge>();
        var shapes = new List<double[]>();
        var sql = $"""
            SELECT source, target, cost_s, reverse_cost_s, length_m, tag_id, ST_AsBinary(the_geom)
            FROM {schema}.ways WHERE source IS NOT NULL AND target IS NOT NULL ORDER BY gid
            """;
        await using (var cmd = new NpgsqlCommand(sql, connection))
        await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var s = index[r.GetInt64(0)];
                var t = index[r.GetInt64(1)];
                var cost = r.GetDouble(2);
                var reverse = r.GetDouble(3);
                var length = r.GetDouble(4);
                var cls = !r.IsDBNull(5) && classOfTag.TryGetValue(r.GetInt32(5), out var c) ? c : unknownClass;
                var floor = length * slowest[cls];
                cost = cost >= 0 ? Math.Max(cost, floor) : cost;
                reverse = reverse >= 0 ? Math.Max(reverse, floor) : reverse;
                var way = shapes.Count;
                shapes.Add(r.IsDBNull(6) ? [lon[s], lat[s], lon[t], lat[t]] : ParseLineString((byte[])r.GetValue(6)));
                if (cost >= 0)
                {
                    edges.Add(new(s, t, cost, length, cls, way, Backward: false));
                }
                if (reverse >= 0)
                {
                    edges.Add(new(t, s, reverse, length, cls, way, Backward: true));
                }
            }
        }
        return new Raw([.. ids], [.. lon], [.. lat], [.. scc], edges, shapes, classes);
    }

    /// <summary>Parses a 2-D WKB LineString into interleaved (x, y) values.</summary>
    internal static double[] ParseLineString(byte[] wkb)
    {
        var little = wkb[0] == 1;
        uint U32(int at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(wkb.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(wkb.AsSpan(at));
        double F64(int at) => little ? BinaryPrimitives.ReadDoubleLittleEndian(wkb.AsSpan(at)) : BinaryPrimitives.ReadDoubleBigEndian(wkb.AsSpan(at));
        if (U32(1) != 2)
        {
            throw new InvalidDataException($"Expected a 2-D WKB LineString, got geometry type {U32(1)}.");
        }
        var n = (int)U32(5);
        var xy = new double[2 * n];
        for (var i = 0; i < xy.Length; i++)
        {
            xy[i] = F64(9 + 8 * i);
        }
        return xy;
    }
}
