using Delivery.Tracking.Routes;
using Delivery.Tracking.Storage;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Delivery.Tracking.Live;

/// <summary>
/// Gets a courier's live state from Redis, or rebuilds it from PostgreSQL (the record) when it is missing or
/// Redis cannot be reached: stop progress from <c>delivery_events</c>, the latest fix from <c>positions</c>.
/// </summary>
internal sealed class LiveStateLoader(
    LiveStateStore store, PositionStore positions, DeliveryEventStore events, CourierCalendar calendar, ILogger<LiveStateLoader> logger)
{
    public async Task<(CourierLiveState State, bool Rebuilt)> LoadAsync(string courierId, PublishedRoute? route, DateOnly date, CancellationToken ct)
    {
        CourierLiveState? state = null;
        try
        {
            state = await store.GetAsync(courierId).ConfigureAwait(false);
        }
        catch (RedisException ex)
        {
            Log.LiveStateFailed(logger, courierId, ex);
        }
        if (state is not null && state.Date == date)
        {
            LiveStateRules.Attach(state, route, date);
            return (state, false);
        }
        return (await RebuildAsync(courierId, route, date, ct).ConfigureAwait(false), true);
    }

    public async Task<CourierLiveState> RebuildAsync(string courierId, PublishedRoute? route, DateOnly date, CancellationToken ct)
    {
        var state = new CourierLiveState { CourierId = courierId, Date = date };
        LiveStateRules.Attach(state, route, date);
        if (route is not null)
        {
            foreach (var e in await events.ListByRouteAsync(route.RouteId, ct).ConfigureAwait(false))
            {
                LiveStateRules.Apply(state, e);
            }
            var lastHandover = state.Stops.Values.Where(s => s.HandoverAt is not null).MaxBy(s => s.HandoverAt);
            state.LegStartAt = lastHandover?.HandoverAt;
        }
        var dayStart = await calendar.DayStartAsync(courierId, date, ct).ConfigureAwait(false);
        if (await positions.LatestAsync(courierId, dayStart, ct).ConfigureAwait(false) is { } p)
        {
            state.Latest = new CourierPosition(courierId, route?.RouteId, p.RecordedAt, p.Lat, p.Lon, p.SpeedMps, p.HeadingDeg);
            state.LastReceivedAt = p.ReceivedAt;
        }
        Log.LiveStateRebuilt(logger, courierId);
        return state;
    }
}
