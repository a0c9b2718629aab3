namespace Delivery.Planner.Solving;

/// <summary>The part of a problem one OR-Tools model covers: some vehicles and some orders (problem indices).</summary>
/// <param name="Vehicles">Vehicle indices, in model vehicle order.</param>
/// <param name="Orders">Order indices that the model may route (each droppable at its penalty).</param>
internal sealed record SolveScope(int[] Vehicles, int[] Orders);
