using Delivery.Planner.Model;

namespace Delivery.Planner.Travel.Road;

/// <summary>The fastest road path between two locations, for maps and manifests.</summary>
/// <param name="Polyline">The road's shape from the origin's snapped vertex to the destination's, as longitude/latitude points.</param>
/// <param name="DurationSeconds">Travel time along it, seconds (rounded).</param>
/// <param name="DistanceMeters">Length, metres (rounded).</param>
public sealed record RoadLeg(IReadOnlyList<Location> Polyline, long DurationSeconds, long DistanceMeters);

/// <summary>One edge of a road path.</summary>
/// <param name="Shape">The edge's shape in driving order, as longitude/latitude points (first = end of the previous edge).</param>
/// <param name="LengthMeters">Length, metres.</param>
/// <param name="FreeFlowSeconds">Travel time at free flow, seconds.</param>
/// <param name="RoadClass">Road class (the OSM <c>highway</c> value).</param>
public sealed record RoadSegment(IReadOnlyList<Location> Shape, double LengthMeters, double FreeFlowSeconds, string RoadClass);
