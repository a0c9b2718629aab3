using Delivery.Planner.Model;
using Delivery.Planner.Travel;
using Delivery.Planner.Travel.Road;

namespace Delivery.Tracking.Simulation;

/// <summary>The roads a simulated courier drives between two points.</summary>
public interface IRoadPaths
{
    /// <summary>The path from <paramref name="from"/> to <paramref name="to"/>, edge by edge at free flow.</summary>
    IReadOnlyList<RoadSegment> Path(Location from, Location to);
}

/// <summary>The road network's fastest paths (what a courier with a navigation app drives).</summary>
public sealed class NetworkRoadPaths(RoadNetwork network) : IRoadPaths
{
    /// <inheritdoc />
    public IReadOnlyList<RoadSegment> Path(Location from, Location to) => network.PathSegments(from, to);
}

/// <summary>Without a road network: one straight "residential" segment, <paramref name="circuity"/> × longer, at <paramref name="speedKmh"/>.</summary>
public sealed class StraightRoadPaths(double circuity = 1.3, double speedKmh = 30) : IRoadPaths
{
    /// <inheritdoc />
    public IReadOnlyList<RoadSegment> Path(Location from, Location to)
    {
        var meters = StraightLineTravelTimeSource.HaversineMeters(from, to) * circuity;
        return [new RoadSegment([from, to], meters, meters / (speedKmh / 3.6), "residential")];
    }
}
