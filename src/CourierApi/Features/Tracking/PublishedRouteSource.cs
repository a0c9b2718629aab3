using System.Globalization;
using Delivery.CourierApi.Data;
using Delivery.Tracking.Routes;
using Npgsql;
using Delivery.Tracking.Metrics;

namespace Delivery.CourierApi.Features.Tracking;

/// <summary>
/// Tracking's view of published routes over the dispatch tables: only routes of a plan version whose status is
/// <c>published</c>. Ids are the database ids as invariant strings (route, order, courier, depot); an order
/// line's <see cref="OrderLine.Sku"/> is the item's name, as printed on the manifest. A stop's id is its order's id:
/// unique on a route and stable across plan versions, so a tablet's event stays valid when a new version is published.
/// A stop's service time is the plan's (planned departure − planned service start: the calibrated time the planner used).
/// </summary>
internal sealed class PublishedRouteSource(NpgsqlDataSource db) : IPublishedRouteSource, ICancelledStopSource
{
    private const string RouteColumns = """
        SELECT r.id, v.number, r.courier_id, p.depot_id, p.plan_date, ST_Y(d.location), ST_X(d.location), r.start_at
        FROM routes r JOIN plan_versions v ON v.id = r.plan_version_id JOIN plans p ON p.id = v.plan_id
        JOIN courier_shifts s ON s.id = r.shift_id JOIN depots d ON d.id = s.start_depot_id
        WHERE v.status = 'published'
        """;

    public async Task<PublishedRoute?> GetCourierRouteAsync(string courierId, DateOnly date, CancellationToken cancellationToken = default) =>
        long.TryParse(courierId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await ReadAsync(RouteColumns + " AND r.courier_id = $1 AND p.plan_date = $2 LIMIT 1", cancellationToken, id, date)
            : null;

    public async Task<string?> GetCourierTimeZoneAsync(string courierId, CancellationToken cancellationToken = default) =>
        long.TryParse(courierId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.ScalarAsync<string?>("SELECT d.time_zone FROM couriers c JOIN depots d ON d.id = c.depot_id WHERE c.id = $1", cancellationToken, id)
            : null;

    public async Task<PublishedRoute?> GetRouteAsync(string routeId, CancellationToken cancellationToken = default) =>
        long.TryParse(routeId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await ReadAsync(RouteColumns + " AND r.id = $1", cancellationToken, id)
            : null;

    public async Task<TrackingTarget?> FindByTrackingTokenAsync(string token, CancellationToken cancellationToken = default) =>
        await db.FirstAsync("""
            SELECT r.id, st.order_id, r.courier_id, p.plan_date
            FROM tracking_links l JOIN stops st ON st.order_id = l.order_id JOIN routes r ON r.id = st.route_id
            JOIN plan_versions v ON v.id = r.plan_version_id JOIN plans p ON p.id = v.plan_id
            WHERE l.token_hash = $1 AND v.status = 'published' LIMIT 1
            """, r => new TrackingTarget(Id(r.GetInt64(0)), Id(r.GetInt64(1)), Id(r.GetInt64(2)), r.Get<DateOnly>(3)), cancellationToken,
            CustomerPage.TrackingTokens.Hash(token));

    /// <summary>Cancelled orders on published routes, reported apart from the window-hit rate.</summary>
    public async Task<IReadOnlyList<CancelledStop>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        await db.ListAsync("""
            SELECT r.id, st.order_id, p.depot_id, r.courier_id, p.plan_date
            FROM orders o JOIN stops st ON st.order_id = o.id JOIN routes r ON r.id = st.route_id
            JOIN plan_versions v ON v.id = r.plan_version_id JOIN plans p ON p.id = v.plan_id
            WHERE o.status = 'cancelled' AND v.status = 'published' AND p.plan_date BETWEEN $1 AND $2
            """, r => new CancelledStop(Id(r.GetInt64(0)), Id(r.GetInt64(1)), Id(r.GetInt64(2)), Id(r.GetInt64(3)), r.Get<DateOnly>(4)), cancellationToken, from, to);

    private async Task<PublishedRoute?> ReadAsync(string sql, CancellationToken ct, params object[] args)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var route = await connection.FirstAsync(sql, r => new PublishedRoute(Id(r.GetInt64(0)), r.GetInt32(1), Id(r.GetInt64(2)),
            Id(r.GetInt64(3)), r.Get<DateOnly>(4), r.GetDouble(5), r.GetDouble(6), r.Get<DateTimeOffset>(7), []), ct, args);
        if (route is null)
        {
            return null;
        }
        var routeId = long.Parse(route.RouteId, CultureInfo.InvariantCulture);
        var lines = (await connection.ListAsync("""
            SELECT i.order_id, i.name, i.quantity, i.unit_price FROM order_items i JOIN stops st ON st.order_id = i.order_id
            WHERE st.route_id = $1 ORDER BY i.order_id, i.line_no
            """, r => (Order: r.GetInt64(0), Line: new OrderLine(r.GetString(1), r.GetInt32(2), r.GetDecimal(3))), ct, routeId))
            .ToLookup(x => x.Order, x => x.Line);
        var stops = await connection.ListAsync($"""
            SELECT st.order_id, st.order_id, st.sequence, ST_Y(o.location), ST_X(o.location), st.window_index,
                   {PromisedWindow.SortedWindowsSql}, round(EXTRACT(EPOCH FROM st.planned_departure - st.planned_service_start))::int, o.status
            FROM stops st JOIN orders o ON o.id = st.order_id WHERE st.route_id = $1 ORDER BY st.sequence
            """, r =>
            {
                var (start, end) = PromisedWindow.Read(r, 5, 6);
                return new PublishedStop(Id(r.GetInt64(0)), Id(r.GetInt64(1)), r.GetInt32(2), r.GetDouble(3), r.GetDouble(4), start, end,
                    r.GetInt32(7), StatusOf(r.GetString(8)), lines[r.GetInt64(1)].ToList());
            }, ct, routeId);
        return route with { Stops = stops };
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static StopStatus StatusOf(string orderStatus) => orderStatus switch
    {
        "delivered" => StopStatus.Delivered,
        "partly_delivered" => StopStatus.PartlyDelivered,
        "failed" => StopStatus.Failed,
        "cancelled" => StopStatus.Cancelled,
        _ => StopStatus.Open,
    };
}
