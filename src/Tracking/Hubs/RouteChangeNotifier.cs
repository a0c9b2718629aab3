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

    internal RouteChangeNotifier(IHubContext<CourierHub, ICourierClient> hub, RouteCache cache)
    {
        _hub = hub;
        _cache = cache;
    }

    /// <summary>Announces that <paramref name="courierId"/>'s route <paramref name="routeId"/> is now at <paramref name="planVersion"/>.</summary>
    public Task RouteChangedAsync(string courierId, string routeId, int planVersion)
    {
        _cache.Invalidate(courierId);
        return _hub.Clients.Group(CourierHub.CourierGroup(courierId)).RouteChanged(routeId, planVersion);
    }

    /// <summary>Tells <paramref name="courierId"/>'s open tablets that device <paramref name="deviceId"/> was revoked, so it signs out at once.</summary>
    public Task DeviceRevokedAsync(string courierId, string deviceId) =>
        _hub.Clients.Group(CourierHub.CourierGroup(courierId)).DeviceRevoked(deviceId);
}
