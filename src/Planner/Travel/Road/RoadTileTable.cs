using Npgsql;

namespace Delivery.Planner.Travel.Road;

/// <summary>
/// The map's copy of a network schema's ways: <c>tile_roads</c> (road class from <c>configuration.tag_value</c>, name,
/// geometry in Web Mercator, EPSG:3857, the lowest zoom the class is drawn at) with a GiST index, and
/// <c>network_version</c> (one row: a random version made at import, so tile caches and ETags change with the network).
/// The import makes both; <see cref="EnsureAsync"/> adds them to a network imported before they existed.
/// </summary>
public static class RoadTileTable
{
    /// <summary>The table vector tiles are cut from.</summary>
    public const string Table = "tile_roads";

    /// <summary>The one-row table naming the import.</summary>
    public const string VersionTable = "network_version";

    /// <summary>
    /// Lowest zoom at which a road class is drawn: the main roads from the city view down, the streets from the
    /// neighbourhood view, paths and service roads only at street level.
    /// </summary>
    internal const string MinZoomCase = """
        CASE
            WHEN class IN ('motorway', 'motorway_link', 'trunk', 'trunk_link') THEN 0
            WHEN class IN ('primary', 'primary_link') THEN 8
            WHEN class IN ('secondary', 'secondary_link') THEN 10
            WHEN class IN ('tertiary', 'tertiary_link') THEN 11
            WHEN class IN ('residential', 'unclassified', 'living_street', 'road') THEN 13
            ELSE 14
        END
        """;

    /// <summary>Creates the tile table, its index and the version row in <paramref name="schema"/> if they are missing.</summary>
    /// <remarks>Serialised by an advisory lock, so hosts starting together do not race on the DDL.</remarks>
    public static async Task EnsureAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        NetworkSchema.CheckName(schema);
        var sql = $"""
            SELECT pg_advisory_xact_lock(hashtext('delivery-tiles:' || '{schema}'));
            CREATE TABLE IF NOT EXISTS {schema}.{Table} AS
                SELECT gid, class, name, geom, ({MinZoomCase})::smallint AS min_zoom
                FROM (SELECT w.gid, coalesce(c.tag_value, 'unknown') AS class, nullif(btrim(w.name), '') AS name,
                             ST_Transform(w.the_geom, 3857) AS geom
                      FROM {schema}.ways w LEFT JOIN {schema}.configuration c ON c.tag_id = w.tag_id
                      WHERE w.the_geom IS NOT NULL) r;
            CREATE INDEX IF NOT EXISTS {Table}_geom_idx ON {schema}.{Table} USING gist (geom);
            CREATE TABLE IF NOT EXISTS {schema}.{VersionTable} (version uuid NOT NULL, imported_at timestamptz NOT NULL);
            INSERT INTO {schema}.{VersionTable} SELECT gen_random_uuid(), now() WHERE NOT EXISTS (SELECT 1 FROM {schema}.{VersionTable});
            ANALYZE {schema}.{Table};
            """;
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var cmd = new NpgsqlCommand(sql, connection, tx))
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
