namespace Delivery.Planner.Solving;

/// <summary>An improving solution reported during a solve.</summary>
/// <param name="Cost">Objective value.</param>
/// <param name="VehiclesUsed">Routes with at least one stop.</param>
/// <param name="Unassigned">Orders not routed.</param>
/// <param name="Elapsed">Time since the solve started.</param>
public sealed record PlanProgress(long Cost, int VehiclesUsed, int Unassigned, TimeSpan Elapsed);
