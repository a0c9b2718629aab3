namespace Delivery.Tracking.Hubs;

/// <summary>
/// The resource a hub method authorises against when it acts on a depot (<see cref="LiveHub.JoinDepot"/>): the host's
/// authorisation handlers check that the caller works for <paramref name="DepotId"/>.
/// </summary>
/// <param name="DepotId">The depot's id, as the hub receives it.</param>
public sealed record DepotResource(string DepotId);
