using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Delivery.Tracking.Routes;

/// <summary>Caches each courier's route for a few seconds so a stream of batches does not query the API tables each time.</summary>
internal sealed class RouteCache(IPublishedRouteSource source, IOptions<TrackingOptions> options, [FromKeyedServices(TrackingServiceCollectionExtensions.ClockKey)] TimeProvider time)
{
    private readonly ConcurrentDictionary<(string, DateOnly), (PublishedRoute? Route, DateTimeOffset Until)> _byCourier = new();

    public async Task<PublishedRoute?> GetCourierRouteAsync(string courierId, DateOnly date, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_byCourier.TryGetValue((courierId, date), out var hit) && hit.Until > now)
        {
            return hit.Route;
        }
        var route = await source.GetCourierRouteAsync(courierId, date, ct).ConfigureAwait(false);
        _byCourier[(courierId, date)] = (route, now.AddSeconds(options.Value.RouteCacheSeconds));
        return route;
    }

    /// <summary>Forgets a courier's cached route (after a re-publish).</summary>
    public void Invalidate(string courierId)
    {
        foreach (var key in _byCourier.Keys.Where(k => k.Item1 == courierId))
        {
            _byCourier.TryRemove(key, out _);
        }
    }
}
