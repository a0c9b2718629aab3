using Delivery.Planner.Travel;

namespace Delivery.Planner.Model;

/// <summary>Builds a validated <see cref="PlanningProblem"/>, asking a travel-time source for the matrix over depots then orders.</summary>
public static class PlanningProblemFactory
{
    /// <summary>Creates the problem and validates it.</summary>
    /// <param name="depots">Depots (matrix indices 0..D-1).</param>
    /// <param name="vehicles">The fleet.</param>
    /// <param name="orders">Orders (matrix indices D..D+N-1).</param>
    /// <param name="travel">Where travel times and distances come from.</param>
    /// <param name="objective">What to minimise.</param>
    /// <param name="coordinates">How to read the coordinates (geographic unless benchmark data).</param>
    /// <param name="epoch">The instant time values count seconds from.</param>
    /// <param name="travelScope">
    /// Whose travel times (a depot id): with a <see cref="ITimeDependentTravelTimeSource"/>, its slices for the scope make the
    /// problem time-dependent (<see cref="PlanningProblem.TimeDependent"/>) when there are several.
    /// </param>
    /// <param name="cancellationToken">Cancels the matrix computation.</param>
    /// <exception cref="PlanningInputException">The input is invalid.</exception>
    public static async Task<PlanningProblem> CreateAsync(
        IReadOnlyList<Depot> depots,
        IReadOnlyList<Vehicle> vehicles,
        IReadOnlyList<Order> orders,
        ITravelTimeSource travel,
        PlanObjective objective = PlanObjective.FewestVehiclesThenTravel,
        CoordinateSystem coordinates = CoordinateSystem.Geographic,
        DateTimeOffset epoch = default,
        string? travelScope = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(depots);
        ArgumentNullException.ThrowIfNull(vehicles);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(travel);
        var locations = depots.Select(d => d.Location).Concat(orders.Select(o => o.Location)).ToList();
        var empty = new TravelMatrix(locations.Count, new long[locations.Count * locations.Count], new long[locations.Count * locations.Count]);
        var problem = new PlanningProblem
        {
            Depots = depots,
            Vehicles = vehicles,
            Orders = orders,
            Matrix = empty,
            Objective = objective,
            Coordinates = coordinates,
            Epoch = epoch,
        };
        // Reject bad input (e.g. coordinates out of range) before asking a possibly expensive source for a matrix.
        problem.Validate();
        TravelMatrix matrix;
        if (travelScope is not null && travel is ITimeDependentTravelTimeSource timed)
        {
            var sliced = await timed.GetSlicedMatricesAsync(travelScope, locations, cancellationToken).ConfigureAwait(false);
            matrix = sliced.Bound();
            if (sliced.IsTimeDependent)
            {
                problem = problem with { TimeDependent = sliced.ToEpoch(epoch) };
            }
        }
        else
        {
            matrix = await travel.GetMatrixAsync(locations, cancellationToken).ConfigureAwait(false);
        }
        if (matrix.Size != locations.Count)
        {
            throw new InvalidOperationException($"The travel-time source returned a {matrix.Size}-location matrix for {locations.Count} locations.");
        }
        return problem with { Matrix = matrix };
    }
}
