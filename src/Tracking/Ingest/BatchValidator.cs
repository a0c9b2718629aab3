using System.Globalization;
using Delivery.Tracking.Live;
using Delivery.Tracking.Routes;
using Delivery.Tracking.Storage;

namespace Delivery.Tracking.Ingest;

/// <summary>
/// Checks each item of a batch on its own and turns the good ones into records; bad items become
/// <see cref="ItemRejection"/>s naming the field and the reason, and never affect the others.
/// </summary>
internal sealed class BatchValidator(TrackingOptions options)
{
    public List<PositionRecord> Positions(
        string courierId, string deviceId, IReadOnlyList<PositionReport>? reports, DateTimeOffset now, List<ItemRejection> rejections)
    {
        var accepted = new List<PositionRecord>(reports?.Count ?? 0);
        foreach (var p in reports ?? [])
        {
            if (p is null)
            {
                rejections.Add(new ItemRejection("position", "positions", "null entry"));
                continue;
            }
            var problem = p switch
            {
                { Seq: < 0 } => ("seq", "must be ≥ 0"),
                { Lat: var lat } when !double.IsFinite(lat) || lat is < -90 or > 90 => ("lat", $"{lat} is outside −90…90"),
                { Lon: var lon } when !double.IsFinite(lon) || lon is < -180 or > 180 => ("lon", $"{lon} is outside −180…180"),
                // NaN and ±Infinity pass every comparison test as false, so each number is checked finite first (MessagePack carries them).
                { AccuracyM: { } a } when !double.IsFinite(a) || a < 0 => ("accuracyM", "must be a finite number ≥ 0"),
                { SpeedMps: { } v } when !double.IsFinite(v) || v is < 0 or > 100 => ("speedMps", "must be a finite number within 0…100 m/s"),
                { HeadingDeg: { } h } when !double.IsFinite(h) || h is < 0 or > 360 => ("headingDeg", "must be a finite number within 0…360"),
                _ => TimeProblem(p.RecordedAt, now),
            };
            if (problem is { } pr)
            {
                rejections.Add(new ItemRejection("position:" + p.Seq.ToString(CultureInfo.InvariantCulture), pr.Item1, pr.Item2));
                continue;
            }
            accepted.Add(new PositionRecord(courierId, deviceId, p.Seq, p.RecordedAt.ToUniversalTime(), now, p.Lat, p.Lon, p.AccuracyM, p.SpeedMps, p.HeadingDeg));
        }
        return accepted;
    }

    /// <summary>Validates events against the route and the stops' state (including earlier events of this batch).</summary>
    public List<(CourierEventReport Report, DeliveryEventRecord Record)> Events(
        string courierId, string deviceId, PublishedRoute? route, CourierLiveState state, IReadOnlyList<CourierEventReport>? reports,
        IReadOnlySet<string> alreadyStored, DateTimeOffset now, List<ItemRejection> rejections)
    {
        var accepted = new List<(CourierEventReport, DeliveryEventRecord)>();
        var simulated = new Dictionary<string, StopStatus>(StringComparer.Ordinal);
        foreach (var e in reports ?? [])
        {
            if (e is null)
            {
                rejections.Add(new ItemRejection("event", "events", "null entry"));
                continue;
            }
            var item = "event:" + e.ClientEventId;
            if (Check(e, route, state, simulated, now, out var kind, out var stop, out var total) is { } pr)
            {
                rejections.Add(new ItemRejection(item, pr.Field, pr.Reason));
                continue;
            }
            var record = new DeliveryEventRecord(
                EventKey(deviceId, e.ClientEventId), courierId, route!.DepotId, route.RouteId, route.PlanVersion, stop!.StopId, stop.OrderId,
                kind, e.OccurredAt.ToUniversalTime(), EventSource.Tablet, e.Reason, e.RefusedItems, total, e.Note,
                stop.WindowStartUtc, stop.WindowEndUtc);
            if (!alreadyStored.Contains(record.EventKey) && kind != DeliveryEventKind.Note)
            {
                var current = simulated.GetValueOrDefault(stop.StopId, state.Stop(stop.StopId).Status);
                simulated[stop.StopId] = kind != DeliveryEventKind.Arrived ? LiveStateRules.ToStatus(kind)
                    : current == StopStatus.Open ? StopStatus.Arrived : current;
            }
            accepted.Add((e, record));
        }
        return accepted;
    }

    public static string EventKey(string deviceId, string clientEventId) => EventLimits.TabletEventKey(deviceId, clientEventId);

    private (string Field, string Reason)? Check(
        CourierEventReport e, PublishedRoute? route, CourierLiveState state, Dictionary<string, StopStatus> simulated, DateTimeOffset now,
        out DeliveryEventKind kind, out PublishedStop? stop, out decimal? total)
    {
        kind = default;
        stop = null;
        total = null;
        if (string.IsNullOrWhiteSpace(e.ClientEventId) || e.ClientEventId.Length > EventLimits.ClientEventIdLength)
        {
            return ("clientEventId", $"required, at most {EventLimits.ClientEventIdLength} characters");
        }
        if (EventLimits.TextProblem(e.Reason, e.Note, e.StopId) is { } text)
        {
            return text;
        }
        if (DeliveryEventStore.ParseKind(e.Kind) is not { } k)
        {
            return ("kind", $"'{e.Kind}' is not one of arrived, delivered, partly_delivered, failed, note");
        }
        kind = k;
        if (TimeProblem(e.OccurredAt, now) is { } tp)
        {
            return ("occurredAt", tp.Item2);
        }
        if (route is null)
        {
            return ("stopId", "the courier has no published route today");
        }
        stop = route.FindStop(e.StopId ?? "");
        if (stop is null)
        {
            return ("stopId", $"stop '{e.StopId}' is not on the courier's route {route.RouteId}");
        }
        if (stop.Status == StopStatus.Cancelled && kind != DeliveryEventKind.Note)
        {
            return ("stopId", $"stop '{e.StopId}' was cancelled");
        }
        if (kind == DeliveryEventKind.Failed && string.IsNullOrWhiteSpace(e.Reason))
        {
            return ("reason", "a failed delivery needs a reason");
        }
        if (kind == DeliveryEventKind.PartlyDelivered)
        {
            if (RefusedProblem(e, stop, out total) is { } rp)
            {
                return rp;
            }
        }
        var current = simulated.GetValueOrDefault(stop.StopId, state.Stop(stop.StopId).Status);
        var closed = current is StopStatus.Delivered or StopStatus.PartlyDelivered or StopStatus.Failed;
        if (closed && kind is not DeliveryEventKind.Note and not DeliveryEventKind.Arrived && LiveStateRules.ToStatus(kind) != current)
        {
            return ("kind", $"stop '{stop.StopId}' is already {current}; {e.Kind} contradicts it");
        }
        return null;
    }

    private static (string Field, string Reason)? RefusedProblem(CourierEventReport e, PublishedStop stop, out decimal? total)
    {
        total = null;
        if (EventLimits.RefusedProblem(e.RefusedItems, stop) is { } problem)
        {
            return problem;
        }
        total = EventLimits.TotalAfterRefusals(stop, e.RefusedItems!);
        return null;
    }

    private (string, string)? TimeProblem(DateTimeOffset t, DateTimeOffset now)
    {
        if (t > now.AddMinutes(options.FutureToleranceMinutes))
        {
            return ("recordedAt", $"{t:O} is more than {options.FutureToleranceMinutes} min in the future");
        }
        if (t < now.AddHours(-options.MaxBacklogHours))
        {
            return ("recordedAt", $"{t:O} is older than {options.MaxBacklogHours} h");
        }
        return null;
    }
}
