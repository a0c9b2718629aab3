using System.ComponentModel.DataAnnotations;

namespace Delivery.Tracking;

/// <summary>Settings of live tracking, bound from the <c>Tracking</c> configuration section.</summary>
public sealed class TrackingOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Tracking";

    /// <summary>A stop is at risk when its ETA is later than window end minus this many minutes.</summary>
    [Range(0, 600)]
    public int AtRiskMarginMinutes { get; set; } = 10;

    /// <summary>Fixes and events stamped more than this many minutes in the future are refused.</summary>
    [Range(0, 60)]
    public int FutureToleranceMinutes { get; set; } = 2;

    /// <summary>Fixes and events older than this many hours are refused (a backlog is accepted up to this age).</summary>
    [Range(1, 24 * 14)]
    public int MaxBacklogHours { get; set; } = 48;

    /// <summary>Geofence radius around a stop for arrival detection, metres.</summary>
    [Range(5, 1000)]
    public double ArrivalRadiusMeters { get; set; } = 40;

    /// <summary>Minimum dwell inside the radius for an arrival, seconds.</summary>
    [Range(0, 3600)]
    public int ArrivalDwellSeconds { get; set; } = 45;

    /// <summary>Minimum fixes inside the radius for an arrival.</summary>
    [Range(1, 100)]
    public int ArrivalMinFixes { get; set; } = 3;

    /// <summary>Fixes with a worse accuracy radius (metres) are ignored by arrival detection.</summary>
    [Range(1, 10_000)]
    public double MaxFixAccuracyMeters { get; set; } = 100;

    /// <summary>ETAs of a courier are recomputed from positions at most this often, seconds (events force it).</summary>
    [Range(0, 3600)]
    public int EtaRecomputeSeconds { get; set; } = 15;

    /// <summary>An ETA is pushed when it moved by at least this many seconds since the last push.</summary>
    [Range(0, 3600)]
    public int EtaPushThresholdSeconds { get; set; } = 60;

    /// <summary>No position for this many minutes on a started route raises a silent-tablet alert.</summary>
    [Range(1, 600)]
    public int SilentTabletMinutes { get; set; } = 10;

    /// <summary>How often the silent-tablet check runs, seconds.</summary>
    [Range(1, 3600)]
    public int SilentCheckSeconds { get; set; } = 30;

    /// <summary>Prefix of every Redis key and backplane channel (isolates environments and tests).</summary>
    [Required]
    public string RedisKeyPrefix { get; set; } = "delivery:";

    /// <summary>Use the SignalR Redis backplane (needed as soon as more than one node runs).</summary>
    public bool UseRedisBackplane { get; set; } = true;

    /// <summary>Authorization policy of dispatchers joining a depot group.</summary>
    [Required]
    public string DispatcherPolicy { get; set; } = "Dispatcher";

    /// <summary>Published routes are cached for this many seconds per courier.</summary>
    [Range(0, 3600)]
    public int RouteCacheSeconds { get; set; } = 30;

    /// <summary>Largest number of positions plus events accepted in one batch; a larger one is answered "split", not disconnected.</summary>
    [Range(1, 100_000)]
    public int MaxBatchItems { get; set; } = 5_000;

    /// <summary>Largest number of events in one batch (events carry notes and item lists, so they are bounded apart).</summary>
    [Range(1, 10_000)]
    public int MaxBatchEvents { get; set; } = 100;

    /// <summary>Bytes a position may take on the wire, counted generously (JSON with every field).</summary>
    public const int PositionWireBytes = 256;

    /// <summary>Bytes an event may take on the wire at its field limits (<see cref="Ingest.EventLimits"/>), counted generously.</summary>
    public const int EventWireBytes = 16 * 1024;

    /// <summary>
    /// The courier hub's largest message, derived from the batch limits so they agree: a batch at the limits always
    /// arrives (and a backlog up to several times the item limit is still read and answered "split"), never cut off.
    /// </summary>
    public long MaxMessageBytes => (long)MaxBatchItems * PositionWireBytes * 2 + (long)MaxBatchEvents * EventWireBytes;

    /// <summary>Link to a route's paper manifest; <c>{routeId}</c> is replaced.</summary>
    [Required]
    public string ManifestUrlTemplate { get; set; } = "/api/v1/routes/{routeId}/manifest.pdf";

    /// <summary>Path of the courier hub.</summary>
    [Required]
    public string CourierHubPath { get; set; } = "/hubs/courier";

    /// <summary>Path of the live hub (dispatchers and customers).</summary>
    [Required]
    public string LiveHubPath { get; set; } = "/hubs/live";
}
