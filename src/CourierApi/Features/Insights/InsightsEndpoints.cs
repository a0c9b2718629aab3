using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.Insights;

/// <summary>
/// The insights page's API: window-hit rate with breakdowns, lateness causes, planned vs actual, the stops behind a
/// figure and a stop's story, over a period of at most 366 days of the depots the caller works for (one with
/// <c>depotId</c>); delivery zones per depot (dispatchers import them). Read-only for analysts.
/// </summary>
internal static class InsightsEndpoints
{
    /// <summary>The longest period one request covers, days.</summary>
    public const int MaxDays = 366;

    /// <summary>The largest page of stops.</summary>
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapInsights(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Insights").RequireAuthorization(Policies.Staff);
        group.MapGet("/insights/summary", SummaryAsync)
            .WithSummary("Window-hit rate with its base, trend by day, breakdowns by depot, courier, zone, slot, hour and weekday, early/late minute histograms, ratings and callbacks; each depot in its own time zone.");
        group.MapGet("/insights/causes", CausesAsync)
            .WithSummary("Every late handover's lateness split into late departure, slower driving, waiting, service overruns, failed attempts, re-plans and the plan itself, summed and ranked as systemic causes.");
        group.MapGet("/insights/planned-vs-actual", PlannedVsActualAsync)
            .WithSummary("Distributions of actual − planned minutes (departure, driving per leg, service, arrival) by local hour and zone.");
        group.MapGet("/insights/stops", StopsAsync).WithSummary("A page of the stops behind a figure, latest first; filters are optional.");
        group.MapGet("/insights/routes/{routeId:long}/stops/{orderId:long}", StoryAsync)
            .WithSummary("One stop's story: its route planned and actual, its events, the courier's track to the handover.");
        group.MapGet("/depots/{depotId:long}/zones", async (long depotId, ZoneStore zones, CancellationToken ct) => TypedResults.Ok(await zones.ListAsync(depotId, ct)))
            .WithSummary("A depot's delivery zones as GeoJSON geometries (none: stops fall into a 2 km grid).");
        group.MapPut("/depots/{depotId:long}/zones", ImportZonesAsync).RequireAuthorization(Policies.Dispatcher)
            .WithSummary("Replaces a depot's delivery zones with a GeoJSON FeatureCollection of named Polygon/MultiPolygon features.");
        return group;
    }

    internal static async Task<Ok<InsightsSummary>> SummaryAsync(DateOnly from, DateOnly to, long? depotId, ClaimsPrincipal user,
        InsightsStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.SummaryAsync(Period(from, to, depotId, user), ct));

    internal static async Task<Ok<LatenessCauses>> CausesAsync(DateOnly from, DateOnly to, long? depotId, ClaimsPrincipal user,
        InsightsStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.CausesAsync(Period(from, to, depotId, user), ct));

    internal static async Task<Ok<PlannedVsActual>> PlannedVsActualAsync(DateOnly from, DateOnly to, long? depotId, ClaimsPrincipal user,
        InsightsStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.PlannedVsActualAsync(Period(from, to, depotId, user), ct));

    /// <param name="from">First service date.</param>
    /// <param name="to">Last service date.</param>
    /// <param name="depotId">One depot (else every depot of the caller).</param>
    /// <param name="date">Stops of one service date.</param>
    /// <param name="courierId">Of one courier.</param>
    /// <param name="zone">In one zone.</param>
    /// <param name="slot">Of one window slot ("HH:mm–HH:mm").</param>
    /// <param name="hour">Handed over in one local hour.</param>
    /// <param name="weekday">On one ISO weekday (1 Monday … 7 Sunday).</param>
    /// <param name="result">hit, early, late, no_window, cancelled, open or paper.</param>
    /// <param name="cause">Late stops one cause made late (departure, driving, waiting, service, failed, replan, plan), by its minutes.</param>
    /// <param name="page">Page, from 1.</param>
    /// <param name="pageSize">Stops per page (1–500, default 50).</param>
    /// <param name="user">The caller.</param>
    /// <param name="store">Insights.</param>
    /// <param name="ct">Request aborted.</param>
    internal static async Task<Ok<InsightStopPage>> StopsAsync(DateOnly from, DateOnly to, long? depotId, DateOnly? date, long? courierId,
        string? zone, string? slot, int? hour, int? weekday, string? result, string? cause, int? page, int? pageSize,
        ClaimsPrincipal user, InsightsStore store, CancellationToken ct)
    {
        var period = Period(from, to, depotId, user);
        if (result is not null && !InsightsStore.Results.Contains(result))
        {
            throw new FieldException("result", $"One of {string.Join(", ", InsightsStore.Results)}.");
        }
        if (cause is not null && !InsightsStore.Causes.Contains(cause))
        {
            throw new FieldException("cause", $"One of {string.Join(", ", InsightsStore.Causes)}.");
        }
        if (hour is < 0 or > 23)
        {
            throw new FieldException("hour", "An hour from 0 to 23.");
        }
        if (weekday is < 1 or > 7)
        {
            throw new FieldException("weekday", "An ISO weekday from 1 (Monday) to 7 (Sunday).");
        }
        if (page is < 1 or > 100_000)
        {
            throw new FieldException("page", "A page from 1.");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new FieldException("pageSize", $"From 1 to {MaxPageSize.ToString(CultureInfo.InvariantCulture)}.");
        }
        if (zone is { Length: > 80 } || slot is { Length: > 20 })
        {
            throw new FieldException(zone is { Length: > 80 } ? "zone" : "slot", "Too long.");
        }
        var filter = new StopFilter(date, null, courierId, zone, slot, hour, weekday, result, cause);
        return TypedResults.Ok(await store.StopsAsync(period, filter, page ?? 1, pageSize ?? 50, ct));
    }

    internal static async Task<Results<Ok<InsightStory>, NotFound>> StoryAsync(long routeId, long orderId, InsightsStore store, CancellationToken ct) =>
        await store.StoryAsync(routeId, orderId, ct) is { } story ? TypedResults.Ok(story) : TypedResults.NotFound();

    internal static async Task<Ok<ZoneImportReport>> ImportZonesAsync(long depotId, JsonElement body, ClaimsPrincipal user, ZoneStore zones,
        CancellationToken ct) =>
        TypedResults.Ok(await zones.ImportAsync(depotId, body, user.Identity?.Name ?? "unknown", ct));

    /// <summary>The period checked, over <paramref name="depotId"/> (access checked by the Staff policy) or the caller's depots.</summary>
    internal static InsightsPeriod Period(DateOnly from, DateOnly to, long? depotId, ClaimsPrincipal user)
    {
        if (to < from)
        {
            throw new FieldException("to", $"to ({to:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd}).");
        }
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new FieldException("to", $"A period covers at most {MaxDays.ToString(CultureInfo.InvariantCulture)} days.");
        }
        IReadOnlyList<long>? depots = depotId is { } one ? [one] : DepotClaims.Of(user)?.Order().ToList();
        return new InsightsPeriod(from, to, depots);
    }
}
