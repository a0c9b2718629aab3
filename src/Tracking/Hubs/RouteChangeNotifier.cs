using Delivery.Tracking.Routes;
using Microsoft.AspNetCore.SignalR;

namespace Delivery.Tracking.Hubs;

/// <summary>
/// Called by the host when a route is re-published: forgets the cached route and tells the courier's tablets
/// (any node, through the backplane) to reload it.
/// </summary>
public sealed class RouteChangeNotifier
{
    private readonly IHubContext<CourierHub, ICourierClient> _hub;
    private readonly RouteCache _cache;
    private readonly DeviceConnections _devices;

    internal RouteChangeNotifier(IHubContext<CourierHub, ICourierClient> hub, RouteCache cache, DeviceConnections devices)
    {
        _hub = hub;
        _cache = cache;
        _devices = devices;
    }

    /// <summary>Announces that <paramref name="courierId"/>'s route <paramref name="routeId"/> is now at <paramref name="planVersion"/>.</summary>
    public Task RouteChangedAsync(string courierId, string routeId, int planVersion)
    {
        _cache.Invalidate(courierId);
        return _hub.Clients.Group(CourierHub.CourierGroup(courierId)).RouteChanged(routeId, planVersion);
    }

    /// <summary>
    /// Tells <paramref name="courierId"/>'s open tablets that device <paramref name="deviceId"/> was revoked, so it signs
    /// out, and ends the device's open hub connections on every node.
    /// </summary>
    public async Task DeviceRevokedAsync(string courierId, string deviceId)
    {
        await _hub.Clients.Group(CourierHub.CourierGroup(courierId)).DeviceRevoked(deviceId).ConfigureAwait(false);
        await _devices.RevokeAsync(deviceId).ConfigureAwait(false);
    }
}
