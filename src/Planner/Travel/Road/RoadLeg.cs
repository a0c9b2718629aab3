using Delivery.Planner.Model;

namespace Delivery.Planner.Travel.Road;

/// <summary>The fastest road path between two locations, for maps and manifests.</summary>
/// <param name="Polyline">The road's shape from the origin's snapped vertex to the destination's, as longitude/latitude points.</param>
/// <param name="DurationSeconds">Travel time along it, seconds (rounded).</param>
/// <param name="DistanceMeters">Length, metres (rounded).</param>
public sealed record RoadLeg(IReadOnlyList<Location> Polyline, long DurationSeconds, long DistanceMeters);
