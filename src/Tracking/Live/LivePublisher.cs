using Microsoft.Extensions.DependencyInjection;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Notifications;
using Delivery.Tracking.Routes;
using Microsoft.AspNetCore.SignalR;

namespace Delivery.Tracking.Live;

/// <summary>Pushes live changes to dispatcher (depot) and customer (stop) groups, and customer webhooks.</summary>
internal sealed class LivePublisher(IHubContext<LiveHub, ILiveClient> hub, ICustomerNotifier notifier, [FromKeyedServices(TrackingServiceCollectionExtensions.ClockKey)] TimeProvider time)
{
    public Task PositionAsync(string depotId, CourierPosition position, string? customerGroup)
    {
        var depot = hub.Clients.Group(LiveGroups.Depot(depotId)).Position(position);
        return customerGroup is null ? depot : Task.WhenAll(depot, hub.Clients.Group(customerGroup).Position(position));
    }

    public Task EtaAsync(string depotId, StopEtaUpdate update) =>
        hub.Clients.Groups(LiveGroups.Depot(depotId), LiveGroups.Stop(update.RouteId, update.StopId)).Eta(update);

    public async Task StatusAsync(string depotId, PublishedStop stop, StopStatusUpdate update)
    {
        await hub.Clients.Groups(LiveGroups.Depot(depotId), LiveGroups.Stop(update.RouteId, update.StopId)).StopStatus(update).ConfigureAwait(false);
        if (update.Status is StopStatus.Delivered or StopStatus.PartlyDelivered)
        {
            await notifier.NotifyAsync(new CustomerNotification("delivered", update.RouteId, stop.StopId, stop.OrderId, null, stop.WindowEndUtc, time.GetUtcNow())).ConfigureAwait(false);
        }
    }

    public async Task WindowAlertAsync(string depotId, PublishedStop stop, WindowAlert alert)
    {
        var clients = hub.Clients.Groups(LiveGroups.Depot(depotId), LiveGroups.Stop(alert.RouteId, alert.StopId));
        await (alert.AtRisk ? clients.WindowAtRisk(alert) : clients.WindowRecovered(alert)).ConfigureAwait(false);
        await notifier.NotifyAsync(new CustomerNotification(
            alert.AtRisk ? "at_risk" : "all_clear", alert.RouteId, stop.StopId, stop.OrderId, alert.Eta, alert.WindowEndUtc, time.GetUtcNow())).ConfigureAwait(false);
    }

    public Task SilentAsync(SilentTabletAlert alert) =>
        hub.Clients.Group(LiveGroups.Depot(alert.DepotId)).TabletSilent(alert);
}
