using Delivery.Tracking.Ingest;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Delivery.Tracking.Hubs;

/// <summary>
/// Courier tablets report positions and events here. The device's token must satisfy the <c>Courier</c> policy and
/// carry the <c>courier_id</c> claim (optionally <c>device_id</c>); a courier can act only on their own route.
/// </summary>
[Authorize(Policy = "Courier")]
public sealed class CourierHub(TrackingIngestor ingestor, DeviceConnections devices) : Hub<ICourierClient>
{
    /// <summary>Claim holding the courier id.</summary>
    public const string CourierIdClaim = "courier_id";

    /// <summary>Claim holding the device id (falls back to the batch's DeviceId).</summary>
    public const string DeviceIdClaim = "device_id";

    /// <summary>Joins the courier's own group, through which route changes reach every device of the courier.</summary>
    public override async Task OnConnectedAsync()
    {
        if (Context.User?.FindFirst(CourierIdClaim)?.Value is { Length: > 0 } courierId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, CourierGroup(courierId)).ConfigureAwait(false);
        }
        if (Context.User?.FindFirst(DeviceIdClaim)?.Value is { Length: > 0 } deviceId)
        {
            await devices.AddAsync(deviceId, Context).ConfigureAwait(false);
        }
        await base.OnConnectedAsync().ConfigureAwait(false);
    }

    /// <summary>Forgets the connection's device.</summary>
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.User?.FindFirst(DeviceIdClaim)?.Value is { Length: > 0 } deviceId)
        {
            devices.Remove(deviceId, Context.ConnectionId);
        }
        return base.OnDisconnectedAsync(exception);
    }

    internal static string CourierGroup(string courierId) => "courier:" + courierId;

    /// <summary>
    /// Stores a batch of positions and events; the answer acknowledges what is durable and lists refused items.
    /// </summary>
    public Task<BatchAck> SendPositions(CourierBatch batch)
    {
        var user = Context.User;
        var courierId = user?.FindFirst(CourierIdClaim)?.Value;
        if (string.IsNullOrWhiteSpace(courierId))
        {
            throw new HubException("The device token carries no courier_id claim.");
        }
        var deviceId = user!.FindFirst(DeviceIdClaim)?.Value ?? batch?.DeviceId;
        if (string.IsNullOrWhiteSpace(deviceId) || deviceId.Length > 100)
        {
            throw new HubException("deviceId: required (token claim device_id or batch.deviceId), at most 100 characters.");
        }
        return ingestor.IngestAsync(courierId, deviceId, batch!, Context.ConnectionAborted);
    }
}
