namespace Delivery.Planner.Model;

/// <summary>A route whose exact stop sequence must be kept by a re-plan.</summary>
/// <param name="VehicleId">The vehicle that drives it.</param>
/// <param name="OrderIds">The orders in driving order.</param>
public sealed record RouteLock(string VehicleId, IReadOnlyList<string> OrderIds);

/// <summary>A route of a previous plan: the starting point for a re-plan's search.</summary>
/// <param name="VehicleId">The vehicle.</param>
/// <param name="OrderIds">The orders in driving order.</param>
public sealed record RouteSequence(string VehicleId, IReadOnlyList<string> OrderIds);
