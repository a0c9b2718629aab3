using Delivery.Planner.Model;
using Delivery.Planner.Travel;
using Delivery.Tracking.Arrival;
using Delivery.Tracking.Eta;
using Delivery.Tracking.Routes;
using Delivery.Tracking.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Delivery.Tracking.Live;

/// <summary>
/// Moves a courier's live state forward with durable positions and events: arrival detection, ETAs (throttled),
/// at-risk alerts, then saves to Redis and pushes changes. Positions older than the latest one are stored but do
/// not rewind live state.
/// </summary>
internal sealed class LiveUpdater(
    LiveStateStore store,
    LivePublisher publisher,
    EtaEngine engine,
    ITravelTimeSource travel,
    DeliveryEventStore eventStore,
    IOptions<TrackingOptions> options,
    ILogger<LiveUpdater> logger)
{
    private readonly TrackingOptions _o = options.Value;
    private readonly ArrivalDetector _detector = new(
        options.Value.ArrivalRadiusMeters, TimeSpan.FromSeconds(options.Value.ArrivalDwellSeconds),
        options.Value.ArrivalMinFixes, options.Value.MaxFixAccuracyMeters);
    private readonly AtRiskDetector _atRisk = new(TimeSpan.FromMinutes(options.Value.AtRiskMarginMinutes));

    public async Task ApplyAsync(
        CourierLiveState state, PublishedRoute? route, IReadOnlyList<PositionRecord> positions,
        IReadOnlyList<DeliveryEventRecord> events, DateTimeOffset now, bool forceEta, CancellationToken ct)
    {
        var statusChanged = new List<(string StopId, DateTimeOffset At)>();
        foreach (var e in events.OrderBy(e => e.OccurredAt))
        {
            await ApplyEventAsync(state, route, e, statusChanged, ct).ConfigureAwait(false);
        }

        var startsNow = state.Latest is null && positions.Count > 0 && route is not null;
        var fresh = positions.Where(p => state.Latest is null || p.RecordedAt > state.Latest.RecordedAt)
            .OrderBy(p => p.RecordedAt).ThenBy(p => p.Seq).ToList();
        if (positions.Count > 0)
        {
            state.LastReceivedAt = now;
        }
        if (route is not null)
        {
            var geofence = new List<DeliveryEventRecord>();
            // Open stops change only with an arrival: listed once per batch, not once per fix.
            var open = fresh.Count > 0 ? OpenStops(state, route) : [];
            foreach (var p in fresh)
            {
                var seen = _detector.Observe(state.Candidate, new GeoFix(p.RecordedAt, p.Lat, p.Lon, p.AccuracyM, p.SpeedMps), open);
                state.Candidate = seen.Candidate;
                if (seen.ArrivedStopId is { } stopId && route.FindStop(stopId) is { } stop)
                {
                    var e = new DeliveryEventRecord(
                        $"geofence:{route.RouteId}:{stopId}", state.CourierId, route.DepotId, route.RouteId, route.PlanVersion,
                        stopId, stop.OrderId, DeliveryEventKind.Arrived, seen.ArrivedAt!.Value, EventSource.Geofence,
                        null, null, null, null, stop.WindowStartUtc, stop.WindowEndUtc);
                    geofence.Add(e);
                    await ApplyEventAsync(state, route, e, statusChanged, ct).ConfigureAwait(false);
                    open = OpenStops(state, route);
                }
            }
            if (geofence.Count > 0)
            {
                // Detected arrivals are part of the record too, so a rebuild finds them.
                await eventStore.AppendAsync(geofence, ct).ConfigureAwait(false);
            }
        }
        if (fresh.Count > 0)
        {
            var last = fresh[^1];
            state.Latest = new CourierPosition(state.CourierId, route?.RouteId, last.RecordedAt, last.Lat, last.Lon, last.SpeedMps, last.HeadingDeg);
        }

        var etaDue = forceEta || statusChanged.Count > 0 || state.LastEtaAt is null
            || now - state.LastEtaAt.Value >= TimeSpan.FromSeconds(_o.EtaRecomputeSeconds);
        var etaWork = etaDue && route is not null
            ? await RefreshEtasAsync(state, route, now, queueMoved: statusChanged.Count > 0, ct).ConfigureAwait(false)
            : [];

        await store.SaveAsync(state, LiveStateRules.IsActive(state, route), positions.Count > 0).ConfigureAwait(false);

        if (route is null)
        {
            return;
        }
        foreach (var (stopId, at) in statusChanged)
        {
            await publisher.StatusAsync(route.DepotId, new StopStatusUpdate(route.RouteId, stopId, state.Stop(stopId).Status, at)).ConfigureAwait(false);
        }
        if (fresh.Count > 0 && state.Latest is { } latest)
        {
            var next = LiveStateRules.NextOpenStop(state, route);
            await publisher.PositionAsync(route.DepotId, latest, next is null ? null : LiveGroups.Stop(route.RouteId, next.StopId)).ConfigureAwait(false);
        }
        if (startsNow)
        {
            // The courier's first fix of the day: every customer still waiting is told the parcel is on its way.
            await publisher.OutForDeliveryAsync(route.DepotId, route.RouteId,
                route.Stops.Where(s => !state.Stop(s.StopId).IsClosed).Select(s => (s, state.Stop(s.StopId).Eta))).ConfigureAwait(false);
        }
        foreach (var work in etaWork)
        {
            await work().ConfigureAwait(false);
        }
    }

    private static List<StopPoint> OpenStops(CourierLiveState state, PublishedRoute route) =>
        route.Stops.Where(s => state.Stop(s.StopId).Status == StopStatus.Open).Select(s => new StopPoint(s.StopId, s.Latitude, s.Longitude)).ToList();

    /// <summary>
    /// Recomputes every open stop's ETA; returns the pushes to make (after the state is saved). When
    /// <paramref name="queueMoved"/> (a stop was closed or reached) every open stop's ETA is pushed whatever it moved, so each
    /// customer's page learns its place in the queue ("N stops before you") at once.
    /// </summary>
    public async Task<List<Func<Task>>> RefreshEtasAsync(CourierLiveState state, PublishedRoute route, DateTimeOffset now, bool queueMoved, CancellationToken ct)
    {
        var pushes = new List<Func<Task>>();
        if (state.Latest is not { } at)
        {
            return pushes;
        }
        var remaining = route.Stops.OrderBy(s => s.Sequence).Where(s => !state.Stop(s.StopId).IsClosed).ToList();
        var etaStops = remaining.Select(s => new EtaStop(s.StopId, s.Latitude, s.Longitude, s.WindowStartUtc, s.ServiceSeconds,
            state.Stop(s.StopId).Status == StopStatus.Arrived ? state.Stop(s.StopId).ArrivedAt : null)).ToList();
        var etas = await engine.ComputeAsync(now, at.Lat, at.Lon, state.Pace.Factor, etaStops, ct, route.DepotId).ConfigureAwait(false);
        state.LastEtaAt = now;
        for (var i = 0; i < etas.Count; i++)
        {
            var stop = remaining[i];
            var live = state.Stop(stop.StopId);
            var eta = etas[i].Eta;
            live.Eta = eta;
            if (queueMoved || live.PushedEta is not { } pushed || Math.Abs((eta - pushed).TotalSeconds) >= _o.EtaPushThresholdSeconds)
            {
                live.PushedEta = eta;
                var update = new StopEtaUpdate(route.RouteId, stop.StopId, eta, stop.WindowStartUtc, stop.WindowEndUtc);
                pushes.Add(() => publisher.EtaAsync(route.DepotId, update));
            }
            var change = _atRisk.Evaluate(live.AtRisk, eta, stop.WindowEndUtc);
            if (change != AtRiskChange.None)
            {
                live.AtRisk = change == AtRiskChange.Raised;
                if (live.AtRisk)
                {
                    live.RiskEpisodes++;
                    Log.StopAtRisk(logger, route.RouteId, stop.StopId, eta, stop.WindowEndUtc);
                }
                var alert = new WindowAlert(route.RouteId, stop.StopId, eta, stop.WindowEndUtc, live.AtRisk);
                var episode = live.RiskEpisodes;
                pushes.Add(() => publisher.WindowAlertAsync(route.DepotId, stop, alert, episode));
            }
        }
        return pushes;
    }

    private async Task ApplyEventAsync(
        CourierLiveState state, PublishedRoute? route, DeliveryEventRecord e, List<(string, DateTimeOffset)> statusChanged, CancellationToken ct)
    {
        var stopLive = state.Stop(e.StopId);
        var wasArrived = stopLive.ArrivedAt is not null;
        if (LiveStateRules.Apply(state, e) is null)
        {
            return;
        }
        statusChanged.Add((e.StopId, e.OccurredAt));
        var stop = route?.FindStop(e.StopId);
        if (stop is null)
        {
            return;
        }
        if (!wasArrived && stopLive.ArrivedAt is { } arrivedAt && state.LegStartAt is { } legStart && arrivedAt > legStart)
        {
            // The pace is observed against the times the ETAs use: the leg's time slice when the depot's travel is time-dependent.
            Location[] leg = [new Location(state.LegStartLon, state.LegStartLat), new Location(stop.Longitude, stop.Latitude)];
            var m = travel is ITimeDependentTravelTimeSource timed && route is not null
                ? (await timed.GetSlicedMatricesAsync(route.DepotId, leg, ct).ConfigureAwait(false)).At(legStart)
                : await travel.GetMatrixAsync(leg, ct).ConfigureAwait(false);
            state.Pace = state.Pace.Observe((arrivedAt - legStart).TotalSeconds, m.Duration(0, 1));
            state.LegStartAt = null;
        }
        if (e.IsHandover)
        {
            state.LegStartAt = e.OccurredAt;
            state.LegStartLat = stop.Latitude;
            state.LegStartLon = stop.Longitude;
            state.Candidate = null;
        }
    }
}
