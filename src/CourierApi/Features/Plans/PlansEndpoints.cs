using System.Security.Claims;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Features.Fleet;
using Delivery.CourierApi.Hosting;
using Delivery.Planner.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Features.Plans;

internal static class PlansEndpoints
{
    public static RouteGroupBuilder MapPlans(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Plans").RequireAuthorization(Policies.Staff);
        group.MapPost("/depots/{depotId:long}/plans", StartJobAsync).RequireAuthorization(Policies.Dispatcher)
            .WithSummary("Starts planning a depot's date as a background job: 202 with the job's location; 409 while another job for it is queued or running.");
        group.MapGet("/planning-jobs/{jobId:long}", async (long jobId, PlanningJobStore jobs, CancellationToken ct) => TypedResults.Ok(await jobs.GetAsync(jobId, ct)))
            .WithName("GetPlanningJob").WithSummary("A job's status and progress (best cost, vehicles, unassigned, elapsed; what moved when done).");
        group.MapPost("/planning-jobs/{jobId:long}/cancel", async (long jobId, PlanningJobStore jobs, CancellationToken ct) => TypedResults.Accepted($"/api/v1/planning-jobs/{jobId}", await jobs.RequestCancelAsync(jobId, ct)))
            .RequireAuthorization(Policies.Dispatcher).WithSummary("Stops a job; a running job keeps the best plan found so far.");
        group.MapGet("/depots/{depotId:long}/plans/{date}", LatestAsync).WithSummary("The newest version of a depot's plan for a date.");
        group.MapGet("/plan-versions/{versionId:long}", async (long versionId, PlanReader reader, CancellationToken ct) => TypedResults.Ok(await reader.ReadAsync(versionId, ct)))
            .WithName("GetPlanVersion").WithSummary("A plan version: routes with stops, windows, slack and load; totals; unassigned orders with reasons.");
        group.MapGet("/plan-versions/{versionId:long}/geojson", GeoJsonAsync)
            .WithSummary("Each route as a GeoJSON LineString along the roads (straight segments without a road network).");
        group.MapGet("/depots/{depotId:long}/plans/{date}/geojson", LatestGeoJsonAsync)
            .WithSummary("The newest version's routes as GeoJSON (versionId says which): a page can ask for it together with the plan.");
        group.MapPost("/plan-versions/{versionId:long}/publish", PublishAsync).RequireAuthorization(Policies.Dispatcher)
            .WithSummary("Publishes a version: couriers see their routes, customers are notified of their planned window.");
        return group;
    }

    internal static async Task<Results<AcceptedAtRoute<JobResponse>, ProblemHttpResult>> StartJobAsync(
        long depotId, DateOnly date, int? timeLimitSeconds, ClaimsPrincipal user, FleetStore fleet, PlanStore plans, PlanningJobStore jobs,
        IOptions<PlanningOptions> options, TimeProvider time, CancellationToken ct)
    {
        InputRules.EnsurePlanDate(date, time);
        await fleet.GetDepotAsync(depotId, ct);
        var limit = timeLimitSeconds ?? options.Value.TimeLimitSeconds;
        if (limit is < 1 or > 3600)
        {
            throw new FieldException("timeLimitSeconds", "must be between 1 and 3600");
        }
        var kind = await plans.LatestVersionIdAsync(depotId, date, ct) is null ? "plan" : "replan";
        var (job, created) = await jobs.EnqueueAsync(depotId, date, kind, user.Identity?.Name ?? "?", limit, ct, options.Value.MaxActiveJobsPerDepot);
        if (!created)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Planning already in progress",
                detail: $"Job {job.Id} for this depot and date is {job.Status}; wait for it or cancel it.",
                extensions: new Dictionary<string, object?> { ["jobId"] = job.Id, ["job"] = $"/api/v1/planning-jobs/{job.Id}" });
        }
        return TypedResults.AcceptedAtRoute(job, "GetPlanningJob", new { jobId = job.Id });
    }

    internal static async Task<Ok<PlanVersionView>> LatestAsync(long depotId, DateOnly date, PlanStore plans, PlanReader reader, CancellationToken ct)
    {
        var id = await plans.LatestVersionIdAsync(depotId, date, ct) ?? throw new NotFoundException("Plan for depot " + depotId + " on", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return TypedResults.Ok(await reader.ReadAsync(id, ct));
    }

    internal static async Task<Ok<RouteFeatureCollection>> GeoJsonAsync(long versionId, RouteLines lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.FeaturesAsync(versionId, ct));

    internal static async Task<Ok<RouteFeatureCollection>> LatestGeoJsonAsync(long depotId, DateOnly date, PlanStore plans, RouteLines lines, CancellationToken ct)
    {
        var id = await plans.LatestVersionIdAsync(depotId, date, ct) ?? throw new NotFoundException("Plan for depot " + depotId + " on", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return TypedResults.Ok(await lines.FeaturesAsync(id, ct));
    }

    internal static async Task<Ok<PlanVersionView>> PublishAsync(long versionId, PlanPublisher publisher, CancellationToken ct) =>
        TypedResults.Ok(await publisher.PublishAsync(versionId, ct));
}
