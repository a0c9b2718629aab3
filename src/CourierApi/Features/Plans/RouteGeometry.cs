using Delivery.Planner.Model;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>
/// The drawn path of a route through its points (depot, stops in order, depot): the driven polyline once the road
/// network is loaded, straight segments until then (<see cref="RoadNetwork.HostRouteGeometrySource"/>).
/// </summary>
public interface IRouteGeometrySource
{
    /// <summary>Coordinates [longitude, latitude] of the path through <paramref name="points"/> in order.</summary>
    Task<IReadOnlyList<double[]>> PathAsync(IReadOnlyList<Location> points, CancellationToken cancellationToken);
}

/// <summary>A GeoJSON feature collection of routes (RFC 7946), with the plan version it draws (a foreign member).</summary>
public sealed record RouteFeatureCollection(string Type, IReadOnlyList<RouteFeature> Features, long VersionId);

/// <summary>One route as a GeoJSON LineString feature.</summary>
public sealed record RouteFeature(string Type, LineStringGeometry Geometry, RouteFeatureProperties Properties);

/// <summary>A GeoJSON LineString.</summary>
public sealed record LineStringGeometry(string Type, IReadOnlyList<double[]> Coordinates);

/// <summary>What a map shows about a route.</summary>
public sealed record RouteFeatureProperties(long RouteId, long CourierId, string CourierName, bool Locked, int Stops, double DistanceKm);
