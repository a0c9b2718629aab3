using System.Globalization;
using Delivery.Tracking.Routes;

namespace Delivery.Tracking.Ingest;

/// <summary>
/// Bounds of what a stop event may carry, from a tablet or a paper manifest alike: the hub's message size is derived
/// from them (<see cref="TrackingOptions.MaxMessageBytes"/>), and a refused-item list can never take a total below zero.
/// </summary>
public static class EventLimits
{
    /// <summary>Longest client event id.</summary>
    public const int ClientEventIdLength = 200;

    /// <summary>The stored key of a tablet's event: the device and the id the tablet gave it (a re-send finds the same key).</summary>
    public static string TabletEventKey(string deviceId, string clientEventId) => deviceId + ":" + clientEventId;

    /// <summary>Longest stop id.</summary>
    public const int StopIdLength = 100;

    /// <summary>Longest reason of a failed delivery.</summary>
    public const int ReasonLength = 500;

    /// <summary>Longest free-text note.</summary>
    public const int NoteLength = 1000;

    /// <summary>Most refused-item entries in one partial delivery.</summary>
    public const int RefusedItems = 50;

    /// <summary>Longest item name (SKU) in a refused-item entry.</summary>
    public const int SkuLength = 200;

    /// <summary>The first text field over its bound, as (field, reason).</summary>
    public static (string Field, string Reason)? TextProblem(string? reason, string? note, string? stopId = null) =>
        stopId?.Length > StopIdLength ? ("stopId", $"at most {StopIdLength} characters")
        : reason?.Length > ReasonLength ? ("reason", $"at most {ReasonLength} characters")
        : note?.Length > NoteLength ? ("note", $"at most {NoteLength} characters")
        : null;

    /// <summary>
    /// Checks a partial delivery's refused items against the stop's order lines: a non-empty list of at most
    /// <see cref="RefusedItems"/> entries, each an item of the order (case-insensitive), no null entry, and per item at
    /// most the ordered quantity in total: an item listed twice in the request counts once against the order, and an
    /// item on two order lines may be refused up to both lines' quantities. Null when valid.
    /// </summary>
    public static (string Field, string Reason)? RefusedProblem(IReadOnlyList<RefusedItem?>? refused, PublishedStop stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        if (refused is not { Count: > 0 })
        {
            return ("refusedItems", "a partial delivery needs the refused items");
        }
        if (refused.Count > RefusedItems)
        {
            return ("refusedItems", $"at most {RefusedItems} entries");
        }
        var taken = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < refused.Count; i++)
        {
            var field = "refusedItems[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (refused[i] is not { } r)
            {
                return (field, "the entry is empty");
            }
            var lines = Lines(stop, r.Sku);
            if (lines.Count == 0)
            {
                return (field, $"'{r.Sku}' is not an item of order {stop.OrderId} (items: {string.Join(", ", stop.Lines.Select(l => l.Sku).Distinct(StringComparer.OrdinalIgnoreCase))})");
            }
            var sku = lines[0].Sku;
            var ordered = lines.Sum(l => l.Quantity);
            var total = taken.GetValueOrDefault(sku) + r.Quantity;
            if (r.Quantity < 1 || total > ordered)
            {
                return (field, r.Quantity < 1
                    ? $"quantity {r.Quantity} of '{sku}' must be at least 1"
                    : $"'{sku}' refused {total} times in all, more than the {ordered} ordered");
            }
            taken[sku] = total;
        }
        return null;
    }

    /// <summary>
    /// The stop's total less the refused items (valid by <see cref="RefusedProblem"/>), never below zero. An item on
    /// several order lines is taken back from its lines in order, each up to its quantity at its own price; the courier
    /// app shows the same total before the courier confirms.
    /// </summary>
    public static decimal TotalAfterRefusals(PublishedStop stop, IReadOnlyList<RefusedItem?> refused)
    {
        ArgumentNullException.ThrowIfNull(stop);
        ArgumentNullException.ThrowIfNull(refused);
        var bySku = refused.OfType<RefusedItem>().GroupBy(r => r.Sku.Trim(), StringComparer.OrdinalIgnoreCase);
        var back = 0m;
        foreach (var item in bySku)
        {
            var left = item.Sum(r => r.Quantity);
            foreach (var line in Lines(stop, item.Key))
            {
                var take = Math.Min(left, line.Quantity);
                back += take * line.UnitPrice;
                left -= take;
            }
        }
        return Math.Max(0, stop.Total - back);
    }

    private static List<OrderLine> Lines(PublishedStop stop, string? sku) =>
        sku is null || sku.Length > SkuLength ? [] : stop.Lines.Where(l => string.Equals(l.Sku, sku.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
}
