namespace Delivery.CourierApi.Features.Live;

/// <summary>
/// The dispatcher's live day of a depot: every courier with a published route, where they are, how far along and how
/// late, and the alerts that want an action. Times are UTC; the page shows them in <see cref="TimeZone"/>.
/// </summary>
/// <param name="PlanVersionId">The published plan version of the day (null when nothing is published).</param>
/// <param name="Now">The host's clock (simulated time in a simulated day): fix ages and lateness are measured from it.</param>
/// <param name="SilentAfterMinutes">A tablet silent this long on a started route is flagged (Tracking:SilentTabletMinutes).</param>
/// <param name="Live">True when the date is today at the depot (ETAs and alerts); another day is read from the record.</param>
public sealed record LiveDayResponse(long DepotId, DateOnly Date, string TimeZone, DateTimeOffset Now, int SilentAfterMinutes, bool Live,
    long? PlanVersionId, IReadOnlyList<LiveCourier> Couriers, IReadOnlyList<LiveAlert> Alerts);

/// <summary>One courier's day (a courier on shift with no stops too: a re-plan may give them some).</summary>
/// <param name="Colour">Index into the route palette (the order of the plan's routes, as the plan view colours them).</param>
/// <param name="Position">Latest fix, null before the first.</param>
/// <param name="LastContactAt">When the host last heard from the tablet.</param>
/// <param name="Silent">Started route and nothing heard for <see cref="LiveDayResponse.SilentAfterMinutes"/>: the position is stale.</param>
/// <param name="Done">Stops closed (delivered, partly delivered, failed, cancelled).</param>
/// <param name="Remaining">Stops still open.</param>
/// <param name="BehindMinutes">Minutes behind plan (negative: ahead), from the next stop's ETA against its planned arrival; null when unknown.</param>
/// <param name="NextOrderId">The next open stop, if any.</param>
public sealed record LiveCourier(long CourierId, string Name, string? Phone, long RouteId, int Colour, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd,
    LivePosition? Position, DateTimeOffset? LastContactAt, bool Silent, int Done, int Remaining, int? BehindMinutes, long? NextOrderId,
    IReadOnlyList<LiveStop> Stops);

/// <summary>A courier's latest fix.</summary>
/// <param name="HeadingDeg">Heading in degrees from north, when the tablet reports it.</param>
/// <param name="SpeedMps">Speed, m/s.</param>
/// <param name="RecordedAt">When the fix was taken.</param>
public sealed record LivePosition(double Lat, double Lon, double? HeadingDeg, double? SpeedMps, DateTimeOffset RecordedAt);

/// <summary>A stop of the live day.</summary>
/// <param name="State">What the map colours: done, next, open, atRisk, failed, cancelled.</param>
/// <param name="Status">The live status (Open, Arrived, Delivered, PartlyDelivered, Failed, Cancelled).</param>
/// <param name="PlannedArrival">Arrival in the published plan.</param>
/// <param name="Eta">Predicted arrival while open (today only).</param>
/// <param name="LateMinutes">Predicted (open) or actual (closed) minutes after the window end; 0 or less is in time; null without a window.</param>
public sealed record LiveStop(long OrderId, string ShopOrderId, int Sequence, double Lat, double Lon, string State, string Status,
    DateTimeOffset PlannedArrival, DateTimeOffset? Eta, DateTimeOffset? WindowStartUtc, DateTimeOffset? WindowEndUtc,
    DateTimeOffset? ArrivedAt, DateTimeOffset? HandoverAt, int? LateMinutes, string CustomerName, string Address);

/// <summary>
/// An alert of the live day with the actions it suggests. Its <see cref="Key"/> is stable for the day (kind and subject),
/// so an acknowledgement stays with it across reloads.
/// </summary>
/// <param name="Kind">atRisk, silent, failed or callback.</param>
/// <param name="At">When it arose (the ETA computation, the last contact, the failed attempt, the rating).</param>
/// <param name="LateMinutes">Predicted lateness of an at-risk stop.</param>
/// <param name="CustomerChoice">What the customer chose on their page (move_window, neighbour, safe_place, another_day), if anything.</param>
/// <param name="Actions">Suggested actions, in order: callCustomer, moveStop, replan, callCourier, printManifest, paperOutcomes, callbackDone.</param>
/// <param name="Phone">The number to call for the first call action (customer or courier).</param>
public sealed record LiveAlert(string Key, string Kind, DateTimeOffset At, long? CourierId, long? RouteId, long? OrderId, int? LateMinutes,
    string? CustomerChoice, string? Phone, IReadOnlyList<string> Actions, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt);

/// <summary>Acknowledges an alert of a depot's day.</summary>
/// <param name="Date">The service date the alert belongs to.</param>
/// <param name="Key">The alert's key, as the live day lists it.</param>
public sealed record AcknowledgeAlertRequest(DateOnly Date, string Key);

/// <summary>Who acknowledged an alert and when.</summary>
public sealed record AlertAcknowledgement(string Key, string AcknowledgedBy, DateTimeOffset AcknowledgedAt);

/// <summary>A stop's story: planned vs predicted vs actual, events with their source, the customer's notes and choice.</summary>
public sealed record StopStory(long OrderId, string ShopOrderId, string CustomerName, string? CustomerPhone, string Address, string? DeliveryNotes,
    DateTimeOffset? WindowStartUtc, DateTimeOffset? WindowEndUtc, DateTimeOffset? PlannedArrival, IReadOnlyList<StopStoryEvent> Events,
    string? CustomerChoice, string? CustomerChoiceNote);

/// <summary>One recorded event of a stop.</summary>
/// <param name="Kind">arrived, delivered, partly_delivered, failed, note.</param>
/// <param name="Source">tablet, paper or geofence.</param>
/// <param name="EnteredBy">Who typed a paper outcome in.</param>
public sealed record StopStoryEvent(string Kind, DateTimeOffset OccurredAt, string Source, string? Reason, string? Note, string? EnteredBy);

/// <summary>What an in-day re-plan would change, before anything is written.</summary>
/// <param name="PlanVersionId">The published version the moves apply to (as edits, then published).</param>
/// <param name="ElapsedSeconds">Request to preview, seconds (the planner's time limit included).</param>
/// <param name="Moves">Stops that change courier, each at its new position in the receiving route (1-based, closed stops counted).</param>
/// <param name="SavedOrderIds">At-risk stops whose window the new plan meets.</param>
/// <param name="StillAtRiskOrderIds">At-risk stops it does not save.</param>
/// <param name="Kept">Open stops the planner could not place (a window already out of reach, a courier off shift): they stay where they are.</param>
/// <param name="Couriers">Couriers on shift the re-plan used.</param>
public sealed record ReplanPreview(long PlanVersionId, DateOnly Date, double ElapsedSeconds, IReadOnlyList<ReplanMove> Moves, IReadOnlyList<long> SavedOrderIds,
    IReadOnlyList<long> StillAtRiskOrderIds, int Kept, int Couriers);

/// <summary>One stop moving to another courier in a re-plan.</summary>
/// <param name="Position">Its position in the receiving route (1-based, the route's closed stops counted), for the move edit.</param>
/// <param name="EtaBefore">Its ETA on the current route (null when unknown).</param>
/// <param name="PlannedArrival">Its arrival in the re-plan.</param>
public sealed record ReplanMove(long OrderId, string ShopOrderId, string CustomerName, long FromCourierId, string FromCourier, long ToCourierId, string ToCourier,
    int Position, DateTimeOffset? EtaBefore, DateTimeOffset PlannedArrival, DateTimeOffset? WindowEndUtc);

/// <summary>A day's recorded positions and events, to play back (a finished day too).</summary>
/// <param name="From">First recorded instant.</param>
/// <param name="To">Last recorded instant.</param>
/// <param name="Tracks">Per courier: [lon, lat, unix ms] in time order (thinned to at most 3,000 points a courier).</param>
public sealed record ReplayResponse(DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<ReplayTrack> Tracks, IReadOnlyList<ReplayEvent> Events);

/// <summary>One courier's recorded track.</summary>
public sealed record ReplayTrack(long CourierId, IReadOnlyList<double[]> Points);

/// <summary>A recorded stop event.</summary>
public sealed record ReplayEvent(long CourierId, long OrderId, string Kind, string Source, DateTimeOffset At);
