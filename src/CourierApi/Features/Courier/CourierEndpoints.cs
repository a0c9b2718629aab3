using System.Globalization;
using System.Security.Claims;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Data;
using Delivery.CourierApi.Features.Plans;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Delivery.CourierApi.Features.Courier;

/// <summary>A courier's published route for a date.</summary>
public sealed record CourierRouteResponse(long PlanVersionId, int VersionNumber, DateOnly Date, DateTimeOffset? PublishedAt, RouteView Route);

/// <summary>What a courier's device may read: its own published route, nothing else.</summary>
internal static class CourierEndpoints
{
    public static RouteGroupBuilder MapCourier(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/courier").WithTags("Courier").RequireAuthorization(Policies.Courier);
        group.MapGet("/route", RouteAsync).WithSummary("The signed-in courier's route in the published plan for a date (default: today, UTC).");
        return group;
    }

    internal static async Task<Results<Ok<CourierRouteResponse>, NotFound>> RouteAsync(
        DateOnly? date, ClaimsPrincipal user, NpgsqlDataSource db, PlanReader reader, TimeProvider time)
    {
        var courierId = long.Parse(user.FindFirstValue(CourierDeviceDefaults.CourierIdClaim)!, CultureInfo.InvariantCulture);
        var day = date ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var versionId = await db.ScalarAsync<long?>("""
            SELECT v.id FROM plan_versions v JOIN plans p ON p.id = v.plan_id JOIN routes r ON r.plan_version_id = v.id
            WHERE v.status = 'published' AND p.plan_date = $1 AND r.courier_id = $2 LIMIT 1
            """, day, courierId);
        if (versionId is null)
        {
            return TypedResults.NotFound();
        }
        var view = await reader.ReadAsync(versionId.Value, onlyCouriers: [courierId]);
        var route = view.Routes.SingleOrDefault() ?? throw new NotFoundException("Route for courier", courierId);
        return TypedResults.Ok(new CourierRouteResponse(view.Id, view.Number, view.Date, view.PublishedAt, route));
    }
}
