using Delivery.Tracking.Live;

namespace Delivery.CourierApi.Features.CustomerPage;

/// <summary>Everything the customer's page shows for one tracking link.</summary>
/// <param name="Phase"><c>ordered</c>, <c>planned</c>, <c>on_the_way</c>, <c>arrived</c>, <c>delivered</c>, <c>partly_delivered</c>, <c>failed</c> or <c>cancelled</c>.</param>
/// <param name="TimeZone">IANA zone of the depot: every time on the page is shown in it.</param>
/// <param name="Date">Delivery day (depot calendar).</param>
/// <param name="WindowStartUtc">Promised window start.</param>
/// <param name="WindowEndUtc">Promised window end.</param>
/// <param name="Eta">Predicted arrival while the stop is open and the route has started.</param>
/// <param name="StopsBefore">Stops the courier serves before this one (route started), else null.</param>
/// <param name="AtRisk">The promised window is predicted to be missed.</param>
/// <param name="Courier">The courier's position, only while the courier is driving to this customer (next stop).</param>
/// <param name="HandoverAt">When the parcel was handed over or the attempt failed.</param>
/// <param name="FailureReason">Why the attempt failed.</param>
/// <param name="Options">What the customer may choose now (empty when nothing can be chosen).</param>
/// <param name="Choice">What the customer chose, if anything.</param>
/// <param name="Rating">The customer's rating, once given.</param>
/// <param name="CanRate">Whether a rating is accepted now (delivered and not yet rated).</param>
/// <param name="RouteId">Live hub route id, to match pushes.</param>
/// <param name="StopId">Live hub stop id, to match pushes.</param>
/// <param name="EtaFrom">The ETA as the customer is told it, a narrow range (<see cref="EtaRange"/>): its start.</param>
/// <param name="EtaTo">Its end.</param>
public sealed record TrackingPageResponse(
    string Phase, string TimeZone, DateOnly Date, DateTimeOffset? WindowStartUtc, DateTimeOffset? WindowEndUtc,
    DateTimeOffset? Eta, int? StopsBefore, bool AtRisk, CourierPosition? Courier, DateTimeOffset? HandoverAt, string? FailureReason,
    CustomerOptions Options, CustomerChoiceView? Choice, int? Rating, bool CanRate, string? RouteId, string? StopId,
    DateTimeOffset? EtaFrom = null, DateTimeOffset? EtaTo = null);

/// <summary>The choices open to a customer whose window is at risk.</summary>
/// <param name="Windows">Later windows on the same day that the route's own timing meets (no other customer moves).</param>
/// <param name="Neighbour">Leaving it with a neighbour is offered.</param>
/// <param name="SafePlace">Leaving it in a safe place is offered.</param>
/// <param name="AnotherDayFrom">First day that may be asked for; null when not offered.</param>
/// <param name="AnotherDayTo">Last day that may be asked for.</param>
public sealed record CustomerOptions(IReadOnlyList<WindowOption> Windows, bool Neighbour, bool SafePlace, DateOnly? AnotherDayFrom, DateOnly? AnotherDayTo)
{
    public static readonly CustomerOptions None = new([], false, false, null, null);
}

/// <summary>A window the order can be moved to.</summary>
public sealed record WindowOption(DateTimeOffset StartUtc, DateTimeOffset EndUtc);

/// <summary>A choice the customer made.</summary>
/// <param name="Kind"><c>move_window</c>, <c>neighbour</c>, <c>safe_place</c> or <c>another_day</c>.</param>
/// <param name="WindowStartUtc">The new window (move_window).</param>
/// <param name="WindowEndUtc">The new window's end.</param>
/// <param name="Date">The day asked for (another_day).</param>
/// <param name="Note">The instruction to the courier.</param>
/// <param name="ChosenAt">When.</param>
public sealed record CustomerChoiceView(string Kind, DateTimeOffset? WindowStartUtc, DateTimeOffset? WindowEndUtc, DateOnly? Date, string? Note, DateTimeOffset ChosenAt);

/// <summary>A customer's choice when the window is at risk.</summary>
/// <param name="Kind"><c>move_window</c>, <c>neighbour</c>, <c>safe_place</c> or <c>another_day</c>.</param>
/// <param name="WindowStartUtc">For move_window: the start of one of the offered windows.</param>
/// <param name="Date">For another_day: the day (yyyy-MM-dd).</param>
/// <param name="Note">For neighbour and safe_place: who or where, for the courier (required); optional otherwise.</param>
public sealed record CustomerChoiceRequest(string Kind, DateTimeOffset? WindowStartUtc, DateOnly? Date, string? Note);

/// <summary>The customer's rating after the delivery.</summary>
/// <param name="Rating">1 (bad) to 5 (good).</param>
/// <param name="Comment">Optional words.</param>
public sealed record RatingRequest(int Rating, string? Comment);

/// <summary>The rating as stored.</summary>
public sealed record RatingResponse(int Rating, bool NeedsCallback, DateTimeOffset CreatedAt);

/// <summary>A customer to call back (rating of 3 or less), with the order's story.</summary>
public sealed record CallbackItem(
    long OrderId, string ShopOrderId, string CustomerName, string? CustomerPhone, int Rating, string? Comment, DateTimeOffset RatedAt,
    DateTimeOffset? WindowStartUtc, DateTimeOffset? WindowEndUtc, string? Outcome, DateTimeOffset? HandoverAt, int? MinutesLate,
    string? DeliveryNotes, DateTimeOffset? CalledBackAt, string? CalledBackBy, string? CallOutcome, double? MinutesToCallBack);

/// <summary>Marks a callback done.</summary>
/// <param name="Outcome">What the call achieved (free text, optional).</param>
public sealed record CallbackDoneRequest(string? Outcome);

/// <summary>A customer's choice as the dispatcher sees it.</summary>
public sealed record CustomerChoiceItem(long OrderId, string ShopOrderId, string CustomerName, CustomerChoiceView Choice);
