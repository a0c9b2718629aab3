using System.Text.RegularExpressions;
using Npgsql;

namespace Delivery.Planner.Travel.Road;

/// <summary>
/// SQL on a network schema in osm2pgrouting's layout (<c>ways</c>, <c>ways_vertices_pgr</c>, <c>configuration</c>):
/// marking the largest strongly connected component, indexes, statistics and the atomic swap.
/// </summary>
internal static partial class NetworkSchema
{
    public const string NamePattern = "^[a-z_][a-z0-9_]{0,49}$";

    /// <summary>Longest live schema name: the staging name adds 13 characters and PostgreSQL allows 63.</summary>
    public const int MaxLength = 50;

    [GeneratedRegex(NamePattern)]
    private static partial Regex NameRegex();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,49}_stg_[0-9a-f]{8}$")]
    private static partial Regex StagingRegex();

    /// <summary>A fresh staging schema name for <paramref name="live"/>.</summary>
    public static string StagingName(string live) => $"{CheckName(live)}_stg_{Guid.NewGuid():N}"[..(live.Length + 13)];

    /// <summary>Returns the name unchanged when it is a safe unquoted identifier; throws otherwise.</summary>
    public static string CheckName(string schema, string paramName = "schema")
    {
        if (schema is null || (!NameRegex().IsMatch(schema) && !StagingRegex().IsMatch(schema)))
        {
            throw new ArgumentException(
                $"Schema name '{schema}' is invalid: use 1-{MaxLength} lower-case letters, digits or underscores, starting with a letter or underscore.",
                paramName);
        }
        return schema;
    }

    /// <summary>
    /// Adds <c>in_scc</c> to the vertices and sets it for the largest strongly connected component of the directed
    /// graph on <c>cost_s</c>/<c>reverse_cost_s</c> (negative = no passage that way). Returns the component's size.
    /// </summary>
    public static async Task<long> MarkLargestComponentAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        CheckName(schema);
        var sql = $"""
            ALTER TABLE {schema}.ways_vertices_pgr ADD COLUMN IF NOT EXISTS in_scc boolean NOT NULL DEFAULT false;
            UPDATE {schema}.ways_vertices_pgr SET in_scc = false WHERE in_scc;
            WITH c AS (
                SELECT component, node FROM pgr_strongComponents(
                    'SELECT gid AS id, source, target, cost_s AS cost, reverse_cost_s AS reverse_cost FROM {schema}.ways'
                    || ' WHERE source IS NOT NULL AND target IS NOT NULL')
            ), biggest AS (
                SELECT component FROM c GROUP BY component ORDER BY count(*) DESC, component LIMIT 1
            )
            UPDATE {schema}.ways_vertices_pgr v SET in_scc = true
            FROM c JOIN biggest USING (component) WHERE v.id = c.node;
            SELECT count(*) FROM {schema}.ways_vertices_pgr WHERE in_scc;
            """;
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>Indexes the loader and the snapping queries use, then refreshes planner statistics.</summary>
    public static async Task IndexAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        CheckName(schema);
        var sql = $"""
            CREATE INDEX IF NOT EXISTS ways_source_idx ON {schema}.ways (source);
            CREATE INDEX IF NOT EXISTS ways_target_idx ON {schema}.ways (target);
            CREATE INDEX IF NOT EXISTS ways_vertices_scc_geom_idx ON {schema}.ways_vertices_pgr USING gist (the_geom) WHERE in_scc;
            ANALYZE {schema}.ways;
            ANALYZE {schema}.ways_vertices_pgr;
            """;
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Edges, vertices and one-way edges of a network schema.</summary>
    public static async Task<(long Edges, long Vertices, long OneWay)> CountAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        CheckName(schema);
        var sql = $"""
            SELECT (SELECT count(*) FROM {schema}.ways),
                   (SELECT count(*) FROM {schema}.ways_vertices_pgr),
                   (SELECT count(*) FROM {schema}.ways WHERE (cost_s < 0) <> (reverse_cost_s < 0))
            """;
        await using var cmd = new NpgsqlCommand(sql, connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>True when the schema has the network tables.</summary>
    public static async Task<bool> HasNetworkAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL AND to_regclass(@v) IS NOT NULL", connection);
        cmd.Parameters.AddWithValue("t", CheckName(schema) + ".ways");
        cmd.Parameters.AddWithValue("v", schema + ".ways_vertices_pgr");
        return (bool)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Replaces <paramref name="live"/> with <paramref name="staging"/> in one transaction: readers see either the old
    /// network or the new one, and a failure leaves the old one.
    /// </summary>
    public static async Task SwapAsync(NpgsqlConnection connection, string staging, string live, CancellationToken ct)
    {
        CheckName(staging);
        CheckName(live);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {live} CASCADE; ALTER SCHEMA {staging} RENAME TO {live};", connection, tx))
        {
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Drops a schema and everything in it, if it exists.</summary>
    public static async Task DropAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {CheckName(schema)} CASCADE", connection);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
