namespace Delivery.Planner.Validation;

/// <summary>The kinds of problem <see cref="PlanValidator"/> finds in a plan.</summary>
public enum PlanViolationKind
{
    /// <summary>Service cannot start inside any of the order's windows: the earliest arrival is after every window end.</summary>
    WindowMissed,

    /// <summary>The load carried on a route exceeds the vehicle's capacity in some dimension.</summary>
    CapacityExceeded,

    /// <summary>The route leaves its start depot before the shift starts.</summary>
    ShiftStartViolated,

    /// <summary>The route cannot be back at its end depot by the end of the shift.</summary>
    ShiftEndExceeded,

    /// <summary>The route lasts longer (end minus start, waiting included) than the vehicle's maximum route duration.</summary>
    MaxRouteDurationExceeded,

    /// <summary>The vehicle has a break but the route plans none.</summary>
    BreakMissing,

    /// <summary>The planned break starts outside the vehicle's break window.</summary>
    BreakOutsideWindow,

    /// <summary>The planned break is shorter than the vehicle's break.</summary>
    BreakTooShort,

    /// <summary>
    /// The planned break cannot be where the plan puts it: after a stop that does not exist, before the courier is free,
    /// or on a vehicle that has no break.
    /// </summary>
    BreakMisplaced,

    /// <summary>The vehicle lacks a skill the order requires.</summary>
    SkillMissing,

    /// <summary>A locked route is not driven in exactly its locked sequence by its vehicle.</summary>
    LockBroken,

    /// <summary>A pinned order is routed on another vehicle.</summary>
    PinBroken,

    /// <summary>An order is neither routed nor reported unassigned.</summary>
    OrderMissing,

    /// <summary>An order is routed more than once, reported unassigned more than once, or both routed and unassigned.</summary>
    OrderDuplicated,

    /// <summary>The plan names an order the problem does not have.</summary>
    UnknownOrder,

    /// <summary>The plan names a vehicle the problem does not have.</summary>
    UnknownVehicle,

    /// <summary>One vehicle has more than one route.</summary>
    VehicleUsedTwice,

    /// <summary>The reported arrival, service start, departure or route end times do not follow from the route.</summary>
    ReportedTimesInconsistent,

    /// <summary>The reported route distance or travel time differs from the sum over the matrix.</summary>
    ReportedDistanceInconsistent,

    /// <summary>The reported load after a stop differs from the sum of the demands served so far.</summary>
    ReportedLoadInconsistent,

    /// <summary>An unassigned order has no reason (empty detail or an undefined reason).</summary>
    UnassignedWithoutReason,
}
