namespace Delivery.CourierApi.Features.Insights;

/// <summary>Service dates <see cref="From"/>…<see cref="To"/> (inclusive) over <see cref="Depots"/> (null: every depot).</summary>
internal sealed record InsightsPeriod(DateOnly From, DateOnly To, IReadOnlyList<long>? Depots);

/// <summary>Window-hit figures of one group of stops.</summary>
/// <param name="Key">The group's key (date, depot id, courier id, zone name, slot "HH:mm–HH:mm", hour, ISO weekday 1–7); "all" for the total.</param>
/// <param name="Label">Readable name where the key is an id (depot, courier); otherwise the key.</param>
/// <param name="Attempted">Handed over (or failed at the door) with a window: the rate's base.</param>
/// <param name="Hits">Handed over inside the window.</param>
/// <param name="Early">Before the window.</param>
/// <param name="Late">After the window.</param>
/// <param name="HitRate">Hits ÷ attempted (0 when none).</param>
/// <param name="AvgEarlyMinutes">Mean minutes early over early stops.</param>
/// <param name="AvgLateMinutes">Mean minutes late over late stops.</param>
/// <param name="Cancelled">Cancelled stops, apart from the rate.</param>
/// <param name="NoWindow">Handovers of stops without a window, apart from the rate.</param>
/// <param name="Open">Stops with no handover recorded yet.</param>
/// <param name="Paper">Of the attempted, outcomes entered from the paper manifest.</param>
public sealed record RateGroup(string Key, string Label, int Attempted, int Hits, int Early, int Late, double HitRate,
    double AvgEarlyMinutes, double AvgLateMinutes, int Cancelled, int NoWindow, int Open, int Paper);

/// <summary>One bar of a minutes histogram: [<see cref="FromMinutes"/>, <see cref="FromMinutes"/> + 5); the last bar is 60 and more.</summary>
public sealed record MinuteBucket(int FromMinutes, int Stops);

/// <summary>Ratings of the stops with one result (hit, early, late…).</summary>
/// <param name="Result">hit, early, late, no_window, open, cancelled.</param>
/// <param name="Rated">Stops the customer rated.</param>
/// <param name="Low">Rated 1 or 2.</param>
/// <param name="LowShare">Low ÷ rated (0 when none).</param>
public sealed record RatingsByResult(string Result, int Rated, int Low, double LowShare);

/// <summary>Callbacks of low ratings by state: pending, done, or the outcome the dispatcher wrote.</summary>
public sealed record CallbackCount(string Outcome, int Stops);

/// <summary>The window-hit rate over a period with its trend, breakdowns, minute histograms, ratings and callbacks.</summary>
public sealed record InsightsSummary(DateOnly From, DateOnly To, RateGroup Total,
    IReadOnlyList<RateGroup> ByDay, IReadOnlyList<RateGroup> ByDepot, IReadOnlyList<RateGroup> ByCourier, IReadOnlyList<RateGroup> ByZone,
    IReadOnlyList<RateGroup> BySlot, IReadOnlyList<RateGroup> ByHour, IReadOnlyList<RateGroup> ByWeekday,
    IReadOnlyList<MinuteBucket> EarlyMinutes, IReadOnlyList<MinuteBucket> LateMinutes,
    IReadOnlyList<RatingsByResult> Ratings, IReadOnlyList<CallbackCount> Callbacks);

/// <summary>Minutes of lateness of one cause: departure, driving, waiting, service, failed, replan, plan.</summary>
public sealed record CausePart(string Cause, double Minutes);

/// <summary>
/// A systemic cause: the minutes of lateness one cause explains where a dimension has one value (a courier, a zone,
/// a weekday, an hour, or a courier on a weekday, a zone at an hour).
/// </summary>
/// <param name="Cause">departure, driving, waiting, service, failed, replan, plan.</param>
/// <param name="CourierId">The courier, when the cause is narrowed to one.</param>
/// <param name="CourierName">The courier's name.</param>
/// <param name="Zone">The zone, when narrowed to one.</param>
/// <param name="Weekday">ISO weekday (1 Monday … 7 Sunday), when narrowed to one.</param>
/// <param name="Hour">Local hour of the handover, when narrowed to one.</param>
/// <param name="Minutes">Minutes of lateness it explains.</param>
/// <param name="LateStops">Late stops it contributed to.</param>
/// <param name="ShareOfLateness">Minutes ÷ all lateness minutes of the period.</param>
public sealed record SystemicCause(string Cause, long? CourierId, string? CourierName, string? Zone, int? Weekday, int? Hour,
    double Minutes, int LateStops, double ShareOfLateness);

/// <summary>The lateness of the period split by cause, and the systemic causes ranked by the minutes they explain.</summary>
public sealed record LatenessCauses(DateOnly From, DateOnly To, int LateStops, double LateMinutes, IReadOnlyList<CausePart> Parts,
    IReadOnlyList<SystemicCause> Systemic);

/// <summary>Distribution of actual − planned minutes of one measure in one group.</summary>
/// <param name="Measure">departure (per route), driving (per leg), service (per stop), arrival (per stop).</param>
/// <param name="Dimension">all, hour (local, planned) or zone.</param>
/// <param name="Key">The hour or zone; "all".</param>
/// <param name="Count">Observations.</param>
/// <param name="Mean">Mean difference, minutes (positive: later or longer than planned).</param>
/// <param name="P10">10th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
public sealed record PlanDifference(string Measure, string Dimension, string Key, int Count, double Mean, double P10, double P50, double P90);

/// <summary>Planned against actual over the period: distributions of the differences by hour and zone.</summary>
public sealed record PlannedVsActual(DateOnly From, DateOnly To, IReadOnlyList<PlanDifference> Differences);

/// <summary>The parts of one late handover's lateness, minutes; they add up to the lateness.</summary>
public sealed record LatenessParts(double Departure, double Driving, double Waiting, double Service, double Failed, double Replan, double Plan);

/// <summary>One stop behind a figure: plan, what happened, and the parts of its lateness when late.</summary>
/// <param name="RouteId">Route.</param>
/// <param name="OrderId">Order (the stop's id on every plan version).</param>
/// <param name="Date">Service date.</param>
/// <param name="DepotId">Depot.</param>
/// <param name="TimeZone">The depot's time zone.</param>
/// <param name="CourierId">Courier.</param>
/// <param name="CourierName">Courier's name.</param>
/// <param name="Sequence">Position on the route.</param>
/// <param name="Zone">Zone.</param>
/// <param name="Result">hit, early, late, no_window, cancelled, open.</param>
/// <param name="Outcome">delivered, partly_delivered, failed (null when open).</param>
/// <param name="Source">tablet, paper or geofence: who recorded the handover.</param>
/// <param name="WindowStart">Promised window start (UTC).</param>
/// <param name="WindowEnd">Promised window end (UTC).</param>
/// <param name="PlannedArrival">Planned arrival (UTC).</param>
/// <param name="PlannedDeparture">Planned end of service (UTC).</param>
/// <param name="Arrived">Arrival tapped (UTC).</param>
/// <param name="HandedOver">First handover (UTC).</param>
/// <param name="EarlyMinutes">Minutes early (when early).</param>
/// <param name="LateMinutes">Minutes late (when late).</param>
/// <param name="DrivingDiffMinutes">This leg's driving, actual − planned (visited stops).</param>
/// <param name="ServiceDiffMinutes">This stop's service, actual − planned.</param>
/// <param name="Parts">The lateness split by cause (late stops).</param>
public sealed record InsightStop(long RouteId, long OrderId, DateOnly Date, long DepotId, string TimeZone, long CourierId, string CourierName,
    int Sequence, string Zone, string Result, string? Outcome, string? Source, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd,
    DateTimeOffset PlannedArrival, DateTimeOffset PlannedDeparture, DateTimeOffset? Arrived, DateTimeOffset? HandedOver,
    double? EarlyMinutes, double? LateMinutes, double? DrivingDiffMinutes, double? ServiceDiffMinutes, LatenessParts? Parts);

/// <summary>A page of the stops behind a figure.</summary>
public sealed record InsightStopPage(int Total, int Page, int PageSize, IReadOnlyList<InsightStop> Stops);

/// <summary>A recorded event of a stop's story.</summary>
public sealed record StoryEvent(string Kind, DateTimeOffset OccurredAt, string Source, string? Reason);

/// <summary>One stop's story: its route's stops planned and actual, its events, and the courier's track up to the handover.</summary>
/// <param name="Stop">The stop.</param>
/// <param name="Route">Every stop of its route, in order.</param>
/// <param name="Events">The stop's recorded events.</param>
/// <param name="Track">The courier's positions from the route's start to this handover ([lon, lat], at most 2,000).</param>
/// <param name="Location">The stop's location [lon, lat].</param>
public sealed record InsightStory(InsightStop Stop, IReadOnlyList<InsightStop> Route, IReadOnlyList<StoryEvent> Events,
    IReadOnlyList<double[]> Track, double[] Location);
