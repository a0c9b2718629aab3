using Delivery.Tracking.Routes;
using Delivery.Tracking.Storage;

namespace Delivery.Tracking.Ingest;

/// <summary>An outcome entered from a paper manifest after the fact.</summary>
/// <param name="RouteId">Route.</param>
/// <param name="StopId">Stop.</param>
/// <param name="Kind"><c>delivered</c>, <c>partly_delivered</c> or <c>failed</c>.</param>
/// <param name="OccurredAt">Handover time written on the manifest (UTC).</param>
/// <param name="Reason">Required for <c>failed</c>.</param>
/// <param name="RefusedItems">Required for <c>partly_delivered</c>.</param>
/// <param name="Note">Free text.</param>
/// <param name="EnteredBy">Who typed it in, for the audit of corrections.</param>
public sealed record PaperOutcome(string RouteId, string StopId, string Kind, DateTimeOffset OccurredAt, string? Reason = null,
    IReadOnlyList<RefusedItem>? RefusedItems = null, string? Note = null, string? EnteredBy = null);

/// <summary>What recording a paper outcome did.</summary>
/// <param name="Rejection">Why it was refused (field and reason); null when it was recorded.</param>
/// <param name="Changed">False when the same outcome was already recorded (nothing stored).</param>
/// <param name="Replaced">The earlier paper outcome this one corrects (kept, marked corrected), if any.</param>
public sealed record PaperRecording(ItemRejection? Rejection, bool Changed, DeliveryEventRecord? Replaced)
{
    /// <summary>True when the outcome is on record (new, unchanged or a correction).</summary>
    public bool Recorded => Rejection is null;
}

/// <summary>
/// Stores paper outcomes as delivery events (source <c>paper</c>), so they count in the window-hit rate like tablet
/// outcomes. Sending the same outcome again stores nothing; sending another outcome for the same stop is a correction:
/// it is stored as a new event that names the one it corrects, and the corrected one stays, marked, so both values are kept.
/// A stored outcome moves the courier's live state like a tablet's (the customer's view, the live board).
/// </summary>
public sealed class PaperOutcomeRecorder(IPublishedRouteSource routes, DeliveryEventStore events, TrackingIngestor live)
{
    /// <summary>Records <paramref name="outcome"/>.</summary>
    public async Task<PaperRecording> RecordAsync(PaperOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var item = $"paper:{outcome.RouteId}:{outcome.StopId}";
        PaperRecording Refuse(string field, string reason) => new(new ItemRejection(item, field, reason), false, null);
        var kind = DeliveryEventStore.ParseKind(outcome.Kind);
        if (kind is null or DeliveryEventKind.Arrived or DeliveryEventKind.Note)
        {
            return Refuse("kind", $"'{outcome.Kind}' is not one of delivered, partly_delivered, failed");
        }
        var route = await routes.GetRouteAsync(outcome.RouteId, cancellationToken).ConfigureAwait(false);
        if (route?.FindStop(outcome.StopId) is not { } stop)
        {
            return Refuse("stopId", $"stop '{outcome.StopId}' is not on route '{outcome.RouteId}'");
        }
        if (kind == DeliveryEventKind.Failed && string.IsNullOrWhiteSpace(outcome.Reason))
        {
            return Refuse("reason", "a failed delivery needs a reason");
        }
        if (EventLimits.TextProblem(outcome.Reason, outcome.Note) is { } text)
        {
            return Refuse(text.Field, text.Reason);
        }
        if (kind == DeliveryEventKind.PartlyDelivered && EventLimits.RefusedProblem(outcome.RefusedItems, stop) is { } refused)
        {
            return Refuse(refused.Field, refused.Reason);
        }
        decimal? total = kind == DeliveryEventKind.PartlyDelivered ? EventLimits.TotalAfterRefusals(stop, outcome.RefusedItems!) : null;
        var history = await events.ListPaperHistoryAsync(route.RouteId, stop.StopId, cancellationToken).ConfigureAwait(false);
        var current = history.LastOrDefault(e => e.IsHandover && history.All(h => h.Corrects != e.EventKey));
        var record = new DeliveryEventRecord(history.Count == 0 ? item : $"{item}:{history.Count + 1}", route.CourierId, route.DepotId,
            route.RouteId, route.PlanVersion, stop.StopId, stop.OrderId, kind.Value, outcome.OccurredAt.ToUniversalTime(), EventSource.Paper,
            outcome.Reason, outcome.RefusedItems, total, outcome.Note, stop.WindowStartUtc, stop.WindowEndUtc, current?.EventKey, outcome.EnteredBy);
        if (current is not null && SameOutcome(current, record))
        {
            return new PaperRecording(null, false, null);
        }
        var stored = await events.AppendAsync([record], cancellationToken).ConfigureAwait(false);
        // Two dispatchers correcting the same stop at once: the second finds its key taken and sends again.
        if (stored.Count == 0)
        {
            return Refuse("stopId", $"stop '{outcome.StopId}' was corrected by someone else just now; look at it again and resend");
        }
        await live.ApplyRecordedAsync(route, record, cancellationToken).ConfigureAwait(false);
        return new PaperRecording(null, true, current);
    }

    private static bool SameOutcome(DeliveryEventRecord a, DeliveryEventRecord b) =>
        a.Kind == b.Kind && Math.Abs((a.OccurredAt - b.OccurredAt).TotalMilliseconds) < 1 && a.Reason == b.Reason && a.Note == b.Note
        && (a.RefusedItems ?? []).SequenceEqual(b.RefusedItems ?? []);
}
