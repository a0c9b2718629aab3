namespace Delivery.Tracking.Notifications;

/// <summary>A customer notification an operator turns into SMS or e-mail (posted to the webhook).</summary>
/// <param name="Kind"><c>at_risk</c>, <c>all_clear</c> or <c>delivered</c>.</param>
/// <param name="RouteId">Route.</param>
/// <param name="StopId">Stop.</param>
/// <param name="OrderId">Order.</param>
/// <param name="Eta">Current ETA, if known.</param>
/// <param name="WindowEndUtc">Promised window end, if any.</param>
/// <param name="At">When the notification was raised (UTC).</param>
public sealed record CustomerNotification(string Kind, string RouteId, string StopId, string OrderId, DateTimeOffset? Eta, DateTimeOffset? WindowEndUtc, DateTimeOffset At);

/// <summary>Delivers customer notifications. Must not block the caller for long (queue, then send).</summary>
public interface ICustomerNotifier
{
    /// <summary>Queues <paramref name="notification"/> for delivery.</summary>
    ValueTask NotifyAsync(CustomerNotification notification, CancellationToken cancellationToken = default);
}
