using System.Globalization;
using System.Security.Claims;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Hosting;
using Delivery.Planner.Model;
using Microsoft.AspNetCore.Http.HttpResults;

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
        DateOnly? date, ClaimsPrincipal user, FleetStore fleet, PlanStore plans, CourierStopStore doors, PlanReader reader, RouteEnds ends,
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
        var view = await reader.ReadAsync(versionId.Value, ct, onlyCouriers: [courierId]);
        var route = view.Routes.SingleOrDefault() ?? throw new NotFoundException("Route for courier", courierId);
        var (start, end) = (await ends.ReadAsync(versionId.Value, ct))[route.RouteId];
        var path = await geometry.PathAsync([start, .. route.Stops.Select(s => new Location(s.Longitude, s.Latitude)), end], ct);
        var stops = await doors.DetailsAsync(route, ct);
        return TypedResults.Ok(new CourierRouteResponse(view.Id, view.Number, view.Date, view.PublishedAt, route, zone, path, stops));
    }
}
