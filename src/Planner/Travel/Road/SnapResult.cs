using Delivery.Planner.Model;

namespace Delivery.Planner.Travel.Road;

/// <summary>Where a location joins the road network.</summary>
/// <param name="Location">The location as given.</param>
/// <param name="VertexId">Id of the vertex it snapped to (in <c>ways_vertices_pgr</c>), always in the largest strongly connected component.</param>
/// <param name="Vertex">The vertex's position.</param>
/// <param name="SnapMeters">Straight-line distance from the location to the vertex, metres.</param>
/// <param name="NearestRoadMeters">Distance to the nearest road of any class, metres; null when none is within the bad-address radius.</param>
/// <param name="ProbableBadAddress">True when no road lies within the bad-address radius: plan it only after checking the address.</param>
public sealed record SnapResult(Location Location, long VertexId, Location Vertex, double SnapMeters, double? NearestRoadMeters, bool ProbableBadAddress)
{
    /// <summary>Index of the vertex in the in-memory graph.</summary>
    internal int VertexIndex { get; init; }
}
