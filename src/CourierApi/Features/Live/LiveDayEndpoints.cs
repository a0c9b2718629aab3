using System.Security.Claims;
using Delivery.CourierApi.Auth;
using Delivery.CourierApi.Hosting;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Delivery.CourierApi.Features.Live;

/// <summary>The dispatcher's live day: the snapshot the live view starts from, alert acknowledgements, a stop's story.</summary>
internal static class LiveDayEndpoints
{
    public static RouteGroupBuilder MapLiveDay(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Live day").RequireAuthorization(Policies.Staff);
        group.MapGet("/depots/{depotId:long}/live", ReadAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The depot's delivery day as the live view starts from it (date defaults to today at the depot): every courier with a " +
                "published route, latest position, stop progress and ETAs, minutes behind plan, and the alerts with suggested actions and acknowledgements. " +
                "The live hub (/hubs/live, JoinDepot) moves it on.");
        group.MapPost("/depots/{depotId:long}/live/alerts/acknowledge", AcknowledgeAsync).RequireAuthorization(Policies.Dispatcher)
            .Validate<AcknowledgeAlertRequest>()
            .WithSummary("Acknowledges an alert of the day: who and when are stored; the first acknowledgement stands and is answered to later calls.");
        group.MapPost("/depots/{depotId:long}/live/replan", ReplanAsync).RequireAuthorization(Policies.Dispatcher).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Previews an in-day re-plan from the couriers' current positions: the open stops re-optimised across the couriers on shift " +
                "with their remaining time (done and arrived stops kept, locked routes and silent tablets kept, minimum change). Nothing is written: " +
                "apply the moves with the plan edits (move, at the position given) and publish.");
        group.MapGet("/depots/{depotId:long}/live/replay", ReplayAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The day's recorded positions (thinned to 3,000 a courier) and stop events of the couriers with a published route, to play back; a finished day too.");
        group.MapGet("/depots/{depotId:long}/orders/{orderId:long}/story", StoryAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A stop's story: window, planned arrival, every recorded event with its source (tablet, paper, geofence), the customer's notes and choice.");
        return group;
    }

    internal static async Task<Ok<LiveDayResponse>> ReadAsync(long depotId, DateOnly? date, LiveDay day, CancellationToken ct) =>
        TypedResults.Ok(await day.ReadAsync(depotId, date, ct));

    internal static async Task<Ok<AlertAcknowledgement>> AcknowledgeAsync(long depotId, AcknowledgeAlertRequest request, ClaimsPrincipal user,
        LiveDayStore store, TimeProvider time, CancellationToken ct)
    {
        _ = await store.TimeZoneAsync(depotId, ct) ?? throw new NotFoundException("Depot", depotId);
        return TypedResults.Ok(await store.AcknowledgeAsync(depotId, request.Date, request.Key, user.Identity?.Name ?? "dispatcher", time.GetUtcNow(), ct));
    }

    internal static async Task<Ok<ReplanPreview>> ReplanAsync(long depotId, DateOnly? date, int? timeLimitSeconds, InDayReplan replan, CancellationToken ct)
    {
        var limit = timeLimitSeconds ?? 3;
        if (limit is < 1 or > 60)
        {
            throw new FieldException("timeLimitSeconds", "must be between 1 and 60");
        }
        return TypedResults.Ok(await replan.PreviewAsync(depotId, date, limit, ct));
    }

    internal static async Task<Ok<ReplayResponse>> ReplayAsync(long depotId, DateOnly date, LiveDayStore store, CancellationToken ct)
    {
        var zone = Zones.Find(await store.TimeZoneAsync(depotId, ct) ?? throw new NotFoundException("Depot", depotId));
        var couriers = (await store.RoutesAsync(depotId, date, ct)).Select(r => r.CourierId).Distinct().ToList();
        return TypedResults.Ok(await store.ReplayAsync(couriers, Zones.ToUtc(date, TimeOnly.MinValue, zone), Zones.ToUtc(date.AddDays(1), TimeOnly.MinValue, zone), ct));
    }

    internal static async Task<Ok<StopStory>> StoryAsync(long depotId, long orderId, LiveDayStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.StoryAsync(depotId, orderId, ct) ?? throw new NotFoundException("Order", orderId));
}

internal sealed class AcknowledgeAlertRequestValidator : AbstractValidator<AcknowledgeAlertRequest>
{
    public AcknowledgeAlertRequestValidator()
    {
        RuleFor(r => r.Date).NotEqual(default(DateOnly)).WithMessage("is required");
        RuleFor(r => r.Key).NotEmpty().WithMessage("is required").MaximumLength(100).WithMessage("at most 100 characters")
            .Must(k => k is null || LiveDay.IsAlertKey(k)).WithMessage("must be an alert's key as the live day lists it (at-risk:, silent:, failed: or callback: and an id)");
    }
}
