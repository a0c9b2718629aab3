using CsvHelper;
using Delivery.CourierApi.Hosting;

namespace Delivery.CourierApi.Features.Orders;

/// <summary>
/// Reads a shop's order export: comma, semicolon, tab or pipe separated (detected), with the shop's own column names
/// mapped by <see cref="ShopColumns"/>. Numbers, dates and times are read as shops write them (<see cref="ShopFormats"/>).
/// Window times are local to the depot: <c>10:00</c> (on the plan date), <c>2026-12-01 10:00</c>, or an ISO instant with offset.
/// Items: <c>Bread x 2 @ 1.20; Milk x 1 @ 0.99</c> in one column, or one item in <c>item_name</c>/<c>item_quantity</c>/<c>item_price</c>.
/// Every bad row is reported with its line, field and reason; good rows are kept.
/// </summary>
internal sealed class CsvOrderReader(DateOnly planDate, TimeZoneInfo zone, string shopId, int defaultServiceSeconds, int maxRows)
{
    /// <param name="Orders">The good rows.</param>
    /// <param name="Lines">The file line of each good row.</param>
    /// <param name="Errors">Every bad row's field errors.</param>
    /// <param name="Rows">Data rows read.</param>
    /// <param name="Header">The header as written.</param>
    /// <param name="Mapping">Delivery column → the header it was read from.</param>
    /// <param name="Missing">Required columns no header maps to (nothing else is read then).</param>
    /// <param name="Separator">The detected field separator.</param>
    public sealed record Result(
        List<NewOrder> Orders, List<int> Lines, List<RowError> Errors, int Rows, string[] Header, Dictionary<string, string> Mapping,
        List<string> Missing, char Separator);

    /// <summary>Reads <paramref name="text"/> with <paramref name="mapping"/> (null: guessed); <paramref name="strictMapping"/> rejects a mapping naming unknown columns.</summary>
    public Result Read(string text, IReadOnlyDictionary<string, string>? mapping = null, bool strictMapping = true) =>
        Read(new StringReader(text), mapping, strictMapping);

    public Result Read(TextReader text, IReadOnlyDictionary<string, string>? mapping = null, bool strictMapping = true)
    {
        var options = new CsvReaderOptions { TrackLineNumbers = true, TrimWhitespace = true, SkipEmptyLines = true };
        using var csv = CsvReader.Create(text, options, false);
        var orders = new List<NewOrder>();
        var lines = new List<int>();
        var errors = new List<RowError>();
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            throw new FieldException("file", "the file is empty: expected a header line and order rows");
        }
        var (used, index) = ShopColumns.Resolve(header, mapping, strictMapping);
        var missing = ShopColumns.Required.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return new Result(orders, lines, errors, 0, header, used, missing, csv.Separator);
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        while (csv.Read())
        {
            rows++;
            if (rows > maxRows)
            {
                errors.Add(new RowError((int)csv.LineNumber, "file", $"more than {maxRows} rows; the rest was not read", "tooManyRows",
                    new Dictionary<string, string> { ["max"] = maxRows.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
                break;
            }
            var line = (int)csv.LineNumber;
            var row = new CsvOrderRow(csv, index, line, planDate, zone, defaultServiceSeconds);
            var order = row.Parse(shopId);
            if (order is not null && seen.TryGetValue(order.ShopOrderId, out var first))
            {
                row.Errors.Add(new RowError(line, "shop_order_id", $"'{order.ShopOrderId}' already appears on line {first}", "duplicate",
                    new Dictionary<string, string> { ["value"] = order.ShopOrderId, ["line"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
                order = null;
            }
            if (order is null)
            {
                errors.AddRange(row.Errors);
                continue;
            }
            seen[order.ShopOrderId] = line;
            orders.Add(order);
            lines.Add(line);
        }
        return new Result(orders, lines, errors, rows, header, used, missing, csv.Separator);
    }
}
