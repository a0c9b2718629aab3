using Microsoft.Extensions.DependencyInjection;
using Delivery.Tracking.Routes;

namespace Delivery.Tracking.Live;

/// <summary>Reads what dispatchers and customers may see, from Redis (rebuilt from PostgreSQL when missing).</summary>
public sealed class LiveQuery
{
    private readonly IPublishedRouteSource _routes;
    private readonly LiveStateLoader _loader;
    private readonly LiveStateStore _store;
    private readonly LiveUpdater _updater;
    private readonly CourierCalendar _calendar;
    private readonly TimeProvider _time;

    internal LiveQuery(IPublishedRouteSource routes, LiveStateLoader loader, LiveStateStore store, LiveUpdater updater, CourierCalendar calendar,
        [FromKeyedServices(TrackingServiceCollectionExtensions.ClockKey)] TimeProvider time)
    {
        _calendar = calendar;
        _routes = routes;
        _loader = loader;
        _store = store;
        _updater = updater;
        _time = time;
    }

    /// <summary>The customer's view of <paramref name="target"/>: their stop only.</summary>
    public async Task<CustomerView?> CustomerViewAsync(TrackingTarget target, CancellationToken cancellationToken = default)
    {
        var route = await _routes.GetRouteAsync(target.RouteId, cancellationToken).ConfigureAwait(false);
        var stop = route?.FindStop(target.StopId);
        if (route is null || stop is null)
        {
            return null;
        }
        var today = await _calendar.DateAtAsync(route.CourierId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (target.Date != today)
        {
            // Another day's link (yesterday's, tomorrow's): its stop from the record, read-only. The courier's live state
            // is today's and stays untouched, and no position is shown: the courier is not heading here today.
            var record = await _loader.RebuildAsync(route.CourierId, route, target.Date, cancellationToken).ConfigureAwait(false);
            var past = record.Stop(stop.StopId);
            return new CustomerView(past.Status, null, stop.WindowStartUtc, stop.WindowEndUtc, false, null);
        }
        var (state, rebuilt) = await _loader.LoadAsync(route.CourierId, route, target.Date, cancellationToken).ConfigureAwait(false);
        if (state.RouteId != route.RouteId)
        {
            // The courier's live state belongs to another route (not started yet): show the plan only.
            return new CustomerView(stop.Status, null, stop.WindowStartUtc, stop.WindowEndUtc, false, null);
        }
        if (rebuilt)
        {
            var pushes = await _updater.RefreshEtasAsync(state, route, _time.GetUtcNow(), queueMoved: false, cancellationToken).ConfigureAwait(false);
            await _store.SaveAsync(state, LiveStateRules.IsActive(state, route), positionsReceived: false).ConfigureAwait(false);
            foreach (var push in pushes)
            {
                await push().ConfigureAwait(false);
            }
        }
        var live = state.Stop(stop.StopId);
        var headingHere = LiveStateRules.NextOpenStop(state, route)?.StopId == stop.StopId;
        var before = live.IsClosed ? 0 : route.Stops.Count(s => s.Sequence < stop.Sequence && !state.Stop(s.StopId).IsClosed);
        return new CustomerView(
            live.Status,
            live.IsClosed ? null : live.Eta,
            stop.WindowStartUtc,
            stop.WindowEndUtc,
            live.AtRisk && !live.IsClosed,
            headingHere ? state.Latest : null,
            before);
    }

    /// <summary>Latest positions of every courier of <paramref name="depotId"/> seen today.</summary>
    public async Task<DepotSnapshot> DepotAsync(string depotId, CancellationToken cancellationToken = default)
    {
        var couriers = await _store.CouriersOfDepotAsync(depotId).ConfigureAwait(false);
        var positions = new List<CourierPosition>();
        foreach (var id in couriers)
        {
            if (await _store.GetAsync(id).ConfigureAwait(false) is { Latest: { } p, DepotId: var d } && d == depotId)
            {
                positions.Add(p);
            }
        }
        return new DepotSnapshot(depotId, positions);
    }
    /// <summary>
    /// <paramref name="route"/>'s live day: today's from Redis (rebuilt from PostgreSQL when missing, with fresh ETAs), another
    /// day's read from the record only (no ETAs; today's live state is never touched).
    /// </summary>
    public async Task<CourierLiveDay> CourierDayAsync(PublishedRoute route, CancellationToken cancellationToken = default)
    {
        var today = await _calendar.DateAtAsync(route.CourierId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        CourierLiveState state;
        if (route.Date != today)
        {
            state = await _loader.RebuildAsync(route.CourierId, route, route.Date, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            (state, var rebuilt) = await _loader.LoadAsync(route.CourierId, route, route.Date, cancellationToken).ConfigureAwait(false);
            if (rebuilt && state.RouteId == route.RouteId)
            {
                var pushes = await _updater.RefreshEtasAsync(state, route, _time.GetUtcNow(), queueMoved: false, cancellationToken).ConfigureAwait(false);
                await _store.SaveAsync(state, LiveStateRules.IsActive(state, route), positionsReceived: false).ConfigureAwait(false);
                foreach (var push in pushes)
                {
                    await push().ConfigureAwait(false);
                }
            }
        }
        var live = route.Date == today;
        var stops = route.Stops.OrderBy(s => s.Sequence).Select(s =>
        {
            var st = state.Stop(s.StopId);
            return new StopLiveDay(s.StopId, st.Status, live && !st.IsClosed ? st.Eta : null, st.ArrivedAt, st.HandoverAt, live && st.AtRisk && !st.IsClosed);
        }).ToList();
        return new CourierLiveDay(route.CourierId, route.RouteId, state.Latest, state.LastReceivedAt, live && LiveStateRules.IsActive(state, route), stops);
    }
}
