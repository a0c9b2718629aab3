using Delivery.Tracking.Hubs;
using Delivery.Tracking.Ingest;
using Delivery.Tracking.Live;
using Delivery.Tracking.Metrics;
using Delivery.Tracking.Routes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Delivery.Tracking;

/// <summary>
/// Tracking's hubs and REST endpoints. The host decides authorization on the returned groups
/// (e.g. <c>.RequireAuthorization("Analyst")</c> on the analytics group).
/// </summary>
public static class TrackingEndpoints
{
    /// <summary>
    /// Maps the courier hub (<see cref="TrackingOptions.CourierHubPath"/>, policy <c>Courier</c>) and the live hub
    /// (<see cref="TrackingOptions.LiveHubPath"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapTracking(this IEndpointRouteBuilder endpoints)
    {
        var o = endpoints.ServiceProvider.GetRequiredService<IOptions<TrackingOptions>>().Value;
        endpoints.MapHub<CourierHub>(o.CourierHubPath);
        endpoints.MapHub<LiveHub>(o.LiveHubPath);
        return endpoints;
    }

    /// <summary>
    /// Maps <c>GET /api/v1/analytics/window-hits</c>, <c>POST /api/v1/routes/{routeId}/stops/{stopId}/paper-outcome</c>
    /// (dispatcher) and <c>GET /api/v1/tracking/{token}</c> (public). Returns (analytics, dispatch, public) groups.
    /// </summary>
    public static (RouteGroupBuilder Analytics, RouteGroupBuilder Dispatch, RouteGroupBuilder Public) MapTrackingApi(this IEndpointRouteBuilder endpoints)
    {
        var analytics = endpoints.MapGroup("/api/v1/analytics").WithTags("Analytics");
        analytics.MapGet("/window-hits", GetWindowHitsAsync).WithSummary("Window-hit rate with breakdowns by date, depot, courier, window slot and hour");
        var dispatch = endpoints.MapGroup("/api/v1/routes").WithTags("Tracking");
        dispatch.MapPost("/{routeId}/stops/{stopId}/paper-outcome", PostPaperOutcomeAsync).WithSummary("Record an outcome from the paper manifest");
        var open = endpoints.MapGroup("/api/v1/tracking").WithTags("Tracking");
        open.MapGet("/{token}", GetCustomerViewAsync).WithSummary("A customer's view of their delivery");
        return (analytics, dispatch, open);
    }

    /// <summary>Body of a paper outcome.</summary>
    /// <param name="Kind"><c>delivered</c>, <c>partly_delivered</c> or <c>failed</c>.</param>
    /// <param name="OccurredAt">Handover time (UTC).</param>
    /// <param name="Reason">Required for failed.</param>
    /// <param name="RefusedItems">Required for partly delivered.</param>
    /// <param name="Note">Free text.</param>
    public sealed record PaperOutcomeRequest(string Kind, DateTimeOffset OccurredAt, string? Reason, IReadOnlyList<RefusedItem>? RefusedItems, string? Note);

    /// <summary>Handler of the window-hit report.</summary>
    public static async Task<Results<Ok<WindowHitReport>, ValidationProblem>> GetWindowHitsAsync(
        DateOnly from, DateOnly to, string? timeZone, WindowHitQuery query, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await query.RunAsync(from, to, timeZone ?? "UTC", ct).ConfigureAwait(false));
        }
        catch (ArgumentException ex) when (ex.ParamName is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.ParamName] = [ex.Message] });
        }
    }

    /// <summary>Handler of a paper outcome.</summary>
    public static async Task<Results<NoContent, ValidationProblem>> PostPaperOutcomeAsync(
        string routeId, string stopId, PaperOutcomeRequest body, PaperOutcomeRecorder recorder, CancellationToken ct)
    {
        var rejection = await recorder.RecordAsync(
            new PaperOutcome(routeId, stopId, body.Kind, body.OccurredAt, body.Reason, body.RefusedItems, body.Note), ct).ConfigureAwait(false);
        return rejection is null
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [rejection.Field] = [rejection.Reason] });
    }

    /// <summary>Handler of a customer's tracking view.</summary>
    public static async Task<Results<Ok<CustomerView>, NotFound>> GetCustomerViewAsync(
        string token, IPublishedRouteSource routes, LiveQuery live, CancellationToken ct)
    {
        var target = token.Length > 200 ? null : await routes.FindByTrackingTokenAsync(token, ct).ConfigureAwait(false);
        var view = target is null ? null : await live.CustomerViewAsync(target, ct).ConfigureAwait(false);
        return view is null ? TypedResults.NotFound() : TypedResults.Ok(view);
    }
}
