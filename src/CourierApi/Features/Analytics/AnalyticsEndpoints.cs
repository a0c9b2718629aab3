using System.Globalization;
using System.Security.Claims;
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
        group.MapGet("/window-hits", WindowHitsAsync).WithSummary("Window-hit rate with breakdowns by date, depot, courier, window slot and hour, over one depot (depotId) or every depot of the caller");
        return group;
    }

    /// <summary>Over <paramref name="depotId"/> when given (checked like every depot), else over every depot the caller works for.</summary>
    internal static async Task<Ok<WindowHitReport>> WindowHitsAsync(DateOnly from, DateOnly to, string? timeZone, long? depotId,
        ClaimsPrincipal user, WindowHitQuery query, CancellationToken ct)
    {
        var depots = depotId is { } one ? new HashSet<long> { one } : DepotClaims.Of(user);
        try
        {
            return TypedResults.Ok(await query.RunAsync(from, to, timeZone ?? "UTC",
                depots?.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToHashSet(), ct));
        }
        catch (ArgumentException ex) when (ex.ParamName is not null)
        {
            throw new FieldException(ex.ParamName, ex.Message);
        }
    }
}
