using Delivery.CourierApi.Data;
using Delivery.CourierApi.Hosting;
using Delivery.Manifests;
using Delivery.Manifests.Model;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Delivery.CourierApi.Features.Manifests;

/// <summary>
/// Reads routes from the dispatch tables into the manifest library's input records: route, plan version number,
/// courier, vehicle, depot (its time zone for every printed time), stops in order with orders, items, notes and phones.
/// </summary>
internal sealed class ManifestStore(NpgsqlDataSource db, TimeProvider time, IOptions<ManifestPrintOptions> options)
{
    private const string Header = """
        SELECT r.id, v.number, p.plan_date, c.name, ve.code, d.name, d.address, ST_Y(d.location), ST_X(d.location), d.time_zone,
               r.start_at, r.end_at, r.distance_m, d.language
        FROM routes r JOIN plan_versions v ON v.id = r.plan_version_id JOIN plans p ON p.id = v.plan_id
        JOIN couriers c ON c.id = r.courier_id JOIN vehicles ve ON ve.id = r.vehicle_id
        JOIN courier_shifts s ON s.id = r.shift_id JOIN depots d ON d.id = s.start_depot_id
        """;

    /// <summary>One route's manifest input in <paramref name="language"/> (null: the depot's); 404 when the route does not exist.</summary>
    public async Task<ManifestRoute> RouteAsync(long routeId, CancellationToken ct, string? language = null)
    {
        var routes = await ReadAsync(Header + " WHERE r.id = $1", routeId, language, ct);
        return routes.SingleOrDefault() ?? throw new NotFoundException("Route", routeId);
    }

    /// <summary>Every route of a plan version that has stops, in route order; 404 when the version does not exist.</summary>
    public async Task<IReadOnlyList<ManifestRoute>> PlanAsync(long versionId, CancellationToken ct, string? language = null)
    {
        if (!await db.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM plan_versions WHERE id = $1)", ct, versionId))
        {
            throw new NotFoundException("Plan version", versionId);
        }
        var routes = await ReadAsync(Header + " WHERE r.plan_version_id = $1 ORDER BY r.id", versionId, language, ct);
        return routes.Where(r => r.Stops.Count > 0).ToList();
    }

    private async Task<List<ManifestRoute>> ReadAsync(string headerSql, long key, string? language, CancellationToken ct)
    {
        var o = options.Value;
        var printedAt = time.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        var headers = await connection.ListAsync(headerSql, r => new ManifestRoute
        {
            RouteId = r.GetInt64(0),
            PlanVersion = r.GetInt32(1),
            Date = r.Get<DateOnly>(2),
            CourierName = Clip(r.GetString(3), 120),
            Vehicle = Clip(r.GetString(4), 120),
            Language = ManifestCatalogue.For(language ?? r.GetString(13)).Language,
            RouteName = Clip($"{ManifestCatalogue.For(language ?? r.GetString(13))["route"]} {r.GetInt64(0)} · {r.GetString(4)}", 80),
            Depot = new ManifestDepot
            {
                Name = Clip(r.GetString(5), 120),
                Address = Clip(r.GetString(6) is { Length: > 0 } a ? a : r.GetString(5), 300),
                Latitude = r.GetDouble(7),
                Longitude = r.GetDouble(8),
            },
            TimeZoneId = r.GetString(9),
            StartTime = r.Get<DateTimeOffset>(10),
            PlannedHours = Math.Max(0, (r.Get<DateTimeOffset>(11) - r.Get<DateTimeOffset>(10)).TotalHours),
            PlannedKm = r.GetInt64(12) / 1000.0,
            PrintedAt = printedAt,
            DispatcherPhone = Clip(o.DispatcherPhone, 40),
            Currency = o.Currency,
            Stops = [],
        }, ct, key);
        if (headers.Count == 0)
        {
            return headers;
        }
        var ids = headers.Select(h => h.RouteId).ToArray();
        var items = (await connection.ListAsync("""
            SELECT i.order_id, i.name, i.quantity, i.unit_price FROM order_items i JOIN stops st ON st.order_id = i.order_id
            WHERE st.route_id = ANY($1) ORDER BY i.order_id, i.line_no
            """, r => (Order: r.GetInt64(0), Item: new ManifestItem { Name = Clip(r.GetString(1), 200), Quantity = r.GetInt32(2), UnitPrice = r.GetDecimal(3) }), ct, ids))
            .ToLookup(x => x.Order, x => x.Item);
        var stops = (await connection.ListAsync($"""
            SELECT st.route_id, st.sequence, o.id, o.shop_order_id, st.planned_arrival, st.window_index,
                   {PromisedWindow.SortedWindowsSql},
                   o.customer_name, o.address, o.customer_phone, o.delivery_notes, ST_Y(o.location), ST_X(o.location)
            FROM stops st JOIN orders o ON o.id = st.order_id WHERE st.route_id = ANY($1) ORDER BY st.route_id, st.sequence
            """, r =>
            {
                var (windowStart, windowEnd) = PromisedWindow.Read(r, 5, 6);
                var orderItems = items[r.GetInt64(2)].ToList();
                return (Route: r.GetInt64(0), Stop: new ManifestStop
                {
                    Sequence = r.GetInt32(1),
                    OrderId = Clip(r.GetString(3), 64),
                    PlannedArrival = r.Get<DateTimeOffset>(4),
                    WindowStart = windowStart,
                    WindowEnd = windowEnd,
                    CustomerName = Clip(r.GetString(7), 120),
                    Address = Clip(r.GetString(8), 400),
                    Phone = r.OptString(9) is { } phone ? Clip(phone, 40) : null,
                    DeliveryNotes = r.OptString(10),
                    Latitude = r.GetDouble(11),
                    Longitude = r.GetDouble(12),
                    Items = orderItems,
                    AmountToCollect = o.CollectOnDelivery ? orderItems.Sum(i => i.LineTotal) : 0,
                });
            }, ct, ids))
            .ToLookup(x => x.Route, x => x.Stop);
        return headers.Select(h => h with { Stops = stops[h.RouteId].ToList() }).ToList();
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
