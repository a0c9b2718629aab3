using Delivery.Planner.Model;

namespace Delivery.Planner.Solving;

/// <summary>The outcome of a solve: routes, unassigned orders with reasons, cost and statistics.</summary>
/// <param name="Routes">One entry per vehicle that is used (vehicles with no stops are left out).</param>
/// <param name="Unassigned">Every order not routed, with its reason.</param>
/// <param name="Statistics">Cost and how the search went.</param>
public sealed record PlanResult(
    IReadOnlyList<PlannedRoute> Routes,
    IReadOnlyList<UnassignedOrder> Unassigned,
    SolveStatistics Statistics)
{
    /// <summary>Total travel distance over all routes, metres.</summary>
    public long TotalDistanceMeters => Routes.Sum(r => r.DistanceMeters);

    /// <summary>Total travel time over all routes, seconds.</summary>
    public long TotalTravelSeconds => Routes.Sum(r => r.TravelSeconds);
}

/// <summary>A vehicle's route.</summary>
/// <param name="VehicleId">The vehicle.</param>
/// <param name="Stops">Stops in driving order.</param>
/// <param name="StartSeconds">Departure from the start depot, seconds from the epoch.</param>
/// <param name="EndSeconds">Arrival at the end depot, seconds from the epoch.</param>
/// <param name="DistanceMeters">Travel distance, metres.</param>
/// <param name="TravelSeconds">Travel time (driving only), seconds.</param>
/// <param name="Break">The break, when the vehicle has one.</param>
public sealed record PlannedRoute(
    string VehicleId,
    IReadOnlyList<PlannedStop> Stops,
    long StartSeconds,
    long EndSeconds,
    long DistanceMeters,
    long TravelSeconds,
    PlannedBreak? Break);

/// <summary>A stop on a route.</summary>
/// <param name="OrderId">The order served.</param>
/// <param name="ArrivalSeconds">Arrival, seconds from the epoch.</param>
/// <param name="ServiceStartSeconds">Start of service (after any wait for the window), seconds from the epoch.</param>
/// <param name="DepartureSeconds">Departure, seconds from the epoch.</param>
/// <param name="WindowIndex">Index of the order's window the service starts in; -1 when the order has none.</param>
/// <param name="LoadAfter">Load delivered so far on the route, including this stop.</param>
public sealed record PlannedStop(
    string OrderId,
    long ArrivalSeconds,
    long ServiceStartSeconds,
    long DepartureSeconds,
    int WindowIndex,
    Load LoadAfter);

/// <summary>When a break is taken.</summary>
/// <param name="StartSeconds">Start, seconds from the epoch.</param>
/// <param name="DurationSeconds">Length in seconds.</param>
/// <param name="AfterStop">Number of stops served before the break (0 = before the first stop).</param>
public sealed record PlannedBreak(long StartSeconds, long DurationSeconds, int AfterStop);

/// <summary>An order the plan does not serve, and why.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Reason">The category of the reason.</param>
/// <param name="Detail">The reason in a dispatcher's words, naming the binding constraint.</param>
public sealed record UnassignedOrder(string OrderId, UnassignedReason Reason, string Detail);

/// <summary>Why an order is unassigned.</summary>
public enum UnassignedReason
{
    /// <summary>No vehicle can reach the order inside any of its windows from its depot within its shift.</summary>
    WindowUnreachable,

    /// <summary>The demand exceeds the capacity of every vehicle in some dimension.</summary>
    DemandExceedsEveryVehicle,

    /// <summary>No vehicle has every skill the order requires.</summary>
    NoVehicleWithSkill,

    /// <summary>No vehicle's shift or maximum route duration is long enough to serve it and return.</summary>
    ShiftTooShort,

    /// <summary>Feasible alone, but no room left in the fleet; the detail names the binding constraint.</summary>
    FleetFull,

    /// <summary>Pinned to a vehicle that cannot serve it.</summary>
    PinInfeasible,
}

/// <summary>The cost of a plan and how the search went.</summary>
/// <param name="Cost">Objective value as OR-Tools saw it (travel cost plus fixed and penalty costs).</param>
/// <param name="VehiclesUsed">Routes with at least one stop.</param>
/// <param name="Elapsed">Wall time of the solve.</param>
/// <param name="Strategy">Which portfolio member produced the plan.</param>
/// <param name="Solutions">Number of improving solutions seen.</param>
public sealed record SolveStatistics(long Cost, int VehiclesUsed, TimeSpan Elapsed, string Strategy, int Solutions);

/// <summary>An improving solution reported during a solve.</summary>
/// <param name="Cost">Objective value.</param>
/// <param name="VehiclesUsed">Routes with at least one stop.</param>
/// <param name="Unassigned">Orders not routed.</param>
/// <param name="Elapsed">Time since the solve started.</param>
public sealed record PlanProgress(long Cost, int VehiclesUsed, int Unassigned, TimeSpan Elapsed);
