using System.Text.Json.Serialization;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Metrics;
using Delivery.Tracking.Notifications;

namespace Delivery.Tracking.Live;

/// <summary>Source-generated JSON for Redis values, hub messages and webhooks (no reflection on the ingest path).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<RefusedItem>))]
[JsonSerializable(typeof(CourierBatch))]
[JsonSerializable(typeof(BatchAck))]
[JsonSerializable(typeof(CourierPosition))]
[JsonSerializable(typeof(StopEtaUpdate))]
[JsonSerializable(typeof(StopStatusUpdate))]
[JsonSerializable(typeof(WindowAlert))]
[JsonSerializable(typeof(SilentTabletAlert))]
[JsonSerializable(typeof(CustomerView))]
[JsonSerializable(typeof(DepotSnapshot))]
[JsonSerializable(typeof(CustomerNotification))]
[JsonSerializable(typeof(WindowHitReport))]
public sealed partial class TrackingJsonContext : JsonSerializerContext;

/// <summary>Source-generated JSON of the live state kept in Redis (internal shape).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CourierLiveState))]
internal sealed partial class LiveStateJsonContext : JsonSerializerContext;
