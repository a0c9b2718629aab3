using System.Text.Json.Serialization;
using Delivery.Planner.Travel.Road;

namespace Delivery.CourierApi.Features.RoadNetwork;

/// <summary>Where the host's road network stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RoadNetworkStatus>))]
public enum RoadNetworkStatus
{
    /// <summary>Being read from the database (the host plans on straight lines meanwhile).</summary>
    Loading,

    /// <summary>Loaded: matrices and geometry come from the roads.</summary>
    Loaded,

    /// <summary>The configured schema holds no network; run <c>import-osm</c>.</summary>
    Missing,

    /// <summary>Loading failed; the error says why.</summary>
    Failed,
}

/// <summary>What <c>GET /api/v1/road-network</c> answers.</summary>
/// <param name="Schema">The configured schema.</param>
/// <param name="Status">Loading, loaded, missing or failed.</param>
/// <param name="TravelSource"><c>road</c> when plans use road times, else <c>straight-line</c>.</param>
/// <param name="Vertices">Vertices of the loaded network.</param>
/// <param name="DirectedEdges">Directed edges of the loaded network.</param>
/// <param name="Error">Why loading failed or what to do when missing.</param>
/// <param name="StreetTiles">Whether the map has street tiles (<c>/tiles/roads/…</c>); they need only the imported tables, not the loaded graph.</param>
/// <param name="StreetTilesReason">Why the map shows no streets; null when it does.</param>
public sealed record RoadNetworkInfo(string Schema, RoadNetworkStatus Status, string TravelSource, int? Vertices, int? DirectedEdges, string? Error,
    bool StreetTiles = false, string? StreetTilesReason = null);

/// <summary>
/// The road network the host plans on, once loaded in the background; null until then (or when there is none).
/// Thread-safe: the source is published once with a volatile write.
/// </summary>
internal sealed class RoadNetworkState(string schema)
{
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile RoadTravelTimeSource? _road;
    private volatile Snapshot _snapshot = new(RoadNetworkStatus.Loading, null);
    private volatile bool _loading;

    public RoadTravelTimeSource? Road => _road;

    /// <summary>True while a load has begun and not yet ended (loaded, missing or failed).</summary>
    public bool IsLoading => _loading && !_settled.Task.IsCompleted;

    /// <summary>Completes when a started load has ended, whatever its outcome.</summary>
    public Task Settled => _settled.Task;

    public void LoadingStarted() => _loading = true;

    public void Loaded(RoadTravelTimeSource road)
    {
        _road = road;
        _snapshot = new Snapshot(RoadNetworkStatus.Loaded, null);
        _settled.TrySetResult();
    }

    public void NotLoaded(RoadNetworkStatus status, string error)
    {
        _snapshot = new Snapshot(status, error);
        _settled.TrySetResult();
    }

    public RoadNetworkInfo Info()
    {
        var (status, error) = _snapshot;
        var road = _road;
        return new RoadNetworkInfo(schema, status, road is null ? "straight-line" : "road",
            road?.Network.VertexCount, road?.Network.DirectedEdgeCount, error);
    }

    private sealed record Snapshot(RoadNetworkStatus Status, string? Error);
}
