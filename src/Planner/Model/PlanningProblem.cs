using Delivery.Planner.Travel;

namespace Delivery.Planner.Model;

/// <summary>
/// Everything the planner needs for one plan: depots, fleet, orders, the travel matrix over their locations,
/// the objective, and what a re-plan must keep. Immutable; build it with a travel-time source or
/// construct it and call <see cref="Validate"/>.
/// </summary>
public sealed record PlanningProblem
{
    /// <summary>The instant that time values (windows, shifts) count seconds from; used only to show times.</summary>
    public DateTimeOffset Epoch { get; init; }

    /// <summary>How to read the coordinates.</summary>
    public CoordinateSystem Coordinates { get; init; } = CoordinateSystem.Geographic;

    /// <summary>Depots; ids unique.</summary>
    public required IReadOnlyList<Depot> Depots { get; init; }

    /// <summary>Vehicles (one per courier shift); ids unique.</summary>
    public required IReadOnlyList<Vehicle> Vehicles { get; init; }

    /// <summary>Orders to plan; ids unique.</summary>
    public required IReadOnlyList<Order> Orders { get; init; }

    /// <summary>
    /// Travel matrix over <see cref="Depots"/> followed by <see cref="Orders"/>: index d for depot d, and
    /// <c>Depots.Count + i</c> for order i.
    /// </summary>
    public required TravelMatrix Matrix { get; init; }

    /// <summary>
    /// Time-dependent travel: when set, each leg is timed on the matrix in force at its departure (schedules and the
    /// validator) and <see cref="Matrix"/> is the slices' bound the search plans with. Null: <see cref="Matrix"/> all day.
    /// </summary>
    public TimeDependentTravel? TimeDependent { get; init; }

    /// <summary>Travel seconds from matrix index <paramref name="from"/> to <paramref name="to"/> leaving at <paramref name="departureSeconds"/>.</summary>
    public long DurationAt(int from, int to, long departureSeconds) =>
        (TimeDependent?.At(departureSeconds) ?? Matrix).Duration(from, to);

    /// <summary>Distance in metres of the leg from <paramref name="from"/> to <paramref name="to"/> leaving at <paramref name="departureSeconds"/>.</summary>
    public long DistanceAt(int from, int to, long departureSeconds) =>
        (TimeDependent?.At(departureSeconds) ?? Matrix).Distance(from, to);

    /// <summary>What to minimise.</summary>
    public PlanObjective Objective { get; init; } = PlanObjective.FewestVehiclesThenTravel;

    /// <summary>Routes whose exact sequence a re-plan must keep.</summary>
    public IReadOnlyList<RouteLock> LockedRoutes { get; init; } = [];

    /// <summary>Orders pinned to a vehicle: order id → vehicle id.</summary>
    public IReadOnlyDictionary<string, string> Pins { get; init; } = new Dictionary<string, string>();

    /// <summary>The previous plan's routes, used as the search's starting point so a re-plan changes little.</summary>
    public IReadOnlyList<RouteSequence> PreviousRoutes { get; init; } = [];

    /// <summary>Matrix index of depot <paramref name="depotIndex"/>.</summary>
    public int DepotNode(int depotIndex) => depotIndex;

    /// <summary>Matrix index of order <paramref name="orderIndex"/>.</summary>
    public int OrderNode(int orderIndex) => Depots.Count + orderIndex;

    /// <summary>Checks every invariant that the types alone cannot; throws <see cref="PlanningInputException"/> listing every problem.</summary>
    public void Validate() => PlanningProblemValidator.ThrowIfInvalid(this);
}
