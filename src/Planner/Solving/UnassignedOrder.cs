namespace Delivery.Planner.Solving;

/// <summary>An order the plan does not serve, and why.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Reason">The category of the reason.</param>
/// <param name="Detail">The reason in a dispatcher's words, naming the binding constraint.</param>
/// <param name="Args">
/// The reason's parameters, for a caller to put it into words of its own language: keys ending in <c>At</c> are seconds
/// from the problem's epoch; <c>windows</c> lists <c>start/end</c> seconds separated by <c>;</c>; <c>vehicle</c> is a
/// vehicle id; <c>dimension</c> a name of <see cref="Model.Load.DimensionNames"/>; <c>binding</c> is <c>capacity</c> or <c>time</c>.
/// </param>
public sealed record UnassignedOrder(string OrderId, UnassignedReason Reason, string Detail, IReadOnlyDictionary<string, string>? Args = null);
