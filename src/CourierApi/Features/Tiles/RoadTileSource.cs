using System.Globalization;
using Delivery.Planner.Travel.Road;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace Delivery.CourierApi.Features.Tiles;

/// <summary>What the map can show: the imported network's version and extent, or why there are no streets.</summary>
/// <param name="Version">The import's version (tiles and ETags change with it); null without a network.</param>
/// <param name="Bounds">West, south, east, north (degrees) of the network; null without one.</param>
/// <param name="Reason">Why there are no street tiles; null when there are.</param>
internal sealed record TileNetwork(string? Version, double[]? Bounds, string? Reason)
{
    public bool Available => Version is not null;
}

/// <summary>
/// Cuts Mapbox vector tiles (layer <c>roads</c>: <c>class</c>, <c>name</c>) from the network's 3857 copy with
/// <c>ST_AsMVT</c>, caching them in memory and in Redis under the import's version.
/// </summary>
/// <threadsafety>A singleton; safe for concurrent requests.</threadsafety>
internal sealed class RoadTileSource(
    NpgsqlDataSource db, IConnectionMultiplexer redis, IOptions<RoadNetworkOptions> network, IConfiguration configuration,
    TimeProvider time) : IDisposable
{
    /// <summary>Changes when the tile layout (layer, properties, zoom rules) changes, so cached tiles of an old layout are not served.</summary>
    public const string Layout = "r1";

    private const int Extent = 4096;
    private const int Buffer = 64;
    private const double WorldMeters = 40075016.685578488;
    private static readonly TimeSpan NetworkRecheck = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RedisTtl = TimeSpan.FromDays(7);

    private readonly MemoryCache _tiles = new(new MemoryCacheOptions { SizeLimit = 64 * 1024 * 1024 });
    private readonly SemaphoreSlim _networkLock = new(1, 1);
    private readonly string _redisPrefix = (configuration["SignalR:ChannelPrefix"] ?? "delivery") + ":tiles:";
    private volatile Checked? _network;

    private string Schema => network.Value.Schema;

    /// <summary>The network as the map sees it, re-read at most once a minute (a re-import changes the version).</summary>
    public async Task<TileNetwork> NetworkAsync(CancellationToken ct)
    {
        if (_network is { } known && time.GetUtcNow() - known.At < NetworkRecheck)
        {
            return known.Network;
        }
        await _networkLock.WaitAsync(ct);
        try
        {
            if (_network is { } again && time.GetUtcNow() - again.At < NetworkRecheck)
            {
                return again.Network;
            }
            var current = await ReadNetworkAsync(ct);
            _network = new Checked(current, time.GetUtcNow());
            return current;
        }
        finally
        {
            _networkLock.Release();
        }
    }

    /// <summary>The tile's bytes (possibly empty) for the network version <paramref name="version"/>.</summary>
    public async Task<byte[]> TileAsync(string version, int z, int x, int y, CancellationToken ct)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{Layout}:{version}:{z}/{x}/{y}");
        if (_tiles.TryGetValue(key, out byte[]? hit) && hit is not null)
        {
            return hit;
        }
        var redisDb = redis.GetDatabase();
        byte[]? tile = null;
        if (redis.IsConnected)
        {
            tile = (byte[]?)await redisDb.StringGetAsync(_redisPrefix + key);
        }
        if (tile is null)
        {
            tile = await CutAsync(z, x, y, ct);
            if (redis.IsConnected)
            {
                await redisDb.StringSetAsync(_redisPrefix + key, tile, RedisTtl, flags: CommandFlags.FireAndForget);
            }
        }
        _tiles.Set(key, tile, new MemoryCacheEntryOptions { Size = Math.Max(tile.Length, 64) });
        return tile;
    }

    private async Task<byte[]> CutAsync(int z, int x, int y, CancellationToken ct)
    {
        // One tile unit in metres at this zoom: lines are simplified to one unit in 3857 (ST_AsMVTGeom snaps to that grid anyway) before ST_AsMVTGeom
        // transforms them to tile space, and not at all from street level, where every vertex shows.
        var unit = WorldMeters / Math.Pow(2, z) / Extent;
        var tolerance = z >= 16 ? 0 : unit;
        var sql = $"""
            WITH b AS (SELECT ST_TileEnvelope($1, $2, $3) AS env, ST_TileEnvelope($1, $2, $3, margin => {Buffer}.0 / {Extent}) AS area)
            SELECT coalesce(ST_AsMVT(t, 'roads', {Extent}, 'geom'), ''::bytea) FROM (
                SELECT r.class, r.name,
                       ST_AsMVTGeom(CASE WHEN $4 > 0 THEN ST_Simplify(r.geom, $4, true) ELSE r.geom END, b.env, {Extent}, {Buffer}, true) AS geom
                FROM {Schema}.{RoadTileTable.Table} r, b
                WHERE r.geom && b.area AND r.min_zoom <= $1
            ) t WHERE t.geom IS NOT NULL
            """;
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = z });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = x });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = y });
        cmd.Parameters.Add(new NpgsqlParameter<double> { TypedValue = tolerance });
        return (byte[])(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task<TileNetwork> ReadNetworkAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL, to_regclass($2) IS NOT NULL", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = Schema + ".ways" });
            exists.Parameters.Add(new NpgsqlParameter { Value = Schema + "." + RoadTileTable.VersionTable });
            await using var r = await exists.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            if (!r.GetBoolean(0))
            {
                return new TileNetwork(null, null,
                    $"No road network is imported (schema '{Schema}' has no ways): the map shows a plain background. "
                    + $"Import one with `scripts/import-osm.sh FILE.osm.pbf --schema {Schema}` (./run.sh imports demo/porto.osm.pbf).");
            }
            if (!r.GetBoolean(1))
            {
                await r.DisposeAsync();
                // A network imported before the map existed: add its tile copy once.
                await RoadTileTable.EnsureAsync(connection, Schema, ct);
            }
        }
        await using var cmd = new NpgsqlCommand($"""
            SELECT v.version::text, ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
            FROM (SELECT version FROM {Schema}.{RoadTileTable.VersionTable} LIMIT 1) v,
                 (SELECT ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, 3857), 4326) AS e FROM {Schema}.{RoadTileTable.Table}) x
            """, connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.IsDBNull(1))
        {
            return new TileNetwork(null, null, $"The road network in schema '{Schema}' has no roads to draw.");
        }
        return new TileNetwork(reader.GetString(0),
            [reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4)], null);
    }

    /// <summary>The network as read at <paramref name="At"/>; replaced whole, so readers never see half of it.</summary>
    private sealed record Checked(TileNetwork Network, DateTimeOffset At);

    public void Dispose()
    {
        _tiles.Dispose();
        _networkLock.Dispose();
    }
}
