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
            // Builds the contraction hierarchy for the default departure now rather than on the first plan.
            await Task.Run(() => loaded.Prepare(matrix.Value.DefaultDeparture), stoppingToken);
            state.Loaded(new RoadTravelTimeSource(loaded, matrix.Value));
            LogLoaded(schema, loaded.VertexCount, loaded.DirectedEdgeCount);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException or PostgresException)
        {
            state.NotLoaded(RoadNetworkStatus.Failed, $"Loading the road network from schema '{schema}' failed: {ex.Message}");
            LogFailed(ex, schema);
        }
    }

    private async Task<bool> HasNetworkAsync(string schema, CancellationToken ct)
    {
        await using var command = db.CreateCommand("SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = schema + ".ways" });
        command.Parameters.Add(new NpgsqlParameter { Value = schema + ".ways_vertices_pgr" });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Road network loaded from schema {Schema}: {Vertices} vertices, {Edges} directed edges; plans use road times")]
    private partial void LogLoaded(string schema, int vertices, int edges);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No road network in schema {Schema}; plans use straight-line times")]
    private partial void LogMissing(string schema);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the road network from schema {Schema} failed; plans use straight-line times")]
    private partial void LogFailed(Exception exception, string schema);
}
