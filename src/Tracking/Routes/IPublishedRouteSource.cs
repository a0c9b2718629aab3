namespace Delivery.Tracking.Routes;

/// <summary>
/// Reads published routes. The host implements it over the dispatch API's tables; Tracking only reads.
/// Implementations must be thread-safe; results may be cached by the caller for a few seconds.
/// </summary>
public interface IPublishedRouteSource
{
    /// <summary>The route published for <paramref name="courierId"/> on <paramref name="date"/>, or null.</summary>
    Task<PublishedRoute?> GetCourierRouteAsync(string courierId, DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>
    /// IANA id of the time zone of <paramref name="courierId"/>'s depot ("Europe/Lisbon"), or null when unknown (UTC is
    /// then assumed). Tracking finds "today's" route by the date in this zone, the date routes are published for.
    /// </summary>
    Task<string?> GetCourierTimeZoneAsync(string courierId, CancellationToken cancellationToken = default);

    /// <summary>The published route <paramref name="routeId"/>, or null.</summary>
    Task<PublishedRoute?> GetRouteAsync(string routeId, CancellationToken cancellationToken = default);

    /// <summary>What a customer's tracking token points to, or null when the token is unknown or revoked.</summary>
    Task<TrackingTarget?> FindByTrackingTokenAsync(string token, CancellationToken cancellationToken = default);
}
