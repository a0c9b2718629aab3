using Delivery.Tracking.Routes;

namespace Delivery.Tracking.Live;

/// <summary>What the dispatcher's live view shows of one courier's published route: the latest fix and every stop's progress.</summary>
/// <param name="CourierId">Courier.</param>
/// <param name="RouteId">The published route these stops belong to.</param>
/// <param name="Latest">Latest fix of the day, or null before the first.</param>
/// <param name="LastReceivedAt">When the host last heard from the tablet (UTC), or null.</param>
/// <param name="Active">True while the route is started and not finished (the silent-tablet check applies).</param>
/// <param name="Stops">Stops in the route's sequence.</param>
public sealed record CourierLiveDay(string CourierId, string RouteId, CourierPosition? Latest, DateTimeOffset? LastReceivedAt, bool Active,
    IReadOnlyList<StopLiveDay> Stops);

/// <summary>One stop's progress on a <see cref="CourierLiveDay"/>.</summary>
/// <param name="StopId">Stop (the order's id).</param>
/// <param name="Status">Live status (tablet or paper events applied).</param>
/// <param name="Eta">Predicted arrival (UTC) while open and today, else null.</param>
/// <param name="ArrivedAt">Arrival (tap or geofence), UTC.</param>
/// <param name="HandoverAt">Handover or failed attempt, UTC.</param>
/// <param name="AtRisk">True while a window-at-risk alert stands.</param>
public sealed record StopLiveDay(string StopId, StopStatus Status, DateTimeOffset? Eta, DateTimeOffset? ArrivedAt, DateTimeOffset? HandoverAt, bool AtRisk);
