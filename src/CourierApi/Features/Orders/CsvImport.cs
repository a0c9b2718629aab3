using System.Text.Json;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Hosting;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Features.Orders;

/// <summary>
/// One reading of an uploaded CSV shared by the preview and the import: decoded (UTF-8 with or without BOM, else
/// Windows-1251), its separator detected, its columns mapped (the request's mapping, else the shop's remembered one,
/// guesses for the rest), every row checked.
/// </summary>
internal sealed class CsvImport(FleetStore fleet, ShopMappingStore mappings, IOptions<OrdersOptions> options)
{
    /// <summary>What was read and how.</summary>
    public sealed record Parsed(CsvOrderReader.Result Result, string Encoding, MappingSource Source, TimeZoneInfo Zone);

    public async Task<Parsed> ReadAsync(long depotId, DateOnly date, byte[] file, string shop, string? mappingJson, CancellationToken ct)
    {
        var zone = Zones.Find((await fleet.GetDepotAsync(depotId, ct)).TimeZone);
        var requested = ParseMapping(mappingJson);
        var remembered = requested is null ? await mappings.FindAsync(shop, ct) : null;
        var source = requested is not null ? MappingSource.Request : remembered is not null ? MappingSource.Remembered : MappingSource.Guessed;
        var (text, encoding) = ShopFormats.Decode(file);
        var reader = new CsvOrderReader(date, zone, shop, options.Value.DefaultServiceSeconds, options.Value.MaxImportRows);
        // A remembered mapping may name columns the shop no longer exports; those are guessed again instead of refused.
        var result = reader.Read(text, requested ?? remembered, strictMapping: requested is not null);
        return new Parsed(result, encoding, source, zone);
    }

    /// <summary>The <c>mapping</c> field: a JSON object of Delivery column → the file's header.</summary>
    private static Dictionary<string, string>? ParseMapping(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json)
                ?? throw new FieldException("mapping", "must be a JSON object of Delivery column → the file's column name");
        }
        catch (JsonException ex)
        {
            throw new FieldException("mapping", $"is not a JSON object of column names ({ex.Message})");
        }
    }
}
