namespace Delivery.CourierApi.Features.Plans;

/// <summary>A planned stop as the dispatcher reviews it.</summary>
/// <param name="SlackMinutes">Minutes between service start and window end (negative = late); null without a window.</param>
/// <param name="Violation">What this stop breaks, when a dispatcher kept a violating edit (English).</param>
/// <param name="Violations">The same as codes with parameters, for a page to say in its language.</param>
/// <param name="HasPhoto">The courier's tablet stored a proof photo for this order (<c>GET /api/v1/orders/{orderId}/photo</c>).</param>
public sealed record StopView(int Sequence, long OrderId, string ShopOrderId, string CustomerName, string Address, double Latitude, double Longitude,
    DateTimeOffset PlannedArrival, DateTimeOffset PlannedServiceStart, DateTimeOffset PlannedDeparture, DateTimeOffset? WindowStart,
    DateTimeOffset? WindowEnd, double? SlackMinutes, long LoadItemsAfter, long LoadWeightGramsAfter, string? Violation,
    IReadOnlyList<ViolationView> Violations, bool HasPhoto = false);

/// <summary>A courier's route in a plan version.</summary>
/// <param name="Break">The courier's planned break, when the shift has one.</param>
public sealed record RouteView(long RouteId, long CourierId, string CourierName, long VehicleId, string VehicleCode, bool Locked,
    DateTimeOffset StartAt, DateTimeOffset EndAt, double DistanceKm, double TravelHours, long LoadItems, long CapacityItems,
    IReadOnlyList<StopView> Stops, BreakView? Break = null);

/// <summary>A planned break.</summary>
/// <param name="StartsAt">When it starts.</param>
/// <param name="EndsAt">When it ends (travel resumes).</param>
/// <param name="AfterStop">Stops served before it (0 = at the depot before the first); it is taken where that stop is.</param>
public sealed record BreakView(DateTimeOffset StartsAt, DateTimeOffset EndsAt, int AfterStop);

/// <summary>An order the plan does not serve.</summary>
/// <param name="Reason">The reason's code (<c>WindowUnreachable</c>, <c>FleetFull</c>, <c>Manual</c>, …).</param>
/// <param name="Detail">The reason in English words.</param>
/// <param name="Args">The reason's parameters for a page to say it in its language (instants ISO 8601 UTC).</param>
public sealed record UnassignedView(long OrderId, string ShopOrderId, string CustomerName, string Reason, string Detail, IReadOnlyDictionary<string, string> Args);

/// <summary>Totals of a plan version.</summary>
public sealed record PlanTotals(int Routes, int Stops, int Unassigned, double DistanceKm, double TravelHours, int Violations);

/// <summary>A plan version for review.</summary>
public sealed record PlanVersionView(long Id, long PlanId, long DepotId, DateOnly Date, int Number, string Status, string Source,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, PlanTotals Totals, IReadOnlyList<RouteView> Routes, IReadOnlyList<UnassignedView> Unassigned);
