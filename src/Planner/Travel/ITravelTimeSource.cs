using Delivery.Planner.Model;

namespace Delivery.Planner.Travel;

/// <summary>
/// Produces travel-time and distance matrices between locations. Implementations: straight line with a circuity
/// factor (default without a road network), exact Euclidean (benchmark instances), and the road network.
/// </summary>
public interface ITravelTimeSource
{
    /// <summary>Matrices over <paramref name="locations"/>, in their order; entry (i, i) is 0.</summary>
    Task<TravelMatrix> GetMatrixAsync(IReadOnlyList<Location> locations, CancellationToken cancellationToken = default);
}
