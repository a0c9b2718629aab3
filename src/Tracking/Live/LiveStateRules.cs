using Delivery.Tracking.Routes;
using Delivery.Tracking.Storage;

namespace Delivery.Tracking.Live;

/// <summary>How stored events move a stop's live status; shared by live updates and rebuilds from PostgreSQL.</summary>
internal static class LiveStateRules
{
    /// <summary>Aligns the state with the route (new day, new route or plan version) keeping known stop progress.</summary>
    public static void Attach(CourierLiveState state, PublishedRoute? route, DateOnly date)
    {
        if (state.Date != date)
        {
            state.Stops.Clear();
            state.Latest = null;
            state.Candidate = null;
            state.Pace = Eta.PaceModel.Neutral;
            state.LegStartAt = null;
            state.LastEtaAt = null;
            state.Date = date;
        }
        if (route is null)
        {
            state.RouteId = null;
            return;
        }
        if (state.RouteId != route.RouteId || state.PlanVersion != route.PlanVersion)
        {
            state.RouteId = route.RouteId;
            state.PlanVersion = route.PlanVersion;
            state.DepotId = route.DepotId;
            state.LastEtaAt = null;
            var known = route.Stops.Select(s => s.StopId).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in state.Stops.Keys.Where(k => !known.Contains(k)).ToList())
            {
                state.Stops.Remove(gone);
            }
        }
        foreach (var stop in route.Stops)
        {
            var live = state.Stop(stop.StopId);
            if (stop.Status == StopStatus.Cancelled)
            {
                live.Status = StopStatus.Cancelled;
            }
        }
    }

    /// <summary>Applies one event; returns the new status when it changed.</summary>
    public static StopStatus? Apply(CourierLiveState state, DeliveryEventRecord e)
    {
        var stop = state.Stop(e.StopId);
        var before = stop.Status;
        switch (e.Kind)
        {
            case DeliveryEventKind.Arrived:
                // Arrival is the first of the tap and the geofence detection.
                stop.ArrivedAt = stop.ArrivedAt is { } a && a <= e.OccurredAt ? a : e.OccurredAt;
                if (stop.Status == StopStatus.Open)
                {
                    stop.Status = StopStatus.Arrived;
                }
                break;
            case DeliveryEventKind.Delivered or DeliveryEventKind.PartlyDelivered or DeliveryEventKind.Failed:
                if (stop.IsClosed)
                {
                    break;
                }
                stop.Status = ToStatus(e.Kind);
                stop.HandoverAt = e.OccurredAt;
                stop.ArrivedAt ??= e.OccurredAt;
                break;
            default:
                break;
        }
        return stop.Status != before ? stop.Status : null;
    }

    /// <summary>Takes a stop's outcome back (a correction follows): arrived if it was reached, else open.</summary>
    public static void Reopen(CourierLiveState state, string stopId)
    {
        var stop = state.Stop(stopId);
        if (stop.Status is StopStatus.Delivered or StopStatus.PartlyDelivered or StopStatus.Failed)
        {
            stop.Status = stop.ArrivedAt is null ? StopStatus.Open : StopStatus.Arrived;
            stop.HandoverAt = null;
        }
    }

    public static StopStatus ToStatus(DeliveryEventKind kind) => kind switch
    {
        DeliveryEventKind.Delivered => StopStatus.Delivered,
        DeliveryEventKind.PartlyDelivered => StopStatus.PartlyDelivered,
        DeliveryEventKind.Failed => StopStatus.Failed,
        DeliveryEventKind.Arrived => StopStatus.Arrived,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A note has no status."),
    };

    /// <summary>The first stop in sequence that is neither handed over nor cancelled.</summary>
    public static PublishedStop? NextOpenStop(CourierLiveState state, PublishedRoute route) =>
        route.Stops.OrderBy(s => s.Sequence).FirstOrDefault(s => !state.Stop(s.StopId).IsClosed);

    /// <summary>A route is active once the courier has moved or acted on it, until every stop is closed.</summary>
    public static bool IsActive(CourierLiveState state, PublishedRoute? route) =>
        route is not null && state.Latest is not null && NextOpenStop(state, route) is not null;
}
