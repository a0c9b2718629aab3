namespace Delivery.Planner.Solving;

/// <summary>Why an order is unassigned.</summary>
public enum UnassignedReason
{
    /// <summary>No vehicle can reach the order inside any of its windows from its depot within its shift.</summary>
    WindowUnreachable,

    /// <summary>The demand exceeds the capacity of every vehicle in some dimension.</summary>
    DemandExceedsEveryVehicle,

    /// <summary>No vehicle has every skill the order requires.</summary>
    NoVehicleWithSkill,

    /// <summary>No vehicle's shift or maximum route duration is long enough to serve it and return.</summary>
    ShiftTooShort,

    /// <summary>Feasible alone, but no room left in the fleet; the detail names the binding constraint.</summary>
    FleetFull,

    /// <summary>Pinned to a vehicle that cannot serve it.</summary>
    PinInfeasible,

    /// <summary>The time limit or a cancellation stopped the plan before the search placed the order; a longer limit may route it.</summary>
    StoppedEarly,
}
