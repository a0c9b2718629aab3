using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Hosting;
using Delivery.Tracking.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.Analytics;

/// <summary>What analysts read: the window-hit rate over stored delivery events.</summary>
internal static class AnalyticsEndpoints
{
    public static RouteGroupBuilder MapAnalytics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/analytics").WithTags("Analytics").RequireAuthorization(Policies.Staff);
        group.MapGet("/window-hits", WindowHitsAsync).WithSummary("Window-hit rate with breakdowns by date, depot, courier, window slot and hour");
        return group;
    }

    internal static async Task<Ok<WindowHitReport>> WindowHitsAsync(DateOnly from, DateOnly to, string? timeZone, WindowHitQuery query, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await query.RunAsync(from, to, timeZone ?? "UTC", ct));
        }
        catch (ArgumentException ex) when (ex.ParamName is not null)
        {
            throw new FieldException(ex.ParamName, ex.Message);
        }
    }
}
