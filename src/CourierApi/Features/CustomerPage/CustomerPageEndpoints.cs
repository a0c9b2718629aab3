using System.Globalization;
using Delivery.CourierApi.Hosting;
using Delivery.Tracking;
using Delivery.Tracking.Hubs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Delivery.CourierApi.Features.CustomerPage;

/// <summary>
/// The customer's tracking page API (public: the token is the secret; rate limited per address): the page's data,
/// a choice when the window is at risk, a rating after the delivery.
/// </summary>
internal static class CustomerPageEndpoints
{
    public static RouteGroupBuilder MapCustomerPageApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tracking/{token}").WithTags("Tracking").AllowAnonymous()
            .RequireRateLimiting(CustomerPageSetup.RateLimit).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        group.MapGet("/page", PageAsync).WithSummary("Everything the customer's tracking page shows: phase, window, ETA, stops before, the courier while driving here, options when at risk, rating.");
        group.MapPost("/choice", ChooseAsync).Validate<CustomerChoiceRequest>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The customer's choice while the window is at risk: move to an offered later window, a neighbour, a safe place, or another day.");
        group.MapPost("/rating", RateAsync).Validate<RatingRequest>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("A 1–5 rating with an optional comment, once per delivered order; 3 or less puts the order in the callback queue.");
        return group;
    }

    internal static async Task<Ok<TrackingPageResponse>> PageAsync(string token, TrackingLink link, CustomerPageStore store,
        IOptions<CustomerPageOptions> options, IOptions<TrackingOptions> tracking, CancellationToken ct)
    {
        var order = await link.ResolveAsync(token, ct);
        return TypedResults.Ok(await BuildAsync(order, link, store, options.Value, tracking.Value, ct));
    }

    internal static async Task<Ok<TrackingPageResponse>> ChooseAsync(string token, CustomerChoiceRequest request, TrackingLink link,
        CustomerPageStore store, RouteChangeNotifier tablets, Delivery.Tracking.Routes.IPublishedRouteSource routes, TimeProvider time,
        IOptions<CustomerPageOptions> options, IOptions<TrackingOptions> tracking, CancellationToken ct)
    {
        var order = await link.ResolveAsync(token, ct);
        var page = await BuildAsync(order, link, store, options.Value, tracking.Value, ct);
        if (order.IsFinished)
        {
            throw new ConflictException("Delivery finished", "This delivery is already finished; nothing can be changed.");
        }
        if (page.Choice is { } earlier)
        {
            throw new ConflictException("Already chosen", $"A choice was already made ({earlier.Kind}) at {earlier.ChosenAt:u}.");
        }
        var now = time.GetUtcNow();
        var note = request.Note?.Trim();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(order.TimeZone);
        CustomerChoiceView choice;
        string courierNote;
        switch (request.Kind)
        {
            case CustomerChoices.MoveWindow:
                var offer = page.Options.Windows.FirstOrDefault(w => request.WindowStartUtc is { } s && Math.Abs((w.StartUtc - s).TotalSeconds) < 1)
                    ?? throw new ConflictException("Window not available", "That window is no longer available: choose one of the windows the page offers now.");
                choice = new(request.Kind, offer.StartUtc, offer.EndUtc, null, note, now);
                courierNote = $"Customer moved the window to {Local(offer.StartUtc, zone)}–{Local(offer.EndUtc, zone)}" + (note is { Length: > 0 } ? $": {note}" : "");
                break;
            case CustomerChoices.Neighbour or CustomerChoices.SafePlace:
                if (!page.AtRisk)
                {
                    throw new ConflictException("Window not at risk", "These options open when the courier is predicted to miss your window.");
                }
                choice = new(request.Kind, null, null, null, note, now);
                courierNote = (request.Kind == CustomerChoices.Neighbour ? "Customer: leave with a neighbour: " : "Customer: leave in a safe place: ") + note;
                break;
            default:
                if (page.Options.AnotherDayFrom is not { } from || request.Date is not { } day || day < from || day > page.Options.AnotherDayTo)
                {
                    throw page.Options.AnotherDayFrom is null
                        ? new ConflictException("Window not at risk", "Another day can be chosen when the courier is predicted to miss your window.")
                        : new FieldException("date", $"must be between {page.Options.AnotherDayFrom:yyyy-MM-dd} and {page.Options.AnotherDayTo:yyyy-MM-dd}");
                }
                choice = new(request.Kind, null, null, day, note, now);
                courierNote = $"Customer asked for another day ({day:yyyy-MM-dd}): do not deliver today" + (note is { Length: > 0 } ? $". {note}" : "");
                break;
        }
        if (!await store.SaveChoiceAsync(order.OrderId, choice, courierNote, ct))
        {
            throw new ConflictException("Already chosen", "A choice was already made for this delivery.");
        }
        if (order.Target is { } target && await routes.GetRouteAsync(target.RouteId, ct) is { } route)
        {
            // The tablet reloads its route (new window, the note); tracking forgets the cached route so the ETA check sees the new window.
            await tablets.RouteChangedAsync(route.CourierId, route.RouteId, route.PlanVersion);
        }
        order = await link.ResolveAsync(token, ct);
        return TypedResults.Ok(await BuildAsync(order, link, store, options.Value, tracking.Value, ct));
    }

    internal static async Task<Ok<RatingResponse>> RateAsync(string token, RatingRequest request, TrackingLink link, CustomerPageStore store,
        TimeProvider time, CancellationToken ct)
    {
        var order = await link.ResolveAsync(token, ct);
        if (order.Phase is not ("delivered" or "partly_delivered"))
        {
            throw new ConflictException("Not delivered", "A rating is accepted once the order has been delivered.");
        }
        var comment = request.Comment?.Trim();
        var rating = await store.RateAsync(order.OrderId, request.Rating, comment is { Length: > 0 } ? comment : null, time.GetUtcNow(), ct)
            ?? throw new ConflictException("Already rated", "This delivery has already been rated. Thank you!");
        return TypedResults.Ok(rating);
    }

    internal static async Task<TrackingPageResponse> BuildAsync(TrackedOrder order, TrackingLink link, CustomerPageStore store,
        CustomerPageOptions options, TrackingOptions tracking, CancellationToken ct)
    {
        var view = order.View;
        var choice = await store.ChoiceAsync(order.OrderId, ct);
        var rating = await store.RatingAsync(order.OrderId, ct);
        var (handoverAt, reason) = order.IsFinished ? await store.HandoverAsync(order.OrderId, ct) : (null, null);
        var atRisk = view?.AtRisk == true && !order.IsFinished;
        var offers = CustomerOptions.None;
        if (atRisk && choice is null && view?.Eta is { } eta)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(order.TimeZone);
            var windows = WindowOffers.Later(eta, view.WindowStartUtc, TimeSpan.FromSeconds(order.ServiceSeconds), TimeSpan.FromMinutes(tracking.AtRiskMarginMinutes),
                TimeSpan.FromMinutes(options.OfferedWindowMinutes), options.MaxOfferedWindows, zone);
            var tomorrow = Max(order.Date, link.Today(order.TimeZone)).AddDays(1);
            offers = new CustomerOptions(windows, true, true, tomorrow, tomorrow.AddDays(options.AnotherDayHorizonDays - 1));
        }
        var predicted = order.IsFinished ? null : view?.Eta;
        var stopsBefore = order.IsFinished ? null : view?.StopsBefore;
        (DateTimeOffset From, DateTimeOffset To)? range = predicted is { } arrival ? EtaRange.Of(arrival, stopsBefore, view?.WindowStartUtc) : null;
        return new TrackingPageResponse(order.Phase, order.TimeZone, order.Date, view?.WindowStartUtc, view?.WindowEndUtc,
            predicted, stopsBefore, atRisk, order.IsFinished ? null : view?.Courier,
            handoverAt, reason, offers, choice, rating?.Rating, rating is null && order.Phase is "delivered" or "partly_delivered",
            order.Target?.RouteId, order.Target?.StopId, range?.From, range?.To);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
