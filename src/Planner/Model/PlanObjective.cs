namespace Delivery.Planner.Model;

/// <summary>What the planner minimises.</summary>
public enum PlanObjective
{
    /// <summary>Fewest vehicles first, then least total travel time (the classic hierarchical objective).</summary>
    FewestVehiclesThenTravel,

    /// <summary>Least total travel time.</summary>
    MinTravelTime,

    /// <summary>Least total distance.</summary>
    MinDistance,
}
