using System.Globalization;
using Delivery.Tracking.Hubs;
using Delivery.Tracking.Notifications;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>The webhook body sent when a customer's delivery is planned (or re-planned to another window).</summary>
public sealed record DeliveryPlannedNotification(string Event, long OrderId, string ShopOrderId, string CustomerName, string? CustomerPhone,
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string Message, string TrackingUrl);

/// <summary>
/// Publishing a plan version, in its three steps: store the version as published and, in the same transaction, queue
/// "your delivery is planned for 10:00–12:00" in the notification outbox for every customer whose planned window changed;
/// then tell the couriers' tablets (through tracking's courier hub, on any node) that their route changed. A failed push
/// is logged and the plan stays published (a tablet reloads on reconnect); the outbox sends the notifications on its own.
/// </summary>
internal sealed partial class PlanPublisher(PlanStore plans, PlanReader reader, NotificationOutbox outbox, RouteChangeNotifier tablets,
    ILogger<PlanPublisher> log)
{
    public async Task<PlanVersionView> PublishAsync(long versionId, CancellationToken ct)
    {
        if (await plans.PublishAsync(versionId, ct) > 0)
        {
            outbox.Wake();
        }
        var view = await reader.ReadAsync(versionId, ct);
        foreach (var route in view.Routes)
        {
            try
            {
                await tablets.RouteChangedAsync(Id(route.CourierId), Id(route.RouteId), view.Number);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPushFailed(ex, route.CourierId, view.Id);
            }
        }
        return view;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell courier {CourierId} that plan version {VersionId} was published")]
    private partial void LogPushFailed(Exception exception, long courierId, long versionId);
}
