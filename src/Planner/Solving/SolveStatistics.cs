namespace Delivery.Planner.Solving;

/// <summary>The cost of a plan and how the search went.</summary>
/// <param name="Cost">Objective value as OR-Tools saw it (travel cost plus fixed and penalty costs).</param>
/// <param name="VehiclesUsed">Routes with at least one stop.</param>
/// <param name="Elapsed">Wall time of the solve.</param>
/// <param name="Strategy">Which portfolio member produced the plan.</param>
/// <param name="Solutions">Number of improving solutions seen.</param>
public sealed record SolveStatistics(long Cost, int VehiclesUsed, TimeSpan Elapsed, string Strategy, int Solutions);
