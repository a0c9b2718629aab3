using Delivery.Planner.Travel.Road;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Delivery.CourierApi.Features.RoadNetwork;

/// <summary>
/// Loads the road network of the configured schema after the host has started, so the host answers at once and plans
/// on straight lines until the roads are ready. A missing network or a failure is logged and reported, never fatal.
/// </summary>
internal sealed partial class RoadNetworkLoading(
    NpgsqlDataSource db, RoadNetworkState state, IOptions<RoadNetworkOptions> network, IOptions<RoadTravelTimeOptions> matrix,
    ILogger<RoadNetworkLoading> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var schema = network.Value.Schema;
        try
        {
            if (!await HasNetworkAsync(schema, stoppingToken))
            {
                var reason = $"Schema '{schema}' holds no road network; import one with `dotnet run --project src/CourierApi -- import-osm FILE --schema {schema}`.";
                state.NotLoaded(RoadNetworkStatus.Missing, reason);
                LogMissing(schema);
                return;
            }
            var loaded = await Delivery.Planner.Travel.Road.RoadNetwork.LoadAsync(db, network.Value, stoppingToken);
            // The contraction hierarchy for the default departure is read from the schema (built and stored there on
            // the first start after an import), rather than on the first plan or at every start.
            var stored = await loaded.PrepareAsync(db, matrix.Value.DefaultDeparture, stoppingToken);
            state.Loaded(new RoadTravelTimeSource(loaded, matrix.Value));
            LogLoaded(schema, loaded.VertexCount, loaded.DirectedEdgeCount, stored ? "read from the database" : "built and stored");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            state.NotLoaded(RoadNetworkStatus.Failed, "The host stopped while loading the road network.");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException or PostgresException or InvalidDataException)
        {
            state.NotLoaded(RoadNetworkStatus.Failed, $"Loading the road network from schema '{schema}' failed: {ex.Message}");
            LogFailed(ex, schema);
        }
    }

    private async Task<bool> HasNetworkAsync(string schema, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await HasNetworkAsync(connection, schema, ct);
    }

    /// <summary>True when <paramref name="schema"/> holds osm2pgrouting's tables.</summary>
    internal static async Task<bool> HasNetworkAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema + ".ways" });
        command.Parameters.Add(new NpgsqlParameter { Value = schema + ".ways_vertices_pgr" });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Road network loaded from schema {Schema}: {Vertices} vertices, {Edges} directed edges, road hierarchy {Hierarchy}; plans use road times")]
    private partial void LogLoaded(string schema, int vertices, int edges, string hierarchy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No road network in schema {Schema}; plans use straight-line times")]
    private partial void LogMissing(string schema);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the road network from schema {Schema} failed; plans use straight-line times")]
    private partial void LogFailed(Exception exception, string schema);
}
