namespace Delivery.Tracking.Ingest;

/// <summary>What a courier tablet sends in one hub call: positions and events, possibly an offline backlog.</summary>
/// <param name="DeviceId">The device; ignored when the device token carries a <c>device_id</c> claim.</param>
/// <param name="Positions">GPS fixes (any order; duplicates are stored once).</param>
/// <param name="Events">Stop events (idempotent by device and <see cref="CourierEventReport.ClientEventId"/>).</param>
public sealed record CourierBatch(
    string? DeviceId,
    IReadOnlyList<PositionReport>? Positions,
    IReadOnlyList<CourierEventReport>? Events);

/// <summary>One GPS fix.</summary>
/// <param name="Seq">Per-device sequence number (≥ 0), increasing as fixes are taken.</param>
/// <param name="RecordedAt">When the fix was taken (device clock, UTC).</param>
/// <param name="Lat">Latitude in degrees, −90…90.</param>
/// <param name="Lon">Longitude in degrees, −180…180.</param>
/// <param name="AccuracyM">Horizontal accuracy radius in metres, if known.</param>
/// <param name="SpeedMps">Speed in metres per second, if known.</param>
/// <param name="HeadingDeg">Heading in degrees clockwise from north, 0…360, if known.</param>
public sealed record PositionReport(
    long Seq,
    DateTimeOffset RecordedAt,
    double Lat,
    double Lon,
    double? AccuracyM = null,
    double? SpeedMps = null,
    double? HeadingDeg = null);

/// <summary>A stop event from the tablet.</summary>
/// <param name="ClientEventId">Unique per device; makes the event idempotent.</param>
/// <param name="StopId">The stop on the courier's route.</param>
/// <param name="Kind">One of <c>arrived</c>, <c>delivered</c>, <c>partly_delivered</c>, <c>failed</c>, <c>note</c>.</param>
/// <param name="OccurredAt">When it happened (UTC).</param>
/// <param name="Reason">Required for <c>failed</c>.</param>
/// <param name="RefusedItems">Required (non-empty) for <c>partly_delivered</c>.</param>
/// <param name="Note">Free text.</param>
public sealed record CourierEventReport(
    string ClientEventId,
    string StopId,
    string Kind,
    DateTimeOffset OccurredAt,
    string? Reason = null,
    IReadOnlyList<RefusedItem>? RefusedItems = null,
    string? Note = null);

/// <summary>An item the customer refused.</summary>
/// <param name="Sku">Article code of an order line.</param>
/// <param name="Quantity">Refused quantity, 1…ordered quantity.</param>
public sealed record RefusedItem(string Sku, int Quantity);

/// <summary>
/// The server's answer to a batch. Everything not listed in <see cref="Rejections"/> is durable in PostgreSQL.
/// </summary>
/// <param name="HighestDurableSeq">Highest position sequence number of this batch now stored, or null when none.</param>
/// <param name="PositionsAccepted">Positions stored (or already stored before: a resent batch is acknowledged again).</param>
/// <param name="EventsAccepted">Client event ids stored (or already stored).</param>
/// <param name="Rejections">Items refused, each with the field and the reason.</param>
public sealed record BatchAck(
    long? HighestDurableSeq,
    int PositionsAccepted,
    IReadOnlyList<string> EventsAccepted,
    IReadOnlyList<ItemRejection> Rejections);

/// <summary>Why one item of a batch was refused.</summary>
/// <param name="Item">Which item: <c>position:SEQ</c> or <c>event:CLIENT_EVENT_ID</c>.</param>
/// <param name="Field">The offending field.</param>
/// <param name="Reason">Human-readable reason.</param>
public sealed record ItemRejection(string Item, string Field, string Reason);
