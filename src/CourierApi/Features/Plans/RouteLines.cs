using Delivery.Planner.Model;

namespace Delivery.CourierApi.Features.Plans;

/// <summary>
/// A plan version's routes as GeoJSON lines along the roads. A finished planning job warms them in the background, so
/// the first board that opens the new plan reads legs already computed (the geometry source keeps them) instead of
/// waiting about a second for a thousand of them.
/// </summary>
internal sealed partial class RouteLines(PlanReader reader, RouteEnds ends, IRouteGeometrySource geometry, IHostApplicationLifetime lifetime, ILogger<RouteLines> log)
{
    /// <summary>Every route with stops as a line along the roads; the routes' paths are computed side by side.</summary>
    public async Task<RouteFeatureCollection> FeaturesAsync(long versionId, CancellationToken ct)
    {
        var plan = await reader.ReadAsync(versionId, ct);
        var depots = await ends.ReadAsync(versionId, ct);
        var features = await Task.WhenAll(plan.Routes.Where(r => r.Stops.Count > 0).Select(async r =>
        {
            var (start, end) = depots[r.RouteId];
            var path = await geometry.PathAsync([start, .. r.Stops.Select(s => new Location(s.Longitude, s.Latitude)), end], ct);
            return new RouteFeature("Feature", new LineStringGeometry("LineString", path),
                new RouteFeatureProperties(r.RouteId, r.CourierId, r.CourierName, r.Locked, r.Stops.Count, r.DistanceKm));
        }));
        return new RouteFeatureCollection("FeatureCollection", features, versionId);
    }

    /// <summary>Computes a new version's lines in the background (nothing waits for it; a failure only costs the first reader time).</summary>
    public void Warm(long versionId) => _ = Task.Run(async () =>
    {
        try
        {
            await FeaturesAsync(versionId, lifetime.ApplicationStopping);
        }
        catch (Exception e)
        {
            LogWarmFailed(e, versionId);
        }
    });

    [LoggerMessage(Level = LogLevel.Debug, Message = "Warming the route lines of plan version {VersionId} failed")]
    private partial void LogWarmFailed(Exception exception, long versionId);
}
