using Delivery.Tracking.Routes;
using Delivery.Tracking.Storage;

namespace Delivery.Tracking.Ingest;

/// <summary>An outcome entered from a paper manifest (by stop code) after the fact.</summary>
/// <param name="RouteId">Route.</param>
/// <param name="StopId">Stop.</param>
/// <param name="Kind"><c>delivered</c>, <c>partly_delivered</c> or <c>failed</c>.</param>
/// <param name="OccurredAt">Handover time written on the manifest (UTC).</param>
/// <param name="Reason">Required for <c>failed</c>.</param>
/// <param name="RefusedItems">Required for <c>partly_delivered</c>.</param>
/// <param name="Note">Free text.</param>
public sealed record PaperOutcome(string RouteId, string StopId, string Kind, DateTimeOffset OccurredAt, string? Reason = null, IReadOnlyList<RefusedItem>? RefusedItems = null, string? Note = null);

/// <summary>
/// Stores paper outcomes as delivery events (source <c>paper</c>), idempotent per stop, so they count in the
/// window-hit rate like tablet outcomes.
/// </summary>
public sealed class PaperOutcomeRecorder
{
    private readonly IPublishedRouteSource _routes;
    private readonly DeliveryEventStore _events;

    internal PaperOutcomeRecorder(IPublishedRouteSource routes, DeliveryEventStore events)
    {
        _routes = routes;
        _events = events;
    }

    /// <summary>Records <paramref name="outcome"/>; returns null on success or the rejection (field and reason).</summary>
    public async Task<ItemRejection?> RecordAsync(PaperOutcome outcome, CancellationToken cancellationToken = default)
    {
        var item = $"paper:{outcome.RouteId}:{outcome.StopId}";
        var kind = DeliveryEventStore.ParseKind(outcome.Kind);
        if (kind is null or DeliveryEventKind.Arrived or DeliveryEventKind.Note)
        {
            return new ItemRejection(item, "kind", $"'{outcome.Kind}' is not one of delivered, partly_delivered, failed");
        }
        var route = await _routes.GetRouteAsync(outcome.RouteId, cancellationToken).ConfigureAwait(false);
        if (route?.FindStop(outcome.StopId) is not { } stop)
        {
            return new ItemRejection(item, "stopId", $"stop '{outcome.StopId}' is not on route '{outcome.RouteId}'");
        }
        if (kind == DeliveryEventKind.Failed && string.IsNullOrWhiteSpace(outcome.Reason))
        {
            return new ItemRejection(item, "reason", "a failed delivery needs a reason");
        }
        if (kind == DeliveryEventKind.PartlyDelivered && outcome.RefusedItems is not { Count: > 0 })
        {
            return new ItemRejection(item, "refusedItems", "a partial delivery needs the refused items");
        }
        decimal? total = kind == DeliveryEventKind.PartlyDelivered
            ? stop.Total - outcome.RefusedItems!.Sum(r => r.Quantity * (stop.Lines.FirstOrDefault(l => l.Sku == r.Sku)?.UnitPrice ?? 0))
            : null;
        await _events.AppendAsync(
        [
            new DeliveryEventRecord(item, route.CourierId, route.DepotId, route.RouteId, route.PlanVersion, stop.StopId, stop.OrderId,
                kind.Value, outcome.OccurredAt.ToUniversalTime(), EventSource.Paper, outcome.Reason, outcome.RefusedItems, total, outcome.Note,
                stop.WindowStartUtc, stop.WindowEndUtc),
        ], cancellationToken).ConfigureAwait(false);
        return null;
    }
}
