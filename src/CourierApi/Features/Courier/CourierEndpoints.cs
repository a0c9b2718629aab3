using System.Globalization;
using System.Security.Claims;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.Courier;

/// <summary>A courier's published route for a date.</summary>
public sealed record CourierRouteResponse(long PlanVersionId, int VersionNumber, DateOnly Date, DateTimeOffset? PublishedAt, RouteView Route);

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
        DateOnly? date, ClaimsPrincipal user, FleetStore fleet, PlanStore plans, PlanReader reader, TimeProvider time, CancellationToken ct)
    {
        var courierId = long.Parse(user.FindFirstValue(CourierDeviceDefaults.CourierIdClaim)!, CultureInfo.InvariantCulture);
        var day = date ?? Zones.Today(time.GetUtcNow(), Zones.Find(await fleet.CourierTimeZoneAsync(courierId, ct)));
        var versionId = await plans.PublishedVersionOfCourierAsync(courierId, day, ct);
        if (versionId is null)
        {
            return TypedResults.NotFound();
        }
        var view = await reader.ReadAsync(versionId.Value, onlyCouriers: [courierId]);
        var route = view.Routes.SingleOrDefault() ?? throw new NotFoundException("Route for courier", courierId);
        return TypedResults.Ok(new CourierRouteResponse(view.Id, view.Number, view.Date, view.PublishedAt, route));
    }
}
