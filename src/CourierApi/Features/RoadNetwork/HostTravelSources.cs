using Delivery.CourierApi.Features.Plans;
using Delivery.Planner.Model;
using Delivery.Planner.Travel;

namespace Delivery.CourierApi.Features.RoadNetwork;

/// <summary>
/// Road travel times once the network is loaded, the straight-line source without one. While a load is under way a
/// matrix waits for it (at most <paramref name="waitForLoad"/>), so a plan started with the host — the demo's — uses road times.
/// </summary>
internal sealed class HostTravelTimeSource(RoadNetworkState state, StraightLineTravelTimeSource straightLine, TimeSpan waitForLoad) : ITravelTimeSource
{
    public async Task<TravelMatrix> GetMatrixAsync(IReadOnlyList<Location> locations, CancellationToken cancellationToken = default)
    {
        if (state.IsLoading && waitForLoad > TimeSpan.Zero)
        {
            try
            {
                await state.Settled.WaitAsync(waitForLoad, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Still loading: this plan goes on straight lines rather than wait longer.
            }
        }
        return state.Road is { } road
            ? await road.GetMatrixAsync(locations, cancellationToken)
            : await straightLine.GetMatrixAsync(locations, cancellationToken);
    }
}

/// <summary>Route paths along the roads once the network is loaded (one leg per pair of consecutive points), straight lines until then.</summary>
internal sealed class HostRouteGeometrySource(RoadNetworkState state) : IRouteGeometrySource
{
    public Task<IReadOnlyList<double[]>> PathAsync(IReadOnlyList<Location> points, CancellationToken cancellationToken)
    {
        if (state.Road is not { } road || points.Count < 2)
        {
            return Task.FromResult<IReadOnlyList<double[]>>(points.Select(p => new[] { p.Longitude, p.Latitude }).ToList());
        }
        return Task.Run<IReadOnlyList<double[]>>(() =>
        {
            var path = new List<double[]> { new[] { points[0].Longitude, points[0].Latitude } };
            for (var i = 1; i < points.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var p in road.GetLeg(points[i - 1], points[i]).Polyline)
                {
                    path.Add([p.Longitude, p.Latitude]);
                }
                path.Add([points[i].Longitude, points[i].Latitude]);
            }
            return path;
        }, cancellationToken);
    }
}
