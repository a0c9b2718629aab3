using System.Globalization;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Hosting;
using Delivery.Manifests.Codes;
using Delivery.Tracking;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Routes;
using Delivery.Tracking.Storage;
using Npgsql;

namespace Delivery.CourierApi.Features.Manifests;

/// <summary>One outcome written on a paper manifest.</summary>
/// <param name="StopCode">The stop code printed next to the stop (e.g. <c>0Y4K-G1R3</c>); case, spaces and hyphens are ignored.</param>
/// <param name="Outcome"><c>delivered</c>, <c>partly_delivered</c> or <c>failed</c>.</param>
/// <param name="RefusedItems">For <c>partly_delivered</c>: the items refused, by their printed name.</param>
/// <param name="Reason">For <c>failed</c>: why (required).</param>
/// <param name="HandoverAt">The handover time written on the paper (an instant; not in the future).</param>
/// <param name="Note">Free text.</param>
public sealed record PaperOutcomeEntry(string? StopCode, string? Outcome, IReadOnlyList<PaperRefusedItem>? RefusedItems, string? Reason,
    DateTimeOffset? HandoverAt, string? Note = null);

/// <summary>An item refused at the door.</summary>
/// <param name="Item">The item's name as printed on the manifest.</param>
/// <param name="Quantity">How many units were refused (1 up to the ordered quantity).</param>
public sealed record PaperRefusedItem(string Item, int Quantity);

/// <summary>What happened to one entry.</summary>
/// <param name="Index">Position in the request list.</param>
/// <param name="StopCode">The code as sent.</param>
/// <param name="Recorded">True when the outcome is on record (stored now, already stored the same, or stored as a correction).</param>
/// <param name="RouteId">The route the code names, when it could be read.</param>
/// <param name="Sequence">The stop's position in the route, when the code could be read.</param>
/// <param name="OrderId">The order served, when recorded.</param>
/// <param name="Field">The refused field (e.g. <c>[2].stopCode</c>), when refused.</param>
/// <param name="Reason">Why it was refused.</param>
/// <param name="CorrectedFrom">When this entry corrected an earlier paper outcome of the stop: that outcome (kept, marked corrected).</param>
public sealed record PaperOutcomeResult(int Index, string? StopCode, bool Recorded, long? RouteId, int? Sequence, long? OrderId, string? Field, string? Reason,
    string? CorrectedFrom = null);

/// <summary>Body of one outcome entered from the board for a route's stop.</summary>
/// <param name="Kind"><c>delivered</c>, <c>partly_delivered</c> or <c>failed</c>.</param>
/// <param name="OccurredAt">Handover time (an instant; not in the future).</param>
/// <param name="Reason">Required for failed.</param>
/// <param name="RefusedItems">Required for partly delivered: the items refused, by their printed name (<c>sku</c>).</param>
/// <param name="Note">Free text.</param>
public sealed record PaperOutcomeRequest(string? Kind, DateTimeOffset? OccurredAt, string? Reason, IReadOnlyList<RefusedItem>? RefusedItems, string? Note);

/// <summary>
/// The one way paper outcomes come in, by stop code (a pack of manifests) or by route and stop (the board): the stop must be
/// on a route of the current published version (a code is verified against it: an outdated version or another route's
/// code is refused with the reason), the handover time is required and not in the future, refused items are items of
/// the order; then tracking's <see cref="PaperOutcomeRecorder"/> stores it (source <c>paper</c>), so it counts in the
/// window-hit rate. The same outcome sent again changes nothing; another outcome for the same stop is a correction,
/// stored with the earlier one kept. Entries are independent: a refused one does not stop the others.
/// </summary>
internal sealed class PaperOutcomeService(PaperOutcomeStore store, IPublishedRouteSource routes, PaperOutcomeRecorder recorder, TimeProvider time)
{
    public const int MaxEntries = 1000;

    /// <remarks>A code of a route outside <paramref name="depots"/> (null: every depot) is refused like an unknown one.</remarks>
    public async Task<IReadOnlyList<PaperOutcomeResult>> RecordAsync(IReadOnlyList<PaperOutcomeEntry>? entries, long? expectedRouteId, string? user,
        IReadOnlySet<long>? depots, CancellationToken ct)
    {
        if (entries is not { Count: > 0 and <= MaxEntries })
        {
            throw new FieldException("body", $"send a list of 1 to {MaxEntries} outcomes");
        }
        RouteKey? expected = null;
        if (expectedRouteId is { } id)
        {
            expected = await store.KeyAsync(id, ct) ?? throw new FieldException("routeId", $"route {id} does not exist");
        }
        var results = new List<PaperOutcomeResult>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            results.Add(await RecordCodeAsync(i, entries[i], expected, user, depots, ct));
        }
        return results;
    }

    /// <summary>One outcome for stop <paramref name="stopId"/> (its order's id) of route <paramref name="routeId"/>, entered on the board.</summary>
    public async Task<PaperOutcomeResult> RecordAtStopAsync(long routeId, long stopId, PaperOutcomeRequest body, string? user, CancellationToken ct)
    {
        // A null entry in the list stays null, to be refused by name below (not a 500 here).
        var entry = new PaperOutcomeEntry(null, body.Kind, body.RefusedItems?.Select(r => r is null ? null! : new PaperRefusedItem(r.Sku, r.Quantity)).ToList(),
            body.Reason, body.OccurredAt, body.Note);
        PaperOutcomeResult Refuse(string field, string reason) => new(0, null, false, routeId, null, null, field, reason);
        var route = await routes.GetRouteAsync(Id(routeId), ct);
        if (route is null)
        {
            return Refuse("routeId", $"route {routeId} is not on a published plan; outcomes are taken only for published routes");
        }
        if (route.FindStop(Id(stopId)) is not { } stop)
        {
            return Refuse("stopId", $"stop {stopId} is not on route {routeId}");
        }
        var result = await RecordStopAsync(0, entry, route, stop, null, user, ct);
        return result.Field is null ? result : result with { Field = result.Field["[0].".Length..] switch
        {
            "outcome" => "kind",
            "handoverAt" => "occurredAt",
            var f => f,
        } };
    }

    private async Task<PaperOutcomeResult> RecordCodeAsync(int index, PaperOutcomeEntry? entry, RouteKey? expected, string? user, IReadOnlySet<long>? depots,
        CancellationToken ct)
    {
        PaperOutcomeResult Refuse(string field, string reason, StopCode? code = null) =>
            new(index, entry?.StopCode, false, code?.RouteId, code?.Sequence, null, $"[{index}].{field}", reason);

        if (entry is null)
        {
            return Refuse("", "the entry is empty");
        }
        var parsed = StopCode.Parse(entry.StopCode);
        if (parsed.Code is not { } code)
        {
            return Refuse("stopCode", parsed.Reason);
        }
        if (await store.KeyAsync(code.RouteId, ct) is not { } printed || depots is not null && !depots.Contains(printed.DepotId))
        {
            return Refuse("stopCode", $"Stop code {code} names route {code.RouteId}, which does not exist.", code);
        }
        if (printed.CurrentVersion is not { } current)
        {
            return Refuse("stopCode", $"Route {code.RouteId} belongs to a plan that is not published; outcomes are taken only for published routes.", code);
        }
        // A code of the same courier's route in another version of the plan is an outdated (or unknown) version, not another route.
        var sameRoute = expected is null || (expected.PlanId == printed.PlanId && expected.ShiftId == printed.ShiftId);
        var verified = StopCode.Verify(entry.StopCode, sameRoute ? code.RouteId : expected!.RouteId, current);
        if (!verified.IsValid)
        {
            return Refuse("stopCode", verified.Reason, code);
        }
        var route = await routes.GetRouteAsync(Id(code.RouteId), ct);
        if (route?.Stops.FirstOrDefault(s => s.Sequence == code.Sequence) is not { } stop)
        {
            return Refuse("stopCode", $"Route {code.RouteId} has no stop {code.Sequence} in its published version.", code);
        }
        return await RecordStopAsync(index, entry, route, stop, code, user, ct);
    }

    /// <summary>The checks and the recording both entry points share, once the stop is known.</summary>
    private async Task<PaperOutcomeResult> RecordStopAsync(int index, PaperOutcomeEntry entry, PublishedRoute route, PublishedStop stop, StopCode? code,
        string? user, CancellationToken ct)
    {
        var routeId = long.Parse(route.RouteId, CultureInfo.InvariantCulture);
        PaperOutcomeResult Refuse(string field, string reason) =>
            new(index, entry.StopCode, false, routeId, stop.Sequence, null, $"[{index}].{field}", reason);

        if (entry.HandoverAt is not { } handover)
        {
            return Refuse("handoverAt", "the handover time is required");
        }
        if (handover > time.GetUtcNow().AddMinutes(5))
        {
            return Refuse("handoverAt", $"{handover:O} is in the future");
        }
        // Not before the route's day: its local midnight in the depot's zone.
        var zone = Zones.Find(await routes.GetCourierTimeZoneAsync(route.CourierId, ct) ?? "UTC");
        if (handover < LocalTime.StartOfDay(route.Date, zone))
        {
            return Refuse("handoverAt", $"{handover:O} is before the route's day {route.Date:yyyy-MM-dd}");
        }
        if (EventLimits.TextProblem(entry.Reason, entry.Note) is { } text)
        {
            return Refuse(text.Field, text.Reason);
        }
        // The printed names, matched to the order's lines; refusing an item twice counts twice against what was ordered.
        var asked = entry.RefusedItems?.Select(i => i is null ? null : new RefusedItem(i.Item, i.Quantity)).ToList();
        if (asked is { Count: > 0 } && EventLimits.RefusedProblem(asked, stop) is { } problem)
        {
            return Refuse(problem.Field, problem.Reason);
        }
        var refused = (asked ?? []).Select(i => new RefusedItem(
            stop.Lines.First(l => string.Equals(l.Sku, i!.Sku.Trim(), StringComparison.OrdinalIgnoreCase)).Sku, i!.Quantity)).ToList();
        var recording = await recorder.RecordAsync(new PaperOutcome(route.RouteId, stop.StopId, entry.Outcome?.Trim().ToLowerInvariant() ?? "",
            handover.ToUniversalTime(), entry.Reason, refused.Count > 0 ? refused : null, entry.Note, user), ct);
        if (recording.Rejection is { } rejection)
        {
            return Refuse(rejection.Field == "kind" ? "outcome" : rejection.Field, rejection.Reason);
        }
        return new PaperOutcomeResult(index, entry.StopCode, true, routeId, stop.Sequence, long.Parse(stop.OrderId, CultureInfo.InvariantCulture), null, null,
            recording.Replaced is { } before ? DeliveryEventStore.KindText(before.Kind) : null);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A route's plan and shift, and the number of its plan's published version (null when none is).</summary>
internal sealed record RouteKey(long RouteId, long PlanId, long ShiftId, int? CurrentVersion, long DepotId);

/// <summary>What paper outcomes read of the dispatch tables.</summary>
internal sealed class PaperOutcomeStore(NpgsqlDataSource db)
{
    public Task<RouteKey?> KeyAsync(long routeId, CancellationToken ct) => db.FirstAsync("""
        SELECT r.id, v.plan_id, r.shift_id,
               (SELECT pv.number FROM plan_versions pv WHERE pv.plan_id = v.plan_id AND pv.status = 'published'), p.depot_id
        FROM routes r JOIN plan_versions v ON v.id = r.plan_version_id JOIN plans p ON p.id = v.plan_id WHERE r.id = $1
        """, r => new RouteKey(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.Opt<int>(3), r.GetInt64(4)), ct, routeId);
}
