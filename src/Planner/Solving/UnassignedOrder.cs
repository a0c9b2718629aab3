namespace Delivery.Planner.Solving;

/// <summary>An order the plan does not serve, and why.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Reason">The category of the reason.</param>
/// <param name="Detail">The reason in a dispatcher's words, naming the binding constraint.</param>
public sealed record UnassignedOrder(string OrderId, UnassignedReason Reason, string Detail);
