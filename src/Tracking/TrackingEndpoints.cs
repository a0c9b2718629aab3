using Delivery.Tracking.Hubs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Delivery.Tracking;

/// <summary>Tracking's hubs. The REST endpoints over tracking (analytics, paper outcomes, the customer's view) belong to the host.</summary>
public static class TrackingEndpoints
{
    /// <summary>
    /// Maps the courier hub (<see cref="TrackingOptions.CourierHubPath"/>, policy <c>Courier</c>) and the live hub
    /// (<see cref="TrackingOptions.LiveHubPath"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapTracking(this IEndpointRouteBuilder endpoints)
    {
        var o = endpoints.ServiceProvider.GetRequiredService<IOptions<TrackingOptions>>().Value;
        endpoints.MapHub<CourierHub>(o.CourierHubPath);
        endpoints.MapHub<LiveHub>(o.LiveHubPath);
        return endpoints;
    }
}
