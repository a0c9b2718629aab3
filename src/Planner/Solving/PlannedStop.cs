using Delivery.Planner.Model;

namespace Delivery.Planner.Solving;

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
