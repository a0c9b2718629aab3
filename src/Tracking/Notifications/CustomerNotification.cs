namespace Delivery.Tracking.Notifications;

/// <summary>The webhook body of a tracking notification (an operator turns it into SMS or e-mail).</summary>
/// <param name="Kind"><c>out_for_delivery</c>, <c>at_risk</c>, <c>all_clear</c>, <c>delivered</c> or <c>failed</c>.</param>
/// <param name="RouteId">Route.</param>
/// <param name="StopId">Stop.</param>
/// <param name="OrderId">Order.</param>
/// <param name="Eta">Current ETA, if known.</param>
/// <param name="WindowEndUtc">Promised window end, if any.</param>
/// <param name="At">When it happened (UTC): the handover, or when tracking saw the change.</param>
public sealed record CustomerNotification(string Kind, string RouteId, string StopId, string OrderId, DateTimeOffset? Eta, DateTimeOffset? WindowEndUtc, DateTimeOffset At);

/// <summary>
/// A notification to queue in the outbox. The outbox holds at most one per (<paramref name="OrderId"/>,
/// <paramref name="Kind"/>, <paramref name="Cause"/>): queueing the same again is a no-op, so an event stored twice notifies once.
/// </summary>
/// <param name="OrderId">Order the customer placed.</param>
/// <param name="Kind">What the customer is told (<c>planned</c>, <c>delivered</c>, …).</param>
/// <param name="Cause">What caused it, unique per order and kind (a plan version, a route, an at-risk episode, the handover).</param>
/// <param name="DepotId">Depot, for the dispatcher's view of the outbox.</param>
/// <param name="PayloadJson">The webhook body, JSON.</param>
public sealed record OutboxMessage(string OrderId, string Kind, string Cause, string? DepotId, string PayloadJson);

/// <summary>A notification as the outbox holds it.</summary>
/// <param name="Id">Outbox id (also sent as the <c>Delivery-Notification-Id</c> header, for the receiver to deduplicate).</param>
/// <param name="OrderId">Order.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Cause">Cause.</param>
/// <param name="DepotId">Depot.</param>
/// <param name="Status"><c>pending</c>, <c>sent</c> or <c>parked</c> (given up after the last attempt; kept with its error).</param>
/// <param name="Attempts">Sends tried.</param>
/// <param name="LastError">Why the last send failed.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="NextAttemptAt">When a pending one is tried next.</param>
/// <param name="SentAt">When the webhook accepted it.</param>
/// <param name="Payload">The body.</param>
public sealed record OutboxEntry(long Id, string OrderId, string Kind, string Cause, string? DepotId, string Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt, string Payload);
