using Delivery.Tracking.Routes;

namespace Delivery.Tracking.Live;

/// <summary>A courier's latest position as pushed to dispatchers (and to the customer being driven to).</summary>
/// <param name="CourierId">Courier.</param>
/// <param name="RouteId">Route being driven, if any.</param>
/// <param name="RecordedAt">When the fix was taken (UTC).</param>
/// <param name="Lat">Latitude, degrees.</param>
/// <param name="Lon">Longitude, degrees.</param>
/// <param name="SpeedMps">Speed, m/s.</param>
/// <param name="HeadingDeg">Heading, degrees.</param>
public sealed record CourierPosition(string CourierId, string? RouteId, DateTimeOffset RecordedAt, double Lat, double Lon, double? SpeedMps, double? HeadingDeg);

/// <summary>A stop's new ETA.</summary>
/// <param name="RouteId">Route.</param>
/// <param name="StopId">Stop.</param>
/// <param name="Eta">Predicted arrival (UTC).</param>
/// <param name="WindowStartUtc">Promised window start.</param>
/// <param name="WindowEndUtc">Promised window end.</param>
public sealed record StopEtaUpdate(string RouteId, string StopId, DateTimeOffset Eta, DateTimeOffset? WindowStartUtc, DateTimeOffset? WindowEndUtc);

/// <summary>A stop's status changed.</summary>
/// <param name="RouteId">Route.</param>
/// <param name="StopId">Stop.</param>
/// <param name="Status">New status.</param>
/// <param name="At">When (UTC).</param>
public sealed record StopStatusUpdate(string RouteId, string StopId, StopStatus Status, DateTimeOffset At);

/// <summary>Window-at-risk alert or its all-clear.</summary>
/// <param name="RouteId">Route.</param>
/// <param name="StopId">Stop.</param>
/// <param name="Eta">The ETA that triggered it.</param>
/// <param name="WindowEndUtc">Window end.</param>
/// <param name="AtRisk">True: at risk; false: recovered.</param>
public sealed record WindowAlert(string RouteId, string StopId, DateTimeOffset Eta, DateTimeOffset? WindowEndUtc, bool AtRisk);

/// <summary>A courier's tablet has been silent on a started route.</summary>
/// <param name="CourierId">Courier.</param>
/// <param name="RouteId">Route.</param>
/// <param name="DepotId">Depot.</param>
/// <param name="LastSeenAt">Last position received (UTC).</param>
/// <param name="ManifestUrl">Link to the route's paper manifest.</param>
public sealed record SilentTabletAlert(string CourierId, string RouteId, string DepotId, DateTimeOffset LastSeenAt, string ManifestUrl);

/// <summary>What a customer sees for their tracking token: their own stop only.</summary>
/// <param name="Status">Stop status.</param>
/// <param name="Eta">Current ETA, while the stop is open.</param>
/// <param name="WindowStartUtc">Promised window start.</param>
/// <param name="WindowEndUtc">Promised window end.</param>
/// <param name="AtRisk">True while a window-at-risk alert stands.</param>
/// <param name="Courier">The courier's position, only while the courier is heading to this stop.</param>
/// <param name="StopsBefore">Open stops the courier serves before this one, once the route has started (null before).</param>
public sealed record CustomerView(StopStatus Status, DateTimeOffset? Eta, DateTimeOffset? WindowStartUtc, DateTimeOffset? WindowEndUtc, bool AtRisk, CourierPosition? Courier,
    int? StopsBefore = null);

/// <summary>Every courier of a depot with its latest position, for a dispatcher joining.</summary>
/// <param name="DepotId">Depot.</param>
/// <param name="Couriers">Latest positions.</param>
public sealed record DepotSnapshot(string DepotId, IReadOnlyList<CourierPosition> Couriers);
