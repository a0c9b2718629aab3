using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using Delivery.CourierApi.Hosting;

namespace Delivery.CourierApi.Features.Orders;

/// <summary>Parses one CSV row into a <see cref="NewOrder"/>, collecting every field error of the row.</summary>
internal sealed partial class CsvOrderRow(CsvReader csv, Dictionary<string, int> index, int line, DateOnly planDate, TimeZoneInfo zone, int defaultServiceSeconds)
{
    public List<RowError> Errors { get; } = [];

    public NewOrder? Parse(string shopId)
    {
        var shopOrderId = Text("shop_order_id", required: true, max: 100);
        var customer = Text("customer_name", required: true, max: 200);
        var address = Text("address", required: true, max: 500);
        var lat = Number("lat", -90, 90, required: true);
        var lon = Number("lon", -180, 180, required: true);
        if (Get("date") is { Length: > 0 } date && (!ShopFormats.TryDate(date, out var d) || d != planDate))
        {
            Error("date", $"'{date}' is not the plan date {planDate:yyyy-MM-dd}", "notPlanDate", ("value", date), ("planDate", Day(planDate)));
        }
        var windows = new List<(DateTimeOffset, DateTimeOffset)>();
        Window("window_start", "window_end", windows);
        Window("window2_start", "window2_end", windows);
        var weight = Get("weight_g") is { Length: > 0 } ? (long)(Number("weight_g", 0, 1e9) ?? 0) : (long)Math.Round((Number("weight_kg", 0, 1e6) ?? 0) * 1000);
        var volume = Get("volume_cm3") is { Length: > 0 } ? (long)(Number("volume_cm3", 0, 1e10) ?? 0) : (long)Math.Round((Number("volume_l", 0, 1e7) ?? 0) * 1000);
        var items = Items();
        var parcels = Get("parcels") is { Length: > 0 } ? (long)(Number("parcels", 0, 100_000) ?? 1) : Math.Max(1, items.Sum(i => (long)i.Quantity));
        var service = Get("service_min") is { Length: > 0 } ? (int)Math.Round((Number("service_min", 0, 120) ?? 0) * 60) : defaultServiceSeconds;
        var priority = (int)(Number("priority", 0, 10) ?? 0);
        var skills = (Get("skills") ?? "").Split(['|', ';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (Errors.Count > 0)
        {
            return null;
        }
        return new NewOrder(shopId, shopOrderId!, planDate, lat!.Value, lon!.Value, address!, customer!, Optional("phone", 50), Optional("notes", 2000),
            windows, service, weight, volume, parcels, skills, priority, items);
    }

    private string? Get(string column) => index.TryGetValue(column, out var i) && i < csv.FieldCount ? csv.GetStringOrNull(i)?.Trim() : null;

    private void Error(string field, string reason, string code, params (string Key, string Value)[] args) =>
        Errors.Add(new RowError(line, field, reason, code, args.ToDictionary(a => a.Key, a => a.Value)));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    private string? Text(string column, bool required, int max)
    {
        var value = Get(column);
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Error(column, "is empty", "empty");
            }
            return null;
        }
        if (value.Length > max)
        {
            Error(column, $"is longer than {max} characters", "tooLong", ("max", Invariant(max)));
        }
        return value;
    }

    private string? Optional(string column, int max) => Text(column, required: false, max) is { Length: > 0 } v ? v : null;

    private double? Number(string column, double min, double max, bool required = false)
    {
        var value = Get(column);
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Error(column, "is empty", "empty");
            }
            return null;
        }
        if (!ShopFormats.TryNumber(value, out var n))
        {
            Error(column, $"'{value}' is not a number", "notNumber", ("value", value));
            return null;
        }
        if (n < min || n > max)
        {
            Error(column, $"{value} is out of range ({Invariant(min)}..{Invariant(max)})", "outOfRange", ("value", value), ("min", Invariant(min)), ("max", Invariant(max)));
            return null;
        }
        return n;
    }

    private void Window(string startColumn, string endColumn, List<(DateTimeOffset, DateTimeOffset)> windows)
    {
        var (startText, endText) = (Get(startColumn), Get(endColumn));
        if (string.IsNullOrEmpty(startText) && string.IsNullOrEmpty(endText))
        {
            return;
        }
        var start = Instant(startColumn, startText);
        var end = Instant(endColumn, endText);
        if (start is { } s && end is { } e)
        {
            if (e <= s)
            {
                Error(endColumn, $"{endText} is not after {startColumn} {startText}", "notAfterStart", ("value", endText!), ("start", startText!), ("startColumn", startColumn));
            }
            else
            {
                windows.Add((s, e));
            }
        }
    }

    private DateTimeOffset? Instant(string column, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            Error(column, "is empty (a window needs a start and an end)", "windowHalf");
            return null;
        }
        if (ShopFormats.TryTime(text, out var t))
        {
            return Zones.ToUtc(planDate, t, zone);
        }
        if (ShopFormats.TryDateTime(text, out var day, out var time))
        {
            if (day != planDate)
            {
                Error(column, $"{text} is not on the plan date {planDate:yyyy-MM-dd}", "notPlanDate", ("value", text), ("planDate", Day(planDate)));
                return null;
            }
            return Zones.ToUtc(day, time, zone);
        }
        if (text.Length > 16 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant.ToUniversalTime();
        }
        Error(column, $"'{text}' is not a time (e.g. 9:00, 09.00, 9:00 AM local to the depot, or 2026-12-01 09:00)", "notTime", ("value", text));
        return null;
    }

    private List<OrderItemDto> Items()
    {
        var items = new List<OrderItemDto>();
        if (Get("items") is { Length: > 0 } list)
        {
            foreach (var part in list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var m = ItemPattern().Match(part);
                if (!m.Success)
                {
                    Error("items", $"'{part}' is not 'name x quantity @ price'", "notItem", ("value", part));
                    continue;
                }
                var qty = int.Parse(m.Groups["qty"].Value, CultureInfo.InvariantCulture);
                if (qty <= 0)
                {
                    Error("items", $"'{part}': quantity must be at least 1", "quantity", ("value", part));
                    continue;
                }
                var price = m.Groups["price"].Success ? decimal.Parse(m.Groups["price"].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0m;
                items.Add(new OrderItemDto(m.Groups["name"].Value.Trim(), qty, price));
            }
        }
        if (Get("item_name") is { Length: > 0 } name)
        {
            var qty = (int)(Number("item_quantity", 1, 1_000_000) ?? 1);
            var price = Number("item_price", 0, 1e9) ?? 0;
            items.Add(new OrderItemDto(name, qty, Math.Round((decimal)price, 2)));
        }
        return items;
    }

    [GeneratedRegex(@"^(?<name>.+?)\s*[x×]\s*(?<qty>\d{1,6})\s*(@\s*(?<price>\d{1,9}([.,]\d{1,2})?))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPattern();
}
