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
    /// most the ordered quantity in total (the same item listed twice counts once against the order). Null when valid.
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
            var line = Line(stop, r.Sku);
            if (line is null)
            {
                return (field, $"'{r.Sku}' is not an item of order {stop.OrderId} (items: {string.Join(", ", stop.Lines.Select(l => l.Sku))})");
            }
            var total = taken.GetValueOrDefault(line.Sku) + r.Quantity;
            if (r.Quantity < 1 || total > line.Quantity)
            {
                return (field, r.Quantity < 1
                    ? $"quantity {r.Quantity} of '{line.Sku}' must be at least 1"
                    : $"'{line.Sku}' refused {total} times in all, more than the {line.Quantity} ordered");
            }
            taken[line.Sku] = total;
        }
        return null;
    }

    /// <summary>The stop's total less the refused items (valid by <see cref="RefusedProblem"/>), never below zero.</summary>
    public static decimal TotalAfterRefusals(PublishedStop stop, IReadOnlyList<RefusedItem?> refused)
    {
        ArgumentNullException.ThrowIfNull(stop);
        ArgumentNullException.ThrowIfNull(refused);
        var total = stop.Total - refused.Sum(r => r is null ? 0 : r.Quantity * (Line(stop, r.Sku)?.UnitPrice ?? 0));
        return Math.Max(0, total);
    }

    private static OrderLine? Line(PublishedStop stop, string? sku) =>
        sku is null || sku.Length > SkuLength ? null : stop.Lines.FirstOrDefault(l => string.Equals(l.Sku, sku.Trim(), StringComparison.OrdinalIgnoreCase));
}
