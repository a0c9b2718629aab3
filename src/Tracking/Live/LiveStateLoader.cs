using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, bool> _stale = new(StringComparer.Ordinal);

    /// <summary>
    /// An update of the courier's live state failed half-way (Redis down): what Redis holds may lag the record, so the
    /// next load on this node rebuilds from PostgreSQL (and saves the result once Redis is back).
    /// </summary>
    public void MarkStale(string courierId) => _stale[courierId] = true;

    public async Task<(CourierLiveState State, bool Rebuilt)> LoadAsync(string courierId, PublishedRoute? route, DateOnly date, CancellationToken ct)
    {
        CourierLiveState? state = null;
        try
        {
            state = await store.GetAsync(courierId).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            Log.LiveStateFailed(logger, courierId, ex);
        }
        if (state is not null && state.Date == date && !_stale.TryRemove(courierId, out _))
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
            // By the route's stops, not its id: what the courier recorded under an earlier version of the day counts too.
            var (from, to) = (await calendar.DayStartAsync(courierId, date, ct).ConfigureAwait(false),
                await calendar.DayStartAsync(courierId, date.AddDays(1), ct).ConfigureAwait(false));
            foreach (var e in await events.ListByStopsAsync(courierId, route.Stops.Select(s => s.StopId).ToList(), from, to, ct).ConfigureAwait(false))
            {
                LiveStateRules.Apply(state, e);
            }
            var lastHandover = state.Stops.Values.Where(s => s.HandoverAt is not null).MaxBy(s => s.HandoverAt);
            state.LegStartAt = lastHandover?.HandoverAt;
        }
        var dayStart = await calendar.DayStartAsync(courierId, date, ct).ConfigureAwait(false);
        var dayEnd = await calendar.DayStartAsync(courierId, date.AddDays(1), ct).ConfigureAwait(false);
        // The day's own latest fix only: a rebuild of yesterday never carries today's position.
        if (await positions.LatestAsync(courierId, dayStart, dayEnd, ct).ConfigureAwait(false) is { } p)
        {
            state.Latest = new CourierPosition(courierId, route?.RouteId, p.RecordedAt, p.Lat, p.Lon, p.SpeedMps, p.HeadingDeg);
            state.LastReceivedAt = p.ReceivedAt;
        }
        Log.LiveStateRebuilt(logger, courierId);
        return state;
    }
}
