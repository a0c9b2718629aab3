using System.Globalization;
using System.Security.Claims;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Hosting;
using Delivery.Planner.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Delivery.CourierApi.Features.Courier;

/// <summary>A courier's published route for a date, with what the tablet shows at each door.</summary>
/// <param name="PlanVersionId">The published plan version.</param>
/// <param name="VersionNumber">Its number (a re-publish raises it).</param>
/// <param name="Date">Service date (the depot's calendar).</param>
/// <param name="PublishedAt">When the version was published.</param>
/// <param name="Route">The route as the board shows it.</param>
/// <param name="TimeZone">The depot's IANA time zone, in which the tablet shows times.</param>
/// <param name="Path">The drawn path [longitude, latitude] from the depot through the stops back to the depot.</param>
/// <param name="Stops">Per stop (by order id, in route order): phone, notes, items, amount to collect and current status.</param>
public sealed record CourierRouteResponse(long PlanVersionId, int VersionNumber, DateOnly Date, DateTimeOffset? PublishedAt, RouteView Route,
    string TimeZone, IReadOnlyList<double[]> Path, IReadOnlyList<CourierStopDetails> Stops);

/// <summary>What the courier needs at one door.</summary>
/// <param name="OrderId">The order (the stop's id on the courier hub).</param>
/// <param name="Phone">The customer's phone, if given.</param>
/// <param name="DeliveryNotes">The customer's delivery notes, if any.</param>
/// <param name="Items">Order lines.</param>
/// <param name="Total">Amount to collect: sum of quantity × unit price.</param>
/// <param name="Status">Where the stop stands: open, arrived, delivered, partly_delivered, failed or cancelled.</param>
/// <param name="CollectedTotal">The recalculated total of a partial delivery, once recorded.</param>
public sealed record CourierStopDetails(long OrderId, string? Phone, string? DeliveryNotes, IReadOnlyList<CourierItem> Items, decimal Total, string Status,
    decimal? CollectedTotal);

/// <summary>One order line: the name is what the tablet sends back as the SKU of a refused item.</summary>
public sealed record CourierItem(string Sku, int Quantity, decimal UnitPrice);

/// <summary>What a courier's device may read: its own published route, nothing else.</summary>
internal static class CourierEndpoints
{
    public static RouteGroupBuilder MapCourier(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/courier").WithTags("Courier").RequireAuthorization(Policies.Courier);
        group.MapGet("/route", RouteAsync).WithSummary("The signed-in courier's route in the published plan for a date (default: today at the courier's depot, in its time zone).");
        return group;
    }

    internal static async Task<Results<Ok<CourierRouteResponse>, NotFound>> RouteAsync(
        DateOnly? date, ClaimsPrincipal user, FleetStore fleet, PlanStore plans, NpgsqlDataSource db, PlanReader reader, RouteEnds ends,
        IRouteGeometrySource geometry, TimeProvider time, CancellationToken ct)
    {
        var courierId = long.Parse(user.FindFirstValue(CourierDeviceDefaults.CourierIdClaim)!, CultureInfo.InvariantCulture);
        var zone = await fleet.CourierTimeZoneAsync(courierId, ct);
        var day = date ?? Zones.Today(time.GetUtcNow(), Zones.Find(zone));
        var versionId = await plans.PublishedVersionOfCourierAsync(courierId, day, ct);
        if (versionId is null)
        {
            return TypedResults.NotFound();
        }
        var view = await reader.ReadAsync(versionId.Value, onlyCouriers: [courierId]);
        var route = view.Routes.SingleOrDefault() ?? throw new NotFoundException("Route for courier", courierId);
        var (start, end) = (await ends.ReadAsync(versionId.Value))[route.RouteId];
        var path = await geometry.PathAsync([start, .. route.Stops.Select(s => new Location(s.Longitude, s.Latitude)), end], ct);
        var stops = await DetailsAsync(db, route);
        return TypedResults.Ok(new CourierRouteResponse(view.Id, view.Number, view.Date, view.PublishedAt, route, zone, path, stops));
    }

    private static async Task<List<CourierStopDetails>> DetailsAsync(NpgsqlDataSource db, RouteView route)
    {
        var orderIds = route.Stops.Select(s => s.OrderId).ToArray();
        var items = (await db.ListAsync("SELECT order_id, name, quantity, unit_price FROM order_items WHERE order_id = ANY($1) ORDER BY order_id, line_no",
            r => (Order: r.GetInt64(0), Item: new CourierItem(r.GetString(1), r.GetInt32(2), r.GetDecimal(3))), orderIds)).ToLookup(x => x.Order, x => x.Item);
        // The status a stop has reached: its last closing event on this route (tablet, paper or geofence), else arrived, else the order's own.
        var rows = await db.ListAsync("""
            SELECT o.id, o.customer_phone, o.delivery_notes, o.status,
                   (SELECT e.kind FROM delivery_events e WHERE e.stop_id = o.id::text AND e.route_id = $2 AND e.kind IN ('delivered', 'partly_delivered', 'failed')
                    ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1),
                   EXISTS (SELECT 1 FROM delivery_events e WHERE e.stop_id = o.id::text AND e.route_id = $2 AND e.kind = 'arrived'),
                   (SELECT e.recalculated_total FROM delivery_events e WHERE e.stop_id = o.id::text AND e.route_id = $2 AND e.kind = 'partly_delivered'
                    ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1)
            FROM orders o WHERE o.id = ANY($1)
            """, r => (Id: r.GetInt64(0), Phone: r.IsDBNull(1) ? null : r.GetString(1), Notes: r.IsDBNull(2) ? null : r.GetString(2), Order: r.GetString(3),
                Closed: r.IsDBNull(4) ? null : r.GetString(4), Arrived: r.GetBoolean(5), Collected: r.IsDBNull(6) ? (decimal?)null : r.GetDecimal(6)),
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
