using System.Text;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Hosting;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Features.Orders;

internal static class OrdersEndpoints
{
    public static RouteGroupBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Orders").RequireAuthorization(Policies.Staff);
        group.MapPost("/depots/{depotId:long}/orders", CreateAsync).RequireAuthorization(Policies.Dispatcher).Validate<CreateOrderRequest>()
            .WithSummary("Creates one order (idempotent on shop order id: a repeat answers the existing order with 200).");
        group.MapPost("/depots/{depotId:long}/orders/batch", BatchAsync).RequireAuthorization(Policies.Dispatcher)
            .WithSummary("Creates many orders; every bad one is reported (line = position, 1-based), the good ones are kept.");
        group.MapPost("/depots/{depotId:long}/orders/import", ImportCsvAsync).RequireAuthorization(Policies.Dispatcher)
            .Accepts<string>("text/csv", "multipart/form-data").DisableAntiforgery()
            .WithSummary("Imports a shop's CSV export for a plan date (comma/semicolon, UTF-8 or Windows-1251, the shop's own column names through "
                + "`mapping`, remembered per `shop`); reports every bad row (line, field, reason) and keeps the good ones; re-importing changes nothing.");
        group.MapGet("/depots/{depotId:long}/orders", async (long depotId, DateOnly date, OrderStore s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(depotId, date, ct)))
            .WithSummary("Orders of a depot for a plan date.");
        group.MapGet("/orders/{orderId:long}", async (long orderId, OrderStore s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(orderId, ct)))
            .WithName("GetOrder").WithSummary("One order with its items.");
        return group;
    }

    internal static async Task<Results<Created<OrderResponse>, Ok<OrderResponse>>> CreateAsync(
        long depotId, CreateOrderRequest request, FleetStore fleet, OrderStore orders, OrderWriter writer, CutOff cutOff,
        CustomerPage.TrackingTokens links, IOptions<OrdersOptions> options, CancellationToken ct)
    {
        var depot = await fleet.GetDepotAsync(depotId, ct);
        var shopId = request.ShopId ?? "";
        if (await orders.FindByShopIdAsync(depotId, shopId, request.ShopOrderId, ct) is { } existing)
        {
            return TypedResults.Ok(existing);
        }
        cutOff.EnsureOpen(request.PlanDate, Zones.Find(depot.TimeZone));
        await writer.WriteAsync(depotId, [NewOrder.From(request, options.Value.DefaultServiceSeconds)], ct);
        var order = (await orders.FindByShopIdAsync(depotId, shopId, request.ShopOrderId, ct))!;
        // The one answer that shows a tracking token: the shop may send the link itself.
        return TypedResults.Created($"/api/v1/orders/{order.Id}", order with { TrackingToken = (await links.MintAsync([order.Id], ct))[order.Id] });
    }

    internal static async Task<Ok<ImportReport>> BatchAsync(
        long depotId, IReadOnlyList<CreateOrderRequest> requests, FleetStore fleet, OrderWriter writer, CutOff cutOff,
        IValidator<CreateOrderRequest> validator, IOptions<OrdersOptions> options, CancellationToken ct)
    {
        if (requests.Count > options.Value.MaxImportRows)
        {
            throw new FieldException("body", $"{requests.Count} orders exceed the limit of {options.Value.MaxImportRows} per batch; split it");
        }
        var zone = Zones.Find((await fleet.GetDepotAsync(depotId, ct)).TimeZone);
        var good = new List<NewOrder>();
        var errors = new List<RowError>();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < requests.Count; i++)
        {
            var line = i + 1;
            if (requests[i] is null)
            {
                errors.Add(new RowError(line, $"[{i}]", "the entry is empty"));
                continue;
            }
            var result = await validator.ValidateAsync(requests[i], ct);
            if (!result.IsValid)
            {
                errors.AddRange(result.Errors.Select(e => new RowError(line, ValidationFilter<CreateOrderRequest>.CamelPath(e.PropertyName), e.ErrorMessage)));
                continue;
            }
            if (!cutOff.IsOpen(requests[i].PlanDate, zone))
            {
                errors.Add(new RowError(line, "planDate", cutOff.ClosedReason(requests[i].PlanDate, zone)));
                continue;
            }
            if (!seen.Add((requests[i].ShopId ?? "", requests[i].ShopOrderId)))
            {
                errors.Add(new RowError(line, "shopOrderId", $"'{requests[i].ShopOrderId}' appears earlier in this batch", "duplicate",
                    new Dictionary<string, string> { ["value"] = requests[i].ShopOrderId }));
                continue;
            }
            good.Add(NewOrder.From(requests[i], options.Value.DefaultServiceSeconds));
        }
        var created = await writer.WriteAsync(depotId, good, ct);
        return TypedResults.Ok(new ImportReport(requests.Count, created, good.Count - created, errors));
    }

    internal static async Task<Ok<ImportReport>> ImportCsvAsync(
        long depotId, DateOnly date, string? shopId, string? shop, string? mapping, HttpRequest request, FleetStore fleet, OrderWriter writer,
        CutOff cutOff, CsvImport import, ShopMappingStore mappings, ILogger<OrderWriter> log, TimeProvider time, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        InputRules.EnsurePlanDate(date, time);
        var zone = Zones.Find((await fleet.GetDepotAsync(depotId, ct)).TimeZone);
        cutOff.EnsureOpen(date, zone);
        byte[] bytes;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            bytes = await ImportPreviewEndpoints.ReadAsync(form.Files.FirstOrDefault(), ct);
            shop = form["shop"].FirstOrDefault() ?? shop;
            mapping = form["mapping"].FirstOrDefault() ?? mapping;
        }
        else
        {
            // CsvHelper reads synchronously; buffer the body so no synchronous I/O touches the request stream.
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        var shopKey = (shop ?? shopId ?? "").Trim();
        var parsed = (await import.ReadAsync(depotId, date, bytes, shopKey, mapping, ct)).Result;
        if (parsed.Missing.Count > 0)
        {
            throw new FieldException("header", $"missing column(s) {string.Join(", ", parsed.Missing)}; found {string.Join(", ", parsed.Header)}"
                + " (map the shop's columns with the mapping field; see the preview)");
        }
        var parsedAt = time.GetTimestamp();
        var created = await writer.WriteAsync(depotId, parsed.Orders, ct);
        await mappings.RememberAsync(shopKey, parsed.Mapping, request.HttpContext.User.Identity?.Name ?? "", ct);
        OrdersLog.Imported(log, parsed.Rows, created, parsed.Errors.Count, time.GetElapsedTime(started, parsedAt).TotalMilliseconds,
            time.GetElapsedTime(parsedAt).TotalMilliseconds);
        return TypedResults.Ok(new ImportReport(parsed.Rows, created, parsed.Orders.Count - created, parsed.Errors));
    }
}

internal static partial class OrdersLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "CSV import: {Rows} rows, {Created} created, {Rejected} rejected; read {ReadMs:F0} ms, write {WriteMs:F0} ms")]
    public static partial void Imported(ILogger logger, int rows, int created, int rejected, double readMs, double writeMs);
}
