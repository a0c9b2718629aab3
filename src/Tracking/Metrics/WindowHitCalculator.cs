using System.Globalization;
using Delivery.Tracking.Storage;

namespace Delivery.Tracking.Metrics;

/// <summary>
/// Computes the window-hit rate from stored events: per stop the first handover (delivered, partly delivered or
/// failed at the door; tablet and paper alike) is compared with the promised window. Pure.
/// </summary>
public static class WindowHitCalculator
{
    /// <summary>The first handover of each stop, classified.</summary>
    public static IReadOnlyList<WindowOutcome> Outcomes(IEnumerable<DeliveryEventRecord> events) =>
        events.Where(e => e.IsHandover)
            .GroupBy(e => (e.RouteId, e.StopId))
            .Select(g => WindowOutcome.Of(g.OrderBy(e => e.OccurredAt).First()))
            .ToList();

    /// <summary>Builds the report for service dates <paramref name="from"/>…<paramref name="to"/> in <paramref name="zone"/>.</summary>
    public static WindowHitReport Compute(
        IEnumerable<DeliveryEventRecord> events, IEnumerable<CancelledStop> cancelled, DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        var outcomes = Outcomes(events).Where(o => Date(o, zone) is var d && d >= from && d <= to).ToList();
        var cancels = cancelled.Where(c => c.Date >= from && c.Date <= to).ToList();
        return new WindowHitReport(
            from, to, zone.Id,
            Group("all", outcomes, cancels.Count),
            By(outcomes, o => Date(o, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                cancels, c => c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            By(outcomes, o => o.Handover.DepotId, cancels, c => c.DepotId),
            By(outcomes, o => o.Handover.CourierId, cancels, c => c.CourierId),
            By(outcomes, o => Slot(o, zone), [], _ => ""),
            By(outcomes, o => Local(o.Handover.OccurredAt, zone).Hour.ToString("00", CultureInfo.InvariantCulture), [], _ => ""));
    }

    private static List<WindowHitGroup> By(
        List<WindowOutcome> outcomes, Func<WindowOutcome, string> key, List<CancelledStop> cancels, Func<CancelledStop, string> cancelKey)
    {
        var keys = outcomes.Select(key).Concat(cancels.Select(cancelKey)).Distinct().Order(StringComparer.Ordinal);
        return keys.Select(k => Group(k, outcomes.Where(o => key(o) == k).ToList(), cancels.Count(c => cancelKey(c) == k))).ToList();
    }

    private static WindowHitGroup Group(string key, List<WindowOutcome> outcomes, int cancelled)
    {
        var early = outcomes.Where(o => o.Result == WindowResult.Early).ToList();
        var late = outcomes.Where(o => o.Result == WindowResult.Late).ToList();
        var hits = outcomes.Count(o => o.Result == WindowResult.Hit);
        var attempted = hits + early.Count + late.Count;
        return new WindowHitGroup(
            key, attempted, hits, early.Count, late.Count,
            attempted == 0 ? 0 : (double)hits / attempted,
            early.Count == 0 ? 0 : early.Average(o => o.EarlyMinutes),
            late.Count == 0 ? 0 : late.Average(o => o.LateMinutes),
            cancelled,
            outcomes.Count(o => o.Result == WindowResult.NoWindow));
    }

    private static DateOnly Date(WindowOutcome o, TimeZoneInfo zone) =>
        LocalTime.DateAt(o.Handover.WindowStartUtc ?? o.Handover.OccurredAt, zone);

    private static string Slot(WindowOutcome o, TimeZoneInfo zone) =>
        o.Handover is { WindowStartUtc: { } s, WindowEndUtc: { } e }
            ? $"{Local(s, zone):HH\\:mm}–{Local(e, zone):HH\\:mm}"
            : "none";

    private static DateTimeOffset Local(DateTimeOffset t, TimeZoneInfo zone) => LocalTime.ToLocal(t, zone);
}
