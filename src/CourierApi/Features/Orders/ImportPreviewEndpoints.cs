using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Delivery.CourierApi.Features.Orders;

/// <summary>One good row as the preview shows it.</summary>
public sealed record PreviewOrder(
    int Line, string ShopOrderId, string CustomerName, string Address, double Latitude, double Longitude,
    IReadOnlyList<WindowDto> Windows, LoadDto Demand, bool AlreadyImported);

/// <summary>The depot's order cut-off for a plan date.</summary>
/// <param name="ClosesAt">The instant orders for the date stop being accepted (UTC).</param>
/// <param name="LocalTime">The cut-off as configured, local to the depot (the evening before the plan date).</param>
/// <param name="TimeZone">The depot's time zone.</param>
/// <param name="Open">Whether orders for the date are still accepted now.</param>
public sealed record CutOffInfo(DateTimeOffset ClosesAt, TimeOnly LocalTime, string TimeZone, bool Open);

/// <summary>
/// What an import of the file would do, with nothing written. <see cref="Mapping"/> (Delivery column → the file's header)
/// is what the import will use when sent back as <c>mapping</c>; the import remembers it for the shop.
/// </summary>
/// <param name="Encoding"><c>utf-8-bom</c>, <c>utf-8</c> or <c>windows-1251</c>.</param>
/// <param name="Separator">The detected field separator.</param>
/// <param name="Columns">The file's header, as written.</param>
/// <param name="Mapping">Delivery column → the header it is read from.</param>
/// <param name="MappingSource">Where the mapping came from: the request, the shop's remembered mapping, or guessed.</param>
/// <param name="Unmapped">Headers no Delivery column reads.</param>
/// <param name="MissingRequired">Required Delivery columns no header maps to (rows are not read until they are mapped).</param>
/// <param name="KnownColumns">Every Delivery column a mapping may name.</param>
/// <param name="Rows">Data rows in the file.</param>
/// <param name="Good">Rows that would be accepted (including ones already imported).</param>
/// <param name="AlreadyImported">Good rows whose shop order id the depot already has: an import leaves them unchanged.</param>
/// <param name="Rejected">Every bad row: line (the header is line 1), Delivery field, reason.</param>
/// <param name="Sample">The first good rows.</param>
/// <param name="CutOff">The cut-off for the plan date.</param>
public sealed record ImportPreview(
    string Encoding, string Separator, IReadOnlyList<string> Columns, IReadOnlyDictionary<string, string> Mapping, MappingSource MappingSource,
    IReadOnlyList<string> Unmapped, IReadOnlyList<string> MissingRequired, IReadOnlyList<string> KnownColumns,
    int Rows, int Good, int AlreadyImported, IReadOnlyList<RowError> Rejected, IReadOnlyList<PreviewOrder> Sample, CutOffInfo CutOff);

/// <summary>The CSV import preview and the depot's cut-off.</summary>
internal static class ImportPreviewEndpoints
{
    private const int SampleRows = 5;

    public static RouteGroupBuilder MapImportPreview(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Orders").RequireAuthorization(Policies.Staff);
        group.MapPost("/depots/{depotId:long}/orders/import/preview", PreviewAsync).RequireAuthorization(Policies.Dispatcher)
            .DisableAntiforgery().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("PreviewOrderImport")
            .WithSummary("Reads a shop's CSV (multipart: file, optional shop and mapping as a JSON object) and reports detected columns, the mapping, every bad row and a sample; writes nothing.");
        group.MapGet("/depots/{depotId:long}/cut-off", CutOffAsync).WithName("GetCutOff").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The depot's order cut-off for a plan date (orders created after it are marked late in the order list).");
        return group;
    }

    internal static async Task<Ok<ImportPreview>> PreviewAsync(
        long depotId, [FromQuery] DateOnly date, IFormFile? file, [FromForm] string? shop, [FromForm] string? mapping, [FromQuery(Name = "shop")] string? shopQuery,
        CsvImport import, FleetStore fleet, OrderStore orders, CutOff cutOff, TimeProvider time, CancellationToken ct)
    {
        InputRules.EnsurePlanDate(date, time);
        var shopId = (shop ?? shopQuery ?? "").Trim();
        var bytes = await ReadAsync(file, ct);
        var parsed = await import.ReadAsync(depotId, date, bytes, shopId, mapping, ct);
        var r = parsed.Result;
        var existing = r.Orders.Count == 0 ? [] : (await orders.ExistingShopOrderIdsAsync(depotId, shopId, r.Orders.Select(o => o.ShopOrderId).ToArray(), ct))
            .ToHashSet(StringComparer.Ordinal);
        var sample = r.Orders.Zip(r.Lines).Take(SampleRows).Select(p => new PreviewOrder(
            p.Second, p.First.ShopOrderId, p.First.CustomerName, p.First.Address, p.First.Latitude, p.First.Longitude,
            p.First.Windows.Select(w => new WindowDto(w.Start, w.End)).ToList(),
            new LoadDto(p.First.WeightGrams, p.First.VolumeCm3, p.First.Parcels), existing.Contains(p.First.ShopOrderId))).ToList();
        var used = r.Mapping.Values.ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(new ImportPreview(
            parsed.Encoding, r.Separator.ToString(), r.Header, r.Mapping, parsed.Source,
            r.Header.Where(h => !used.Contains(h)).ToList(), r.Missing, ShopColumns.Canonical.ToList(),
            r.Rows, r.Orders.Count, existing.Count, r.Errors, sample, await CutOffAsync(depotId, date, fleet, cutOff, ct)));
    }

    internal static async Task<CutOffInfo> CutOffAsync(long depotId, [FromQuery] DateOnly date, FleetStore fleet, CutOff cutOff, CancellationToken ct)
    {
        var depot = await fleet.GetDepotAsync(depotId, ct);
        var zone = Zones.Find(depot.TimeZone);
        return new CutOffInfo(cutOff.ClosesAt(date, zone), cutOff.LocalTime, depot.TimeZone, cutOff.IsOpen(date, zone));
    }

    /// <summary>The uploaded file's bytes (buffered: CsvHelper reads synchronously, and the encoding is detected on the whole file).</summary>
    internal static async Task<byte[]> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            throw new FieldException("file", "the form has no file, or the file is empty");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
