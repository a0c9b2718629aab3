namespace Delivery.Planner.Solving;

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
