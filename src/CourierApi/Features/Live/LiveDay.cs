using System.Globalization;
using Delivery.CourierApi.Hosting;
using Delivery.Tracking;
using Delivery.Tracking.Live;
using Delivery.Tracking.Routes;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Features.Live;

/// <summary>
/// Builds a depot's live day: the published routes of the date, each courier's live state from Tracking (positions,
/// stop progress, ETAs, at-risk flags), how far behind plan each is, and the alerts with their suggested actions and
/// acknowledgements. One read for the page's first paint and after every reconnect; the live hub moves it on between.
/// </summary>
internal sealed class LiveDay(LiveDayStore store, IPublishedRouteSource routes, LiveQuery query, IOptions<TrackingOptions> tracking, TimeProvider time)
{
    public async Task<LiveDayResponse> ReadAsync(long depotId, DateOnly? date, CancellationToken ct)
    {
        var zoneId = await store.TimeZoneAsync(depotId, ct) ?? throw new NotFoundException("Depot", depotId);
        var zone = Zones.Find(zoneId);
        var now = time.GetUtcNow();
        var today = Zones.Today(now, zone);
        var day = date ?? today;
        var silentAfter = tracking.Value.SilentTabletMinutes;
        var dayRoutes = await store.RoutesAsync(depotId, day, ct);
        var versionId = dayRoutes.Count > 0 ? dayRoutes[0].VersionId : (long?)null;
        var facts = versionId is { } v ? await store.StopFactsAsync(v, ct) : [];
        var choices = await store.ChoicesAsync(depotId, day, ct);
        var acks = await store.AcknowledgementsAsync(depotId, day, ct);

        var couriers = new List<LiveCourier>();
        var alerts = new List<LiveAlert>();
        for (var i = 0; i < dayRoutes.Count; i++)
        {
            var r = dayRoutes[i];
            var route = await routes.GetRouteAsync(Id(r.RouteId), ct);
            if (route is null)
            {
                continue;
            }
            var live = await query.CourierDayAsync(route, ct);
            var courier = Courier(r, i, route, live, facts, now, silentAfter, day == today);
            couriers.Add(courier);
            if (day == today)
            {
                alerts.AddRange(CourierAlerts(courier, live, choices, facts));
            }
        }
        if (day == today)
        {
            alerts.AddRange((await store.CallbacksAsync(depotId, day, ct)).Select(c =>
                Alert("callback:" + Id(c.OrderId), "callback", c.At, null, null, c.OrderId, null, null, c.Phone, ["callCustomer", "callbackDone"])));
        }
        var acknowledged = alerts.Select(a => acks.TryGetValue(a.Key, out var k) ? a with { AcknowledgedBy = k.AcknowledgedBy, AcknowledgedAt = k.AcknowledgedAt } : a)
            .OrderBy(a => a.AcknowledgedAt is null ? 0 : 1).ThenBy(a => Urgency(a.Kind)).ThenByDescending(a => a.LateMinutes ?? 0).ThenBy(a => a.At)
            .ToList();
        return new LiveDayResponse(depotId, day, zoneId, now, silentAfter, day == today, versionId, couriers, acknowledged);
    }

    /// <summary>The keys an acknowledgement may name: a kind and a numeric subject.</summary>
    public static bool IsAlertKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && key[..colon] is "at-risk" or "silent" or "failed" or "callback"
            && long.TryParse(key.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0;
    }

    private static LiveCourier Courier(LiveDayStore.DayRoute r, int colour, PublishedRoute route, CourierLiveDay live,
        Dictionary<long, LiveDayStore.StopFacts> facts, DateTimeOffset now, int silentAfter, bool today)
    {
        var next = live.Stops.FirstOrDefault(s => s.Status is StopStatus.Open or StopStatus.Arrived);
        var stops = route.Stops.OrderBy(s => s.Sequence).Zip(live.Stops, (p, s) =>
        {
            var f = facts.GetValueOrDefault(long.Parse(p.StopId, CultureInfo.InvariantCulture));
            var state = s.Status switch
            {
                StopStatus.Delivered or StopStatus.PartlyDelivered => "done",
                StopStatus.Failed => "failed",
                StopStatus.Cancelled => "cancelled",
                _ when s.AtRisk => "atRisk",
                _ when ReferenceEquals(s, next) => "next",
                _ => "open",
            };
            var when = s.HandoverAt ?? s.Eta;
            int? late = when is { } w && p.WindowEndUtc is { } end ? Minutes(w - end) : null;
            return new LiveStop(long.Parse(p.StopId, CultureInfo.InvariantCulture), f?.ShopOrderId ?? p.OrderId, p.Sequence, p.Latitude, p.Longitude,
                state, s.Status.ToString(), f?.PlannedArrival ?? route.PlannedStartUtc, s.Eta, p.WindowStartUtc, p.WindowEndUtc, s.ArrivedAt, s.HandoverAt, late,
                f?.CustomerName ?? "", f?.Address ?? "");
        }).ToList();
        var nextStop = next is null ? null : stops.First(s => s.OrderId == long.Parse(next.StopId, CultureInfo.InvariantCulture));
        // Behind plan: when the next stop's service can start (the ETA, or the window's start if earlier: the courier waits)
        // against when the plan starts it; a route not started yet is behind by the time past its planned start.
        var plannedService = nextStop is null ? (DateTimeOffset?)null : facts.GetValueOrDefault(nextStop.OrderId)?.PlannedServiceStart ?? nextStop.PlannedArrival;
        int? behind = nextStop?.Eta is { } eta && plannedService is { } ps ? Minutes(Later(eta, nextStop.WindowStartUtc) - ps)
            : today && live.Latest is null && next is not null && now > r.Start ? Minutes(now - r.Start) : null;
        var silent = live.Active && live.LastReceivedAt is { } seen && now - seen >= TimeSpan.FromMinutes(silentAfter);
        var position = live.Latest is { } p ? new LivePosition(p.Lat, p.Lon, p.HeadingDeg, p.SpeedMps, p.RecordedAt) : null;
        var done = stops.Count(s => s.State is "done" or "failed" or "cancelled");
        return new LiveCourier(r.CourierId, r.Name, r.Phone, r.RouteId, colour, r.Start, r.End, position, live.LastReceivedAt, silent, done,
            stops.Count - done, behind, nextStop?.OrderId, stops);
    }

    private static IEnumerable<LiveAlert> CourierAlerts(LiveCourier courier, CourierLiveDay live, Dictionary<long, string> choices,
        Dictionary<long, LiveDayStore.StopFacts> facts)
    {
        if (courier.Silent && live.LastReceivedAt is { } seen)
        {
            yield return Alert("silent:" + Id(courier.RouteId), "silent", seen, courier.CourierId, courier.RouteId, null, null, null, courier.Phone,
                ["callCourier", "printManifest", "paperOutcomes"]);
        }
        foreach (var s in courier.Stops)
        {
            var phone = facts.GetValueOrDefault(s.OrderId)?.Phone;
            if (s.State == "atRisk")
            {
                yield return Alert("at-risk:" + Id(s.OrderId), "atRisk", s.Eta ?? s.PlannedArrival, courier.CourierId, courier.RouteId, s.OrderId,
                    s.LateMinutes, choices.GetValueOrDefault(s.OrderId), phone, ["callCustomer", "moveStop", "replan"]);
            }
            else if (s.State == "failed")
            {
                yield return Alert("failed:" + Id(s.OrderId), "failed", s.HandoverAt ?? s.PlannedArrival, courier.CourierId, courier.RouteId, s.OrderId,
                    null, choices.GetValueOrDefault(s.OrderId), phone, ["callCustomer"]);
            }
        }
    }

    private static LiveAlert Alert(string key, string kind, DateTimeOffset at, long? courierId, long? routeId, long? orderId, int? late, string? choice,
        string? phone, IReadOnlyList<string> actions) => new(key, kind, at, courierId, routeId, orderId, late, choice, phone, actions, null, null);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } x && x > a ? x : a;

    private static int Urgency(string kind) => kind switch { "atRisk" => 0, "silent" => 1, "failed" => 2, _ => 3 };

    private static int Minutes(TimeSpan span) => (int)Math.Round(span.TotalMinutes, MidpointRounding.AwayFromZero);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
