using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Delivery.Planner.Travel.Road;

/// <summary>
/// Imports an OpenStreetMap extract (<c>.osm.pbf</c>) as the road network: <c>osmium</c> converts it to XML,
/// <c>osm2pgrouting</c> loads it with the car profile into a staging schema, the largest strongly connected component
/// is marked for snapping, indexes are built, and the staging schema replaces the live one in one transaction.
/// A failed import throws <see cref="RoadNetworkImportException"/> and leaves the previous network in place.
/// </summary>
/// <threadsafety>Safe to share; imports into the same schema run one after the other at the swap.</threadsafety>
public sealed class OsmImporter
{
    private static readonly string[] MapConfigCandidates =
    [
        "/usr/share/osm2pgrouting/mapconfig_for_cars.xml",
        "/usr/local/share/osm2pgrouting/mapconfig_for_cars.xml",
    ];

    private readonly string _connectionString;
    private readonly OsmImportOptions _options;

    /// <summary>Creates an importer for the database at <paramref name="connectionString"/> (Npgsql format).</summary>
    public OsmImporter(string connectionString, OsmImportOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        NetworkSchema.CheckName(options.Schema, nameof(options));
        _connectionString = connectionString;
        _options = options;
    }

    /// <summary>Imports <paramref name="pbfPath"/> and makes it the live network.</summary>
    /// <exception cref="RoadNetworkImportException">The file, a tool or the database failed; the message says which.</exception>
    public async Task<ImportReport> ImportAsync(string pbfPath, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        CheckExtract(pbfPath);
        var mapConfig = FindMapConfig();
        var db = new NpgsqlConnectionStringBuilder(_connectionString);
        await using var connection = await OpenAsync(db, cancellationToken).ConfigureAwait(false);

        var staging = NetworkSchema.StagingName(_options.Schema);
        var work = Path.Combine(_options.WorkDirectory ?? Path.GetTempPath(), "delivery-osm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var xml = Path.Combine(work, "extract.osm");
            await ConvertAsync(pbfPath, xml, cancellationToken).ConfigureAwait(false);
            await using (var cmd = new NpgsqlCommand($"CREATE SCHEMA {staging}", connection))
            {
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await LoadAsync(xml, mapConfig, db, staging, cancellationToken).ConfigureAwait(false);
            if (!await NetworkSchema.HasNetworkAsync(connection, staging, cancellationToken).ConfigureAwait(false))
            {
                throw new RoadNetworkImportException($"osm2pgrouting created no road tables from '{pbfPath}': the extract holds no data it can read.");
            }
            var (edges, vertices, oneWay) = await NetworkSchema.CountAsync(connection, staging, cancellationToken).ConfigureAwait(false);
            if (edges == 0)
            {
                throw new RoadNetworkImportException($"The extract '{pbfPath}' contains no roads the car profile can drive (0 ways loaded).");
            }
            var scc = await NetworkSchema.MarkLargestComponentAsync(connection, staging, cancellationToken).ConfigureAwait(false);
            await NetworkSchema.IndexAsync(connection, staging, cancellationToken).ConfigureAwait(false);
            await RoadTileTable.EnsureAsync(connection, staging, cancellationToken).ConfigureAwait(false);
            await NetworkSchema.SwapAsync(connection, staging, _options.Schema, cancellationToken).ConfigureAwait(false);
            return new ImportReport(_options.Schema, edges, vertices, oneWay, scc, clock.Elapsed);
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw new RoadNetworkImportException($"Database error while importing '{pbfPath}' into schema '{_options.Schema}': {ex.Message}", ex);
        }
        finally
        {
            await DropQuietlyAsync(db, staging).ConfigureAwait(false);
            Directory.Delete(work, recursive: true);
        }
    }

    private static void CheckExtract(string pbfPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pbfPath);
        var file = new FileInfo(pbfPath);
        if (!file.Exists)
        {
            throw new RoadNetworkImportException($"The extract '{pbfPath}' does not exist.");
        }
        if (file.Length == 0)
        {
            throw new RoadNetworkImportException($"The extract '{pbfPath}' is empty (0 bytes).");
        }
    }

    private string FindMapConfig()
    {
        if (_options.MapConfigPath is { } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new RoadNetworkImportException($"osm2pgrouting map configuration '{configured}' does not exist.");
        }
        return MapConfigCandidates.FirstOrDefault(File.Exists)
            ?? throw new RoadNetworkImportException(
                "osm2pgrouting's car profile (mapconfig_for_cars.xml) was not found in " + string.Join(" or ", MapConfigCandidates)
                + "; install osm2pgrouting or set MapConfigPath.");
    }

    private static async Task<NpgsqlConnection> OpenAsync(NpgsqlConnectionStringBuilder db, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(db.ConnectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new RoadNetworkImportException(
                $"The database at {db.Host}:{db.Port}/{db.Database} is unreachable: {ex.Message}. The previous network is unchanged.", ex);
        }
    }

    private async Task ConvertAsync(string pbfPath, string xmlPath, CancellationToken ct)
    {
        var outcome = await ExternalTool.RunAsync(_options.OsmiumPath, ["cat", pbfPath, "-o", xmlPath, "-f", "osm", "--overwrite"], null, ct)
            .ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            throw new RoadNetworkImportException(
                $"'{pbfPath}' is not a readable OpenStreetMap extract (osmium exit code {outcome.ExitCode}): {outcome.Tail()}");
        }
    }

    private async Task LoadAsync(string xmlPath, string mapConfig, NpgsqlConnectionStringBuilder db, string staging, CancellationToken ct)
    {
        var args = new List<string>
        {
            "-f", xmlPath, "-c", mapConfig, "--schema", staging, "--clean",
            "-d", db.Database ?? "postgres", "-U", db.Username ?? Environment.UserName,
            "-h", db.Host ?? "localhost", "-p", db.Port.ToString(CultureInfo.InvariantCulture),
        };
        // The password goes through the environment (libpq reads PGPASSWORD), not the command line other users can see.
        var env = db.Password is { Length: > 0 } pw ? new Dictionary<string, string> { ["PGPASSWORD"] = pw } : null;
        var outcome = await ExternalTool.RunAsync(_options.Osm2pgroutingPath, args, env, ct).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            throw new RoadNetworkImportException($"osm2pgrouting failed (exit code {outcome.ExitCode}): {outcome.Tail()}");
        }
    }

    private static async Task DropQuietlyAsync(NpgsqlConnectionStringBuilder db, string staging)
    {
        // Clean-up must not hide the original error; a leftover "_stg_" schema is harmless and named for what it is.
        try
        {
            await using var connection = new NpgsqlConnection(db.ConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await NetworkSchema.DropAsync(connection, staging, CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
        }
    }
}
