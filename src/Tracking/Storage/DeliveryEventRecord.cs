using Delivery.Tracking.Ingest;

namespace Delivery.Tracking.Storage;

/// <summary>Kind of a stored delivery event.</summary>
public enum DeliveryEventKind
{
    /// <summary>The courier reached the stop.</summary>
    Arrived,

    /// <summary>Handed over in full.</summary>
    Delivered,

    /// <summary>Handed over with refused items.</summary>
    PartlyDelivered,

    /// <summary>Attempt at the door failed.</summary>
    Failed,

    /// <summary>Free note; changes no state.</summary>
    Note,
}

/// <summary>Where an event came from.</summary>
public enum EventSource
{
    /// <summary>The courier's tablet.</summary>
    Tablet,

    /// <summary>Entered later from the paper manifest.</summary>
    Paper,

    /// <summary>Detected by the server from positions (arrivals only).</summary>
    Geofence,
}

/// <summary>
/// A stored delivery event. The stop's promised window, courier and depot are copied in when the event is
/// recorded, so window-hit metrics are computed from this table alone.
/// </summary>
/// <param name="EventKey">Idempotency key (device + client event id, or paper/geofence key); unique.</param>
/// <param name="CourierId">Courier of the route.</param>
/// <param name="DepotId">Depot of the route.</param>
/// <param name="RouteId">Route.</param>
/// <param name="PlanVersion">Plan version of the route.</param>
/// <param name="StopId">Stop.</param>
/// <param name="OrderId">Order served at the stop.</param>
/// <param name="Kind">What happened.</param>
/// <param name="OccurredAt">When it happened (UTC).</param>
/// <param name="Source">Tablet, paper or geofence.</param>
/// <param name="Reason">Failure reason.</param>
/// <param name="RefusedItems">Refused items of a partial delivery.</param>
/// <param name="RecalculatedTotal">Order total after refused items, for partial deliveries.</param>
/// <param name="Note">Free text.</param>
/// <param name="WindowStartUtc">Promised window start, if any.</param>
/// <param name="WindowEndUtc">Promised window end, if any.</param>
/// <param name="Corrects">Key of the event this one corrects (a paper outcome typed again with another result); the
/// corrected event stays stored, marked corrected, so both values are kept.</param>
/// <param name="EnteredBy">Who typed it in (paper outcomes), for the audit.</param>
public sealed record DeliveryEventRecord(
    string EventKey,
    string CourierId,
    string DepotId,
    string RouteId,
    int PlanVersion,
    string StopId,
    string OrderId,
    DeliveryEventKind Kind,
    DateTimeOffset OccurredAt,
    EventSource Source,
    string? Reason,
    IReadOnlyList<RefusedItem>? RefusedItems,
    decimal? RecalculatedTotal,
    string? Note,
    DateTimeOffset? WindowStartUtc,
    DateTimeOffset? WindowEndUtc,
    string? Corrects = null,
    string? EnteredBy = null)
{
    /// <summary>True for delivered, partly delivered and failed: the handover at the door.</summary>
    public bool IsHandover => Kind is DeliveryEventKind.Delivered or DeliveryEventKind.PartlyDelivered or DeliveryEventKind.Failed;
}

/// <summary>A stored GPS fix.</summary>
/// <param name="CourierId">Courier.</param>
/// <param name="DeviceId">Device that took it.</param>
/// <param name="Seq">Per-device sequence number.</param>
/// <param name="RecordedAt">When it was taken (UTC).</param>
/// <param name="ReceivedAt">When the server received it (UTC).</param>
/// <param name="Lat">Latitude, degrees.</param>
/// <param name="Lon">Longitude, degrees.</param>
/// <param name="AccuracyM">Accuracy radius, metres.</param>
/// <param name="SpeedMps">Speed, metres per second.</param>
/// <param name="HeadingDeg">Heading, degrees.</param>
public readonly record struct PositionRecord(
    string CourierId,
    string DeviceId,
    long Seq,
    DateTimeOffset RecordedAt,
    DateTimeOffset ReceivedAt,
    double Lat,
    double Lon,
    double? AccuracyM,
    double? SpeedMps,
    double? HeadingDeg);
