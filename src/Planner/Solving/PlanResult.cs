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
