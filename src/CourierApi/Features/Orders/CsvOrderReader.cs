using CsvHelper;
using Delivery.CourierApi.Hosting;

namespace Delivery.CourierApi.Features.Orders;

/// <summary>
/// Reads a shop's order export. Header names are matched case-insensitively, with common aliases (see <see cref="Columns"/>).
/// Window times are local to the depot: <c>10:00</c> (on the plan date), <c>2026-12-01 10:00</c>, or an ISO instant with offset.
/// Items: <c>Bread x 2 @ 1.20; Milk x 1 @ 0.99</c> in one column, or one item in <c>item_name</c>/<c>item_quantity</c>/<c>item_price</c>.
/// Every bad row is reported with its line, field and reason; good rows are kept.
/// </summary>
internal sealed class CsvOrderReader(DateOnly planDate, TimeZoneInfo zone, string shopId, int defaultServiceSeconds, int maxRows)
{
    /// <summary>Canonical column → accepted header names.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["shop_order_id"] = ["shop_order_id", "order_id", "order", "reference"],
        ["customer_name"] = ["customer_name", "customer", "name"],
        ["address"] = ["address", "delivery_address"],
        ["lat"] = ["lat", "latitude"],
        ["lon"] = ["lon", "lng", "longitude"],
        ["window_start"] = ["window_start", "from"],
        ["window_end"] = ["window_end", "to"],
        ["window2_start"] = ["window2_start"],
        ["window2_end"] = ["window2_end"],
        ["phone"] = ["phone", "customer_phone", "telephone"],
        ["notes"] = ["notes", "delivery_notes", "instructions"],
        ["weight_kg"] = ["weight_kg"],
        ["weight_g"] = ["weight_g"],
        ["volume_l"] = ["volume_l"],
        ["volume_cm3"] = ["volume_cm3"],
        ["parcels"] = ["parcels", "packages", "items_count"],
        ["items"] = ["items"],
        ["item_name"] = ["item_name"],
        ["item_quantity"] = ["item_quantity", "item_qty"],
        ["item_price"] = ["item_price", "item_unit_price"],
        ["service_min"] = ["service_min"],
        ["skills"] = ["skills", "required_skills"],
        ["priority"] = ["priority"],
        ["date"] = ["date", "plan_date", "delivery_date"],
    };

    private static readonly string[] Required = ["shop_order_id", "customer_name", "address", "lat", "lon"];

    public sealed record Result(List<NewOrder> Orders, List<RowError> Errors, int Rows);

    public Result Read(TextReader text)
    {
        var options = new CsvReaderOptions { TrackLineNumbers = true, TrimWhitespace = true, SkipEmptyLines = true };
        using var csv = CsvReader.Create(text, options, false);
        var orders = new List<NewOrder>();
        var errors = new List<RowError>();
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            throw new FieldException("file", "the file is empty: expected a header line and order rows");
        }
        var index = MapHeader(header);
        var missing = Required.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FieldException("header", $"missing column(s) {string.Join(", ", missing)}; found {string.Join(", ", header)}");
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        while (csv.Read())
        {
            rows++;
            if (rows > maxRows)
            {
                errors.Add(new RowError((int)csv.LineNumber, "file", $"more than {maxRows} rows; the rest was not read"));
                break;
            }
            var line = (int)csv.LineNumber;
            var row = new CsvOrderRow(csv, index, line, planDate, zone, defaultServiceSeconds);
            var order = row.Parse(shopId);
            if (order is not null && seen.TryGetValue(order.ShopOrderId, out var first))
            {
                row.Errors.Add(new RowError(line, "shop_order_id", $"'{order.ShopOrderId}' already appears on line {first}"));
                order = null;
            }
            if (order is null)
            {
                errors.AddRange(row.Errors);
                continue;
            }
            seen[order.ShopOrderId] = line;
            orders.Add(order);
        }
        return new Result(orders, errors, rows);
    }

    private static Dictionary<string, int> MapHeader(string[] header)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().ToLowerInvariant().Replace(' ', '_');
            foreach (var (canonical, aliases) in Columns)
            {
                if (aliases.Contains(name) && !index.ContainsKey(canonical))
                {
                    index[canonical] = i;
                }
            }
        }
        return index;
    }
}
