using System.Globalization;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Features.Plans;
using Npgsql;

namespace Delivery.CourierApi.Features.Courier;

/// <summary>What the tablet shows at each door of a route: phone, notes, items, the amount to collect and how far the stop got.</summary>
internal sealed class CourierStopStore(NpgsqlDataSource db)
{
    public async Task<List<CourierStopDetails>> DetailsAsync(RouteView route, CancellationToken ct)
    {
        var orderIds = route.Stops.Select(s => s.OrderId).ToArray();
        var items = (await db.ListAsync("SELECT order_id, name, quantity, unit_price FROM order_items WHERE order_id = ANY($1) ORDER BY order_id, line_no",
            r => (Order: r.GetInt64(0), Item: new CourierItem(r.GetString(1), r.GetInt32(2), r.GetDecimal(3))), ct, orderIds)).ToLookup(x => x.Order, x => x.Item);
        // The status a stop has reached: its last closing event (tablet, paper or geofence; not a corrected one) on this route or
        // an earlier version of it (the same shift), else arrived, else the order's own.
        var rows = await db.ListAsync("""
            WITH versions AS (SELECT v.id::text AS id FROM routes r JOIN routes v ON v.shift_id = r.shift_id WHERE r.id = $2::bigint)
            SELECT o.id, o.customer_phone, o.delivery_notes, o.status,
                   (SELECT e.kind FROM delivery_events e WHERE e.route_id IN (SELECT id FROM versions) AND e.stop_id = o.id::text
                        AND e.kind IN ('delivered', 'partly_delivered', 'failed') AND e.corrected_by IS NULL
                    ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1),
                   EXISTS (SELECT 1 FROM delivery_events e WHERE e.route_id IN (SELECT id FROM versions) AND e.stop_id = o.id::text AND e.kind = 'arrived'),
                   (SELECT e.recalculated_total FROM delivery_events e WHERE e.route_id IN (SELECT id FROM versions) AND e.stop_id = o.id::text
                        AND e.kind = 'partly_delivered' AND e.corrected_by IS NULL
                    ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1)
            FROM orders o WHERE o.id = ANY($1)
            """, r => (Id: r.GetInt64(0), Phone: r.IsDBNull(1) ? null : r.GetString(1), Notes: r.IsDBNull(2) ? null : r.GetString(2), Order: r.GetString(3),
                Closed: r.IsDBNull(4) ? null : r.GetString(4), Arrived: r.GetBoolean(5), Collected: r.IsDBNull(6) ? (decimal?)null : r.GetDecimal(6)), ct,
            orderIds, route.RouteId.ToString(CultureInfo.InvariantCulture));
        var byId = rows.ToDictionary(r => r.Id);
        return route.Stops.Select(s =>
        {
            var r = byId[s.OrderId];
            var lines = items[s.OrderId].ToList();
            var status = r.Order == "cancelled" ? "cancelled" : r.Closed ?? (r.Arrived ? "arrived" : "open");
            return new CourierStopDetails(s.OrderId, r.Phone, r.Notes, lines, lines.Sum(l => l.Quantity * l.UnitPrice), status, r.Collected);
        }).ToList();
    }
}
