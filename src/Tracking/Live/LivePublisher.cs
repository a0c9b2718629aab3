using Microsoft.Extensions.DependencyInjection;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Notifications;
using Delivery.Tracking.Routes;
using Microsoft.AspNetCore.SignalR;

namespace Delivery.Tracking.Live;

/// <summary>
/// Pushes live changes to dispatcher (depot) and customer (stop) groups, and queues the customer notifications that
/// live state causes (out for delivery, at risk, all clear) in the outbox. Handover notifications (delivered, failed) are
/// queued with the event itself by <see cref="Storage.DeliveryEventStore"/>.
/// </summary>
internal sealed class LivePublisher(IHubContext<LiveHub, ILiveClient> hub, NotificationOutbox outbox, [FromKeyedServices(TrackingServiceCollectionExtensions.ClockKey)] TimeProvider time)
{
    public Task PositionAsync(string depotId, CourierPosition position, string? customerGroup)
    {
        var depot = hub.Clients.Group(LiveGroups.Depot(depotId)).Position(position);
        return customerGroup is null ? depot : Task.WhenAll(depot, hub.Clients.Group(customerGroup).Position(position));
    }

    public Task EtaAsync(string depotId, StopEtaUpdate update) =>
        hub.Clients.Groups(LiveGroups.Depot(depotId), LiveGroups.Stop(update.RouteId, update.StopId)).Eta(update);

    public Task StatusAsync(string depotId, StopStatusUpdate update) =>
        hub.Clients.Groups(LiveGroups.Depot(depotId), LiveGroups.Stop(update.RouteId, update.StopId)).StopStatus(update);

    /// <summary>Pushes the alert and queues the customer's notification, once per at-risk episode <paramref name="episode"/> of the stop.</summary>
    public async Task WindowAlertAsync(string depotId, PublishedStop stop, WindowAlert alert, int episode)
    {
        var clients = hub.Clients.Groups(LiveGroups.Depot(depotId), LiveGroups.Stop(alert.RouteId, alert.StopId));
        await (alert.AtRisk ? clients.WindowAtRisk(alert) : clients.WindowRecovered(alert)).ConfigureAwait(false);
        var n = new CustomerNotification(alert.AtRisk ? "at_risk" : "all_clear", alert.RouteId, stop.StopId, stop.OrderId, alert.Eta, alert.WindowEndUtc, time.GetUtcNow());
        // Not cancelled with the tablet's request: the episode is already saved in live state, so a cancelled write would lose the notification.
        await outbox.EnqueueAsync([new OutboxMessage(stop.OrderId, n.Kind, $"risk:{alert.RouteId}:{episode}", depotId, NotificationOutbox.Json(n))],
            CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Queues "out for delivery" for every stop given, once per route (not cancellable, for the reason above).</summary>
    public Task OutForDeliveryAsync(string depotId, string routeId, IEnumerable<(PublishedStop Stop, DateTimeOffset? Eta)> stops) =>
        outbox.EnqueueAsync(stops.Select(s => new OutboxMessage(s.Stop.OrderId, "out_for_delivery", "route:" + routeId, depotId,
            NotificationOutbox.Json(new CustomerNotification("out_for_delivery", routeId, s.Stop.StopId, s.Stop.OrderId, s.Eta, s.Stop.WindowEndUtc, time.GetUtcNow()))))
            .ToList(), CancellationToken.None);

    public Task SilentAsync(SilentTabletAlert alert) =>
        hub.Clients.Group(LiveGroups.Depot(alert.DepotId)).TabletSilent(alert);
}
